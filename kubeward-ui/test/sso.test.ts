import { describe, expect, it } from 'vitest'
import { SSO_ERRORS, ssoErrorKey } from '@/features/sso/api'
import en from '@/shared/i18n/en'
import zhCN from '@/shared/i18n/zh-CN'
import { translator } from './translate'

describe('the sign-in page after a refused single sign-on', () => {
  it('says why in both languages for every code the callback sends', () => {
    for (const messages of [en, zhCN]) {
      const t = translator(messages)
      for (const code of SSO_ERRORS) {
        const key = ssoErrorKey(code)
        expect(key).not.toBe('sso.error.unknown')
        expect(t(key!)).not.toBe(key)
      }
    }
    expect(translator(en)(ssoErrorKey('sso.no-access')!)).toContain('none of your groups')
  })

  it('shows a generic sentence for an unknown code and nothing without one', () => {
    expect(ssoErrorKey('sso.<script>')).toBe('sso.error.unknown')
    expect(ssoErrorKey(undefined)).toBeNull()
    expect(ssoErrorKey(['sso.no-access'])).toBeNull()
  })
})
