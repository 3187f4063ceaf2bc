// The type-specific fields of the vendor channel types (slack, dingtalk, wecom, feishu,
// alertmanager) for the channel form: which settings and secrets each type takes, how to edit them,
// which are required, and the vendor's rate limit. The names are the server's
// (io.kubeward.alert.domain.channel.vendor.*ChannelType); labels and help are message keys under
// alertVendors.* in en.ts / zh-CN.ts. Secrets are write-only: the API only says whether one is set.
// The channel form (channels.ts) takes VENDOR_CHANNEL_FIELDS under its "alerting vendors" marker
// and caps maxPerMinute with vendorMaxPerMinute when the type changes.

export type VendorChannelType = 'slack' | 'dingtalk' | 'wecom' | 'feishu' | 'alertmanager'

export interface ChannelField {
  /** The setting or secret name the API takes. */
  name: string
  /** A plain setting (shown back by the API) or a secret (write-only). */
  kind: 'setting' | 'secret'
  input: 'url' | 'text' | 'password' | 'select' | 'boolean' | 'duration' | 'phones'
  required?: boolean
  options?: string[]
  placeholder?: string
  /** Message keys. */
  label: string
  help?: string
}

export interface VendorTypeSpec {
  type: VendorChannelType
  /** Message key of the type's name. */
  label: string
  fields: ChannelField[]
  /** The highest maxPerMinute the server accepts for this type (the vendor's own limit). */
  maxPerMinute: number
  /** What the form proposes for a new channel. */
  defaultMaxPerMinute: number
}

const url = (placeholder: string, help: string): ChannelField => ({
  name: 'url',
  kind: 'secret',
  input: 'url',
  required: true,
  placeholder,
  label: 'alertVendors.field.webhookUrl',
  help,
})

export const VENDOR_TYPES: VendorTypeSpec[] = [
  {
    type: 'slack',
    label: 'alertVendors.type.slack',
    maxPerMinute: 60,
    defaultMaxPerMinute: 30,
    fields: [
      url('https://hooks.slack.com/services/T…/B…/…', 'alertVendors.help.slackUrl'),
      { name: 'channel', kind: 'setting', input: 'text', placeholder: '#ops', label: 'alertVendors.field.slackChannel', help: 'alertVendors.help.slackLegacy' },
      { name: 'username', kind: 'setting', input: 'text', placeholder: 'Kubeward', label: 'alertVendors.field.username' },
      { name: 'iconEmoji', kind: 'setting', input: 'text', placeholder: ':rotating_light:', label: 'alertVendors.field.iconEmoji' },
    ],
  },
  {
    type: 'dingtalk',
    label: 'alertVendors.type.dingtalk',
    maxPerMinute: 20,
    defaultMaxPerMinute: 20,
    fields: [
      url('https://oapi.dingtalk.com/robot/send?access_token=…', 'alertVendors.help.dingtalkUrl'),
      { name: 'secret', kind: 'secret', input: 'password', placeholder: 'SEC…', label: 'alertVendors.field.signingSecret', help: 'alertVendors.help.dingtalkSecret' },
      { name: 'atMobiles', kind: 'setting', input: 'phones', placeholder: '13800000000, 13900000000', label: 'alertVendors.field.atMobiles' },
      { name: 'atAll', kind: 'setting', input: 'boolean', label: 'alertVendors.field.atAll' },
    ],
  },
  {
    type: 'wecom',
    label: 'alertVendors.type.wecom',
    maxPerMinute: 20,
    defaultMaxPerMinute: 20,
    fields: [
      url('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', 'alertVendors.help.wecomUrl'),
      { name: 'format', kind: 'setting', input: 'select', options: ['markdown', 'text'], label: 'alertVendors.field.format' },
      { name: 'mentionedMobiles', kind: 'setting', input: 'phones', placeholder: '13800000000', label: 'alertVendors.field.mentionedMobiles', help: 'alertVendors.help.wecomMentions' },
    ],
  },
  {
    type: 'feishu',
    label: 'alertVendors.type.feishu',
    maxPerMinute: 100,
    defaultMaxPerMinute: 30,
    fields: [
      url('https://open.feishu.cn/open-apis/bot/v2/hook/…', 'alertVendors.help.feishuUrl'),
      { name: 'secret', kind: 'secret', input: 'password', label: 'alertVendors.field.signingSecret', help: 'alertVendors.help.feishuSecret' },
      { name: 'format', kind: 'setting', input: 'select', options: ['interactive', 'text'], label: 'alertVendors.field.format' },
    ],
  },
  {
    type: 'alertmanager',
    label: 'alertVendors.type.alertmanager',
    maxPerMinute: 600,
    defaultMaxPerMinute: 60,
    fields: [
      { name: 'url', kind: 'setting', input: 'url', required: true, placeholder: 'http://alertmanager.monitoring:9093', label: 'alertVendors.field.alertmanagerUrl', help: 'alertVendors.help.alertmanagerUrl' },
      { name: 'username', kind: 'setting', input: 'text', label: 'alertVendors.field.username' },
      { name: 'password', kind: 'secret', input: 'password', label: 'alertVendors.field.password' },
      { name: 'bearerToken', kind: 'secret', input: 'password', label: 'alertVendors.field.bearerToken', help: 'alertVendors.help.alertmanagerAuth' },
      { name: 'endsAfter', kind: 'setting', input: 'duration', placeholder: '5h', label: 'alertVendors.field.endsAfter', help: 'alertVendors.help.endsAfter' },
      { name: 'generatorUrl', kind: 'setting', input: 'url', placeholder: 'https://kubeward.example.com', label: 'alertVendors.field.generatorUrl', help: 'alertVendors.help.generatorUrl' },
    ],
  },
]

