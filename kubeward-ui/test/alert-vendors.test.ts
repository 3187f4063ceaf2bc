import { describe, expect, it } from 'vitest'
import en from '@/shared/i18n/en'
import { VENDOR_CHANNEL_FIELDS, VENDOR_TYPES, vendorBody, vendorMaxPerMinute, vendorType } from '@/features/alerts/channels/vendorFields'
import { keys } from './translate'

describe('vendor channel fields', () => {
  it('names the settings and secrets the server takes, with the vendor rate limits', () => {
    const names = Object.fromEntries(
      VENDOR_TYPES.map((spec) => [spec.type, spec.fields.map((f) => `${f.kind}:${f.name}`).sort()]),
    )
    // io.kubeward.alert.domain.channel.vendor.*ChannelType settingNames()/secretNames()
    expect(names).toEqual({
      slack: ['secret:url', 'setting:channel', 'setting:iconEmoji', 'setting:username'],
      dingtalk: ['secret:secret', 'secret:url', 'setting:atAll', 'setting:atMobiles'],
      wecom: ['secret:url', 'setting:format', 'setting:mentionedMobiles'],
      feishu: ['secret:secret', 'secret:url', 'setting:format'],
      alertmanager: [
        'secret:bearerToken',
        'secret:password',
        'setting:endsAfter',
        'setting:generatorUrl',
        'setting:url',
        'setting:username',
      ],
    })
    expect(vendorType('dingtalk')?.maxPerMinute).toBe(20)
    expect(vendorType('wecom')?.maxPerMinute).toBe(20)
    expect(vendorType('feishu')?.maxPerMinute).toBe(100)
    for (const spec of VENDOR_TYPES) expect(spec.defaultMaxPerMinute).toBeLessThanOrEqual(spec.maxPerMinute)
  })

  it('has every label and help text in the messages', () => {
    const known = new Set(keys(en))
    const used = VENDOR_TYPES.flatMap((spec) => [spec.label, ...spec.fields.flatMap((f) => [f.label, ...(f.help ? [f.help] : [])])])
    expect(used.filter((key) => !known.has(key))).toEqual([])
  })

  it('splits the form into settings and secrets and keeps a stored secret when left empty', () => {
    const body = vendorBody('dingtalk', { url: '', secret: 'SECnew', atMobiles: '13800000000', atAll: 'true' }, ['url'])
    expect(body).toEqual({
      settings: { atMobiles: '13800000000', atAll: 'true' },
      secrets: { secret: 'SECnew' },
      problems: [],
    })
    expect(vendorBody('dingtalk', { url: '' }).problems).toEqual([{ key: 'alertVendors.problem.required', field: 'url' }])
    expect(vendorBody('alertmanager', { url: 'am:9093', endsAfter: 'soon' }).problems.map((p) => p.field)).toEqual([
      'url',
      'endsAfter',
    ])
    expect(vendorBody('webhook', { url: 'x' })).toEqual({ settings: {}, secrets: {}, problems: [] })
  })

  it('gives the channel form its field entries: secrets as passwords, flags as a true/false select', () => {
    expect(Object.keys(VENDOR_CHANNEL_FIELDS).sort()).toEqual(['alertmanager', 'dingtalk', 'feishu', 'slack', 'wecom'])
    expect(VENDOR_CHANNEL_FIELDS.dingtalk).toEqual([
      { name: 'url', secret: true, kind: 'password', required: true, placeholder: 'https://oapi.dingtalk.com/robot/send?access_token=…' },
      { name: 'secret', secret: true, kind: 'password', placeholder: 'SEC…' },
      { name: 'atMobiles', secret: false, kind: 'list', placeholder: '13800000000, 13900000000' },
      { name: 'atAll', secret: false, kind: 'select', options: ['false', 'true'] },
    ])
    expect(VENDOR_CHANNEL_FIELDS.alertmanager[0]).toMatchObject({ name: 'url', secret: false, kind: 'url', required: true })
    expect(vendorMaxPerMinute('wecom')).toBe(20)
    expect(vendorMaxPerMinute('webhook')).toBeUndefined()
  })
})
