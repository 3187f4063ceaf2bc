import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '@/shared/i18n/en'
import zhCN from '@/shared/i18n/zh-CN'
import { acceptLanguage, initialLocale } from '@/shared/i18n/locale'
import { keys, lookup } from './translate'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

describe('messages', () => {
  it('has the same keys in English and Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort())
  })

  it('has no empty message and the same placeholders in both languages', () => {
    for (const key of keys(en)) {
      const english = lookup(en, key)!
      const chinese = lookup(zhCN, key)!
      expect(english.trim(), key).not.toBe('')
      expect(chinese.trim(), key).not.toBe('')
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(names(chinese), key).toEqual(names(english))
    }
  })

  it('has every literal key the source uses', () => {
    const used = new Set<string>()
    for (const file of sources(join(__dirname, '..', 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)) used.add(match[1])
    }
    const known = new Set(keys(en))
    expect([...used].filter((key) => !known.has(key))).toEqual([])
    expect(used.size).toBeGreaterThan(50)
  })

  it('has a message for every column, kind tab and role the pages use', async () => {
    const columns = await import('@/features/cluster/columns')
    const all = [
      ...columns.PODS_COLUMNS,
      ...columns.NODES_COLUMNS,
      ...columns.NAMESPACES_COLUMNS,
      ...columns.EVENTS_COLUMNS,
      ...Object.values(columns.WORKLOAD_COLUMNS).flat(),
      ...Object.values(columns.NETWORK_COLUMNS).flat(),
      ...Object.values(columns.CONFIG_COLUMNS).flat(),
    ]
    for (const column of all) expect(lookup(en, `column.${column.key}`), column.key).toBeDefined()
    for (const kind of [...Object.keys(columns.WORKLOAD_COLUMNS), ...Object.keys(columns.NETWORK_COLUMNS), ...Object.keys(columns.CONFIG_COLUMNS)]) {
      expect(lookup(en, `kinds.${kind}`), kind).toBeDefined()
    }
  })
})

describe('initialLocale', () => {
  it('prefers the remembered choice, then the browser language', () => {
    expect(initialLocale('zh-CN', ['en-US'])).toBe('zh-CN')
    expect(initialLocale(null, ['zh-TW', 'en'])).toBe('zh-CN')
    expect(initialLocale(null, ['de-DE', 'en-GB'])).toBe('en')
    expect(initialLocale('fr', ['fr-FR'])).toBe('en')
  })
  it('asks the server for Chinese problem texts in Chinese', () => {
    expect(acceptLanguage('zh-CN').startsWith('zh-CN')).toBe(true)
    expect(acceptLanguage('en')).toBe('en')
  })
})

describe('node, drain and maintenance messages', () => {
  // The values the server sends, read from the API document the console's types come from: a value
  // added on the server without a label fails here.
  const contract = JSON.parse(readFileSync(join(__dirname, '..', 'openapi', 'kubeward-api.json'), 'utf8'))
  const enumOf = (schema: string, property: string): string[] => {
    const values: (string | null)[] | undefined = contract.components.schemas[schema]?.properties?.[property]?.enum
    expect(values, `${schema}.${property} is an enum in openapi/kubeward-api.json`).toBeDefined()
    return values!.filter((value): value is string => value !== null)
  }

  it('has a label for every enum value the server sends, in both languages', async () => {
    const m = await import('@/features/maintenance/maintenance')
    const groups: Record<string, readonly string[]> = {
      'drain.verdicts': enumOf('DrainPreview', 'verdict'),
      'drain.fate': enumOf('PodPlan', 'fate'),
      'drain.podState': enumOf('PodProgress', 'state'),
      'drain.state': enumOf('DrainProgress', 'state'),
      'maintenance.phase': enumOf('MaintenanceView', 'phase'),
      'maintenance.step': enumOf('NodeStatus', 'step'),
      'maintenance.actions': m.ACTION_TYPES,
      'maintenance.days': m.WEEKDAYS,
      'health.types': enumOf('HealthDetection', 'type'),
    }
    for (const [prefix, values] of Object.entries(groups)) {
      expect(values.length, prefix).toBeGreaterThan(1)
      for (const value of values) {
        expect(lookup(en, `${prefix}.${value}`), `${prefix}.${value}`).toBeDefined()
        expect(lookup(zhCN, `${prefix}.${value}`), `${prefix}.${value}`).toBeDefined()
      }
    }
    for (const verb of ['pause', 'resume', 'cancel']) {
      for (const suffix of ['', 'Confirm', 'Done']) expect(lookup(en, `maintenance.${verb}${suffix}`), verb + suffix).toBeDefined()
    }
  })

  it('has every message key the form and editor hints return', () => {
    const source = readFileSync(join(__dirname, '..', 'src', 'features', 'maintenance', 'maintenance.ts'), 'utf8')
    const used = [...source.matchAll(/'((?:nodes|maintenance)\.[\w.]+)'/g)].map((match) => match[1])
    expect(used.length).toBeGreaterThan(15)
    expect(used.filter((key) => lookup(en, key) === undefined)).toEqual([])
  })
})
