import { describe, expect, it } from 'vitest'
import { parseRolloutEvent, phaseTag, progressPercent, settled, workloadLink } from '@/features/workloads/rollout'

describe('workload page helpers', () => {
  it('links workload rows to their page, other kinds nowhere', () => {
    expect(workloadLink('deployments', { namespace: 'shop', name: 'web' })).toBe('/workloads/deployments/shop/web')
    expect(workloadLink('services', { namespace: 'shop', name: 'web' })).toBeUndefined()
    expect(workloadLink('jobs', { namespace: null, name: 'x' })).toBeUndefined()
  })

  it('shows phases with the tag that matches their urgency', () => {
    expect(phaseTag('COMPLETE')).toBe('success')
    expect(phaseTag('STUCK')).toBe('warning')
    expect(phaseTag('FAILED')).toBe('danger')
    expect(settled('COMPLETE')).toBe(true)
    expect(settled('STUCK')).toBe(false)
  })

  it('measures progress by replicas that are both updated and available', () => {
    expect(progressPercent({ desired: 4, updated: 2, available: 4 })).toBe(50)
    expect(progressPercent({ desired: 4, updated: 4, available: 3 })).toBe(75)
    expect(progressPercent({ desired: 0, updated: 0, available: 0 })).toBe(100)
  })

  it('reads rollout events and ignores anything else', () => {
    expect(parseRolloutEvent('{"phase":"STUCK","reason":"NoProgress"}')).toEqual({ phase: 'STUCK', reason: 'NoProgress' })
    expect(parseRolloutEvent('not json')).toBeNull()
    expect(parseRolloutEvent('{"kind":"x"}')).toBeNull()
  })
})
