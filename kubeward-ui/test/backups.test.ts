import { describe, expect, it } from 'vitest'
import { list, phaseType, scopeOf } from '@/features/backups/api'
import en from '@/shared/i18n/en'
import zhCN from '@/shared/i18n/zh-CN'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
}

describe('backups', () => {
  it('turns the form into a scope as the API takes it', () => {
    expect(list(' shop, , web ')).toEqual(['shop', 'web'])
    expect(
      scopeOf({
        namespaces: 'shop',
        resources: 'deployments.apps,cm',
        excludedResources: '',
        labelSelector: ' ',
        includeClusterResources: null,
        includeSecrets: false,
      }),
    ).toEqual({
      namespaces: ['shop'],
      resources: ['deployments.apps', 'cm'],
      excludedResources: [],
      labelSelector: null,
      includeClusterResources: null,
      includeSecrets: null,
    })
  })

  it('colours phases', () => {
    expect(phaseType('Completed')).toBe('success')
    expect(phaseType('PartiallyFailed')).toBe('warning')
    expect(phaseType('Failed')).toBe('danger')
  })

  it('has every text in English and Chinese', () => {
    const english = keys((en as unknown as { backups: Tree }).backups)
    const chinese = keys((zhCN as unknown as { backups: Tree }).backups)
    expect(chinese.sort()).toEqual(english.sort())
    expect(english).toContain('phase.PartiallyFailed')
  })
})
