import { describe, expect, it } from 'vitest'
import { age, bytes, cpu, diffLines, field, percent, text } from '@/shared/format'
import { readCookie } from '@/shared/api/client'
import en from '@/shared/i18n/en'
import { translator } from './translate'

const t = translator(en)

describe('format', () => {
  it('shows ages like kubectl', () => {
    const now = Date.parse('2026-01-02T00:00:00Z')
    expect(age('2026-01-01T23:59:30Z', t, now)).toBe('30s')
    expect(age('2026-01-01T23:00:00Z', t, now)).toBe('1h')
    expect(age('2025-12-30T00:00:00Z', t, now)).toBe('3d')
    expect(age(undefined, t, now)).toBe('')
  })
  it('shows quantities', () => {
    expect(cpu(8000)).toBe('8')
    expect(cpu(250)).toBe('250m')
    expect(cpu(1500)).toBe('1.5')
    expect(bytes(32 * 1024 ** 3)).toBe('32 GiB')
    expect(bytes(1536)).toBe('1.5 KiB')
    expect(percent(1, 3)).toBe(33)
    expect(percent(5, 0)).toBe(0)
  })
  it('reads nested and alternative fields', () => {
    expect(field({ owner: { kind: 'ReplicaSet', name: 'web-1' } }, 'owner.name')).toBe('web-1')
    expect(field({ b: 2 }, 'a', 'b')).toBe(2)
    expect(text({ kind: 'ReplicaSet', name: 'web-1' })).toBe('ReplicaSet/web-1')
    expect(text({ app: 'web' })).toBe('app=web')
    expect(text(['a', 'b'])).toBe('a, b')
  })
  it('classifies unified diff lines', () => {
    const lines = diffLines('--- before\n+++ after\n@@ -1,2 +1,2 @@\n spec:\n-  replicas: 1\n+  replicas: 2\n')
    expect(lines.map((l) => l.kind)).toEqual(['meta', 'meta', 'hunk', 'ctx', 'del', 'add'])
  })
})

describe('readCookie', () => {
  it('finds the CSRF cookie among others', () => {
    expect(readCookie('a=1; XSRF-TOKEN=abc%3D; b=2', 'XSRF-TOKEN')).toBe('abc=')
    expect(readCookie('a=1', 'XSRF-TOKEN')).toBeNull()
  })
})

describe('safeRedirect', async () => {
  const { safeRedirect } = await import('@/shared/redirect')
  it('keeps paths inside the console and refuses other sites', () => {
    expect(safeRedirect('/pods?namespace=broken')).toBe('/pods?namespace=broken')
    expect(safeRedirect('//evil.example/')).toBe('/overview')
    expect(safeRedirect('/\\evil.example')).toBe('/overview')
    expect(safeRedirect('https://evil.example/')).toBe('/overview')
    expect(safeRedirect('/login')).toBe('/overview')
    expect(safeRedirect(undefined)).toBe('/overview')
  })
})

describe('ratio', async () => {
  const { ratio } = await import('@/shared/format')
  it('shows ready of desired, also from generic views', () => {
    expect(ratio({ name: 'a', ready: 1, desired: 3 }, 'ready', 'desired')).toBe('1/3')
    expect(ratio({ name: 'a', fields: { ready: 2, desired: 2 } }, 'ready', 'desired')).toBe('2/2')
    expect(ratio({ name: 'a' }, 'ready', 'desired')).toBe('')
  })
})

describe('node and drain formatting', () => {
  it('shows lengths of time with two units at most', async () => {
    const { duration } = await import('@/shared/format')
    expect(duration(40, t)).toBe('40s')
    expect(duration(250, t)).toBe('4m 10s')
    expect(duration(3600, t)).toBe('1h')
    expect(duration(3 * 3600 + 5 * 60 + 9, t)).toBe('3h 5m')
    expect(duration(2 * 86400 + 3 * 3600 + 60, t)).toBe('2d 3h')
    expect(duration(86400, t)).toBe('1d')
    expect(duration(0, t)).toBe('0s')
    expect(duration(null, t)).toBe('–')
  })
  it('measures since a condition changed or between a start and an end', async () => {
    const { since, secondsBetween } = await import('@/shared/format')
    const now = Date.parse('2026-11-22T05:00:00Z')
    expect(since('2026-11-22T04:30:00Z', t, now)).toBe('30m')
    expect(since('2026-11-22T04:00:00Z', t, now, '2026-11-22T04:00:42Z')).toBe('42s')
    expect(secondsBetween(null)).toBeNull()
    expect(secondsBetween('garbage', null, now)).toBeNull()
    expect(since(undefined, t, now)).toBe('–')
  })
  it('labels verdicts, fates and states in both languages, falling back to the raw value', async () => {
    const { enumLabel, tagType } = await import('@/shared/format')
    const zhCN = (await import('@/shared/i18n/zh-CN')).default
    const zh = translator(zhCN)
    expect(enumLabel(t, 'drain.verdicts', 'WILL_WAIT')).toBe('Will wait for disruption budgets')
    expect(enumLabel(zh, 'drain.verdicts', 'CAN_DRAIN_NOW')).toBe('可以立即排空')
    expect(enumLabel(t, 'drain.fate', 'SKIP_DAEMONSET')).toBe('Skipped (DaemonSet)')
    expect(enumLabel(zh, 'drain.fate', 'NEEDS_FORCE')).toBe('需要强制（无控制器）')
    expect(enumLabel(t, 'drain.fate', 'SOMETHING_NEW')).toBe('SOMETHING_NEW')
    expect(enumLabel(t, 'drain.fate', null)).toBe('')
    expect(tagType('verdict', 'REFUSED')).toBe('danger')
    expect(tagType('verdict', 'CAN_DRAIN_NOW')).toBe('success')
    expect(tagType('fate', 'BLOCKED_BY_PDB')).toBe('warning')
    expect(tagType('podState', 'GONE')).toBe('success')
    expect(tagType('phase', 'Paused')).toBe('warning')
    expect(tagType('step', 'unknown-step')).toBe('info')
  })
})
