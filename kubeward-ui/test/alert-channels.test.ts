import { describe, expect, it } from 'vitest'
import type { AlertChannel } from '@/features/alerts/channels/api'
import { destination, emptyForm, fieldsOf, toChange, toForm, validName } from '@/features/alerts/channels/channels'

const webhook: AlertChannel = {
  name: 'ops',
  type: 'webhook',
  enabled: true,
  language: 'zh-CN',
  settings: { url: 'https://hooks.example.com/x?y=1' },
  secrets: { hmacKey: { set: true } },
  allowPrivateAddresses: false,
  maxPerMinute: 30,
  titleTemplate: null,
  bodyTemplate: null,
  updatedBy: 'admin',
  updatedAt: '2026-12-03T10:00:00Z',
}

describe('alert channel form', () => {
  it('keeps stored secrets unless one is entered or removed', () => {
    const fields = fieldsOf('webhook', [])
    const form = toForm(webhook)
    expect(form.storedSecrets).toEqual(['hmacKey'])
    expect(toChange(form, fields, false).secrets).toEqual({})
    form.secrets.hmacKey = 'a-new-key-of-16-chars'
    expect(toChange(form, fields, false).secrets).toEqual({ hmacKey: 'a-new-key-of-16-chars' })
    form.removeSecrets.hmacKey = true
    expect(toChange(form, fields, false).secrets).toEqual({ hmacKey: '' })
  })

  it('sends a URL with a token as a secret', () => {
    const fields = fieldsOf('webhook', [])
    const form = emptyForm('webhook')
    form.name = 'slack-ish'
    form.asSecret.url = true
    form.secrets.url = 'https://hooks.example.com/T0K3N'
    const change = toChange(form, fields, true)
    expect(change.name).toBe('slack-ish')
    expect(change.settings).toEqual({})
    expect(change.secrets).toEqual({ url: 'https://hooks.example.com/T0K3N' })
    expect(change.titleTemplate).toBeNull()
  })

  it('knows the email fields and makes fields for types it does not list', () => {
    expect(fieldsOf('email', []).map((f) => f.name)).toEqual(['host', 'port', 'security', 'username', 'password', 'from', 'to'])
    const fields = fieldsOf('pager', [{ type: 'pager', settings: ['url'], secrets: ['token'], required: ['url'] }])
    expect(fields).toEqual([
      { name: 'url', secret: false, kind: 'text', required: true },
      { name: 'token', secret: true, kind: 'password', required: false },
    ])
  })

  it('shows where a channel sends without query or secrets', () => {
    expect(destination(webhook)).toBe('https://hooks.example.com/x')
    expect(destination({ ...webhook, settings: {}, secrets: { url: { set: true } } })).toBe('•••')
    expect(destination({ ...webhook, type: 'email', settings: { host: 'smtp.example.com', port: '465' } })).toBe('smtp.example.com:465')
  })

  it('checks names like the server', () => {
    expect(validName('ops-webhook')).toBe(true)
    expect(validName('Ops')).toBe(false)
    expect(validName('-x')).toBe(false)
  })
})