/**
 * The table in the shape of the channel form's CHANNEL_FIELDS (channels.ts: name, secret, kind,
 * required, options, placeholder), for its "alerting vendors" entry: booleans become a true/false
 * select, phone lists a list, durations text.
 */
export interface FormField {
  name: string
  secret: boolean
  kind: 'text' | 'url' | 'number' | 'select' | 'list' | 'password'
  required?: boolean
  options?: string[]
  placeholder?: string
}

export const VENDOR_CHANNEL_FIELDS: Record<string, FormField[]> = Object.fromEntries(
  VENDOR_TYPES.map((spec) => [
    spec.type,
    spec.fields.map((field): FormField => {
      const kind: FormField['kind'] =
        field.input === 'boolean' || field.input === 'select'
          ? 'select'
          : field.input === 'phones'
            ? 'list'
            : field.input === 'duration'
              ? 'text'
              : field.input
      return {
        name: field.name,
        secret: field.kind === 'secret',
        kind: field.kind === 'secret' ? 'password' : kind,
        ...(field.required ? { required: true } : {}),
        ...(field.input === 'boolean' ? { options: ['false', 'true'] } : field.options ? { options: field.options } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      }
    }),
  ]),
)

/** The message keys of a vendor field's label and help (for the form's hints), if known. */
export function vendorFieldText(type: string, name: string): { label: string; help?: string } | undefined {
  const field = vendorType(type)?.fields.find((f) => f.name === name)
  return field ? { label: field.label, ...(field.help ? { help: field.help } : {}) } : undefined
}

/** The vendor's rate limit of a type, if it is a vendor type (the form caps maxPerMinute to it). */
export function vendorMaxPerMinute(type: string): number | undefined {
  return vendorType(type)?.maxPerMinute
}

export function vendorType(type: string): VendorTypeSpec | undefined {
  return VENDOR_TYPES.find((spec) => spec.type === type)
}

const PHONE = /^\+?[0-9][0-9-]{4,19}$/
const DURATION = /^(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/

/**
 * The settings and secrets of the API body from the form's values (blank values left out, so an
 * unchanged secret keeps its stored value), and the problems the form can see before the server's
 * validation (message keys with their parameters).
 */
export function vendorBody(
  type: string,
  values: Record<string, string>,
  secretsSet: string[] = [],
): { settings: Record<string, string>; secrets: Record<string, string>; problems: { key: string; field: string }[] } {
  const spec = vendorType(type)
  const settings: Record<string, string> = {}
  const secrets: Record<string, string> = {}
  const problems: { key: string; field: string }[] = []
  if (!spec) return { settings, secrets, problems }
  for (const field of spec.fields) {
    const value = (values[field.name] ?? '').trim()
    if (!value) {
      if (field.required && !(field.kind === 'secret' && secretsSet.includes(field.name))) {
        problems.push({ key: 'alertVendors.problem.required', field: field.name })
      }
      continue
    }
    if (field.input === 'url' && !/^https?:\/\/[^\s/]+/.test(value)) {
      problems.push({ key: 'alertVendors.problem.url', field: field.name })
    }
    if (field.input === 'phones' && value.split(',').some((p) => p.trim() && !PHONE.test(p.trim()))) {
      problems.push({ key: 'alertVendors.problem.phones', field: field.name })
    }
    if (field.input === 'duration' && !DURATION.test(value)) {
      problems.push({ key: 'alertVendors.problem.duration', field: field.name })
    }
    if (field.input === 'boolean' && value !== 'true' && value !== 'false') continue
    ;(field.kind === 'secret' ? secrets : settings)[field.name] = value
  }
  return { settings, secrets, problems }
}
