import { describe, expect, it } from 'vitest'
import { targetsFrom, upgradeApi } from '@/features/upgrade/api'

describe('upgrade readiness api', () => {
  it('offers the current minor to three ahead as targets', () => {
    expect(targetsFrom('1.34')).toEqual(['1.34', '1.35', '1.36', '1.37'])
    expect(targetsFrom('unknown')).toEqual([])
  })

  it('asks for the report of the chosen target and format', () => {
    expect(upgradeApi.downloadUrl('prod', '1.35', 'markdown')).toContain('/upgrade-readiness/report?')
    expect(upgradeApi.downloadUrl('prod', '1.35', 'markdown')).toContain('target=1.35')
    expect(upgradeApi.downloadUrl('prod', '1.35', 'markdown')).toContain('format=markdown')
  })
})
