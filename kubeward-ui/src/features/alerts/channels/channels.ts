// Pure logic of the channels page: the per-type field table of the form, the form's values from a
// channel and the change sent back (secrets write-only: an empty secret field keeps the stored
// value, "remove" sends ""), and the variables a template may use.

import type { AlertChannel, AlertChannelChange, AlertChannelType } from './api'
import { VENDOR_CHANNEL_FIELDS } from './vendorFields'

export type FieldKind = 'text' | 'url' | 'number' | 'select' | 'list' | 'password'

/** One field of a channel type's form: a setting, or a secret (write-only). */
export interface ChannelField {
  name: string
  secret: boolean
  kind: FieldKind
  required?: boolean
  /** Options of a select. */
  options?: string[]
  placeholder?: string
  /** The field may be a setting or a secret (a URL that embeds a token). */
  secretOptional?: boolean
}

/**
 * The form fields per channel type, in order. Types missing here get one text field per setting
 * and one password field per secret from GET /alerting/channel-types.
 */
export const CHANNEL_FIELDS: Record<string, ChannelField[]> = {
  webhook: [
    { name: 'url', secret: false, kind: 'url', required: true, placeholder: 'https://receiver.example.com/hook', secretOptional: true },
    { name: 'hmacKey', secret: true, kind: 'password' },
  ],
  email: [
    { name: 'host', secret: false, kind: 'text', required: true, placeholder: 'smtp.example.com' },
    { name: 'port', secret: false, kind: 'number', placeholder: '587' },
    { name: 'security', secret: false, kind: 'select', options: ['starttls', 'tls', 'none'] },
    { name: 'username', secret: false, kind: 'text' },
    { name: 'password', secret: true, kind: 'password' },
    { name: 'from', secret: false, kind: 'text', required: true, placeholder: 'alerts@example.com' },
    { name: 'to', secret: false, kind: 'list', required: true, placeholder: 'oncall@example.com, ops@example.com' },
  ],
  // --- alerting vendors: one entry per type below ---
  ...VENDOR_CHANNEL_FIELDS,
}

/** The variables of title and body templates (NotificationText). */
export const TEMPLATE_VARIABLES = [
  'status',
  'alertname',
  'cluster',
  'severity',
  'firingCount',
  'resolvedCount',
  'groupLabels',
  'labels.<name>',
  'summary',
  'title',
  'alerts',
]

/** The fields of a type: the table's, else made from the type's names. */
export function fieldsOf(type: string, types: AlertChannelType[]): ChannelField[] {
  const known = CHANNEL_FIELDS[type]
  if (known) return known
  const info = types.find((t) => t.type === type)
  if (!info) return []
  const required = new Set(info.required)
  return [
    ...info.settings.map((name) => ({ name, secret: false, kind: 'text' as const, required: required.has(name) })),
    ...info.secrets
      .filter((name) => !info.settings.includes(name))
      .map((name) => ({ name, secret: true, kind: 'password' as const, required: required.has(name) })),
  ]
}

export interface ChannelForm {
  name: string
  type: string
  enabled: boolean
  language: 'en' | 'zh-CN'
  /** Setting values by name. */
  settings: Record<string, string>
  /** New secret values by name ('' = keep the stored one). */
  secrets: Record<string, string>
  /** Secrets to remove. */
  removeSecrets: Record<string, boolean>
  /** Fields that may be a secret and are kept as one (a URL with a token). */
  asSecret: Record<string, boolean>
  /** Names of the secrets stored (from the server). */
  storedSecrets: string[]
  allowPrivateAddresses: boolean
  maxPerMinute: number
  titleTemplate: string
  bodyTemplate: string
}

export function emptyForm(type = 'webhook'): ChannelForm {
  return {
    name: '',
    type,
    enabled: true,
    language: 'en',
    settings: {},
    secrets: {},
    removeSecrets: {},
    asSecret: {},
    storedSecrets: [],
    allowPrivateAddresses: false,
    maxPerMinute: 30,
    titleTemplate: '',
    bodyTemplate: '',
  }
}

export function toForm(channel: AlertChannel): ChannelForm {
  const stored = Object.keys(channel.secrets ?? {}).filter((k) => channel.secrets[k]?.set)
  const asSecret: Record<string, boolean> = {}
  for (const name of stored) if (!(name in channel.settings)) asSecret[name] = true
  return {
    name: channel.name,
    type: channel.type,
    enabled: channel.enabled,
    language: channel.language === 'zh-CN' ? 'zh-CN' : 'en',
    settings: { ...channel.settings },
    secrets: {},
    removeSecrets: {},
    asSecret,
    storedSecrets: stored,
    allowPrivateAddresses: channel.allowPrivateAddresses,
    maxPerMinute: channel.maxPerMinute,
    titleTemplate: channel.titleTemplate ?? '',
    bodyTemplate: channel.bodyTemplate ?? '',
  }
}

/** The change to send: settings of the type only, entered or removed secrets only. */
export function toChange(form: ChannelForm, fields: ChannelField[], creating: boolean): AlertChannelChange {
  const settings: Record<string, string> = {}
  const secrets: Record<string, string> = {}
  for (const field of fields) {
    const asSecret = field.secret || (field.secretOptional === true && form.asSecret[field.name] === true)
    if (!asSecret) {
      const value = (form.settings[field.name] ?? '').trim()
      if (value !== '') settings[field.name] = value
      // a value moved from secret back to a setting: drop the stored secret
      if (field.secretOptional && form.storedSecrets.includes(field.name)) secrets[field.name] = ''
      continue
    }
    const entered = form.secrets[field.name] ?? ''
    if (form.removeSecrets[field.name]) secrets[field.name] = ''
    else if (entered !== '') secrets[field.name] = entered
  }
  return {
    ...(creating ? { name: form.name.trim() } : {}),
    type: form.type,
    enabled: form.enabled,
    language: form.language,
    settings,
    secrets,
    allowPrivateAddresses: form.allowPrivateAddresses,
    maxPerMinute: form.maxPerMinute,
    titleTemplate: form.titleTemplate.trim() === '' ? null : form.titleTemplate,
    bodyTemplate: form.bodyTemplate.trim() === '' ? null : form.bodyTemplate,
  }
}

/** Where a channel sends to, for the list: its URL's host or its SMTP host (never a secret URL). */
export function destination(channel: AlertChannel): string {
  const url = channel.settings['url']
  if (url) {
    try {
      const parsed = new URL(url)
      return `${parsed.protocol}//${parsed.host}${parsed.pathname}`
    } catch {
      return url
    }
  }
  if (channel.settings['host']) return `${channel.settings['host']}${channel.settings['port'] ? ':' + channel.settings['port'] : ''}`
  if (channel.secrets['url']?.set) return '•••'
  return ''
}

/** A DNS label, as the server requires of channel names. */
export function validName(name: string): boolean {
  return name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)
}
