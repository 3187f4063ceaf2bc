import { describe, expect, it } from 'vitest'
import type { Row } from '@/features/rightsizing/api'
import { applicable, applyBody, cpuText, memoryText, verdictTag } from '@/features/rightsizing/rightsizing'

const row: Row = {
  namespace: 'shop',
  kind: 'Deployment',
  workload: 'web',
  container: 'app',
  replicas: 2,
  current: { cpuRequest: '500m', memoryRequest: '512Mi', cpuLimit: '1', memoryLimit: '1Gi' },
  cpuRecommended: '110m',
  memoryRecommended: '116Mi',
  cpuUsage: 90,
  memoryUsage: 100 * 1024 * 1024,
  samples: 100,
  coverage: 0.83,
  confidence: 'medium',
  verdict: 'over-provisioned',
  wastedCpu: 780,
  wastedMemory: 792 * 1024 * 1024,
  score: 1,
}

describe('right-sizing helpers', () => {
  it('words waste with its sign', () => {
    expect(cpuText(780)).toBe('780m')
    expect(cpuText(-120)).toBe('-120m')
    expect(cpuText(2000)).toBe('2')
    expect(memoryText(792 * 1024 * 1024)).toBe('792Mi')
    expect(memoryText(1.5 * 1024 * 1024 * 1024)).toBe('1.50Gi')
  })

  it('applies exactly the row’s container with its recommendation', () => {
    expect(applyBody(row)).toEqual({
      namespace: 'shop',
      kind: 'Deployment',
      name: 'web',
      container: 'app',
      cpu: '110m',
      memory: '116Mi',
      raiseLimits: false,
    })
    expect(applyBody(row, true).raiseLimits).toBe(true)
  })

  it('offers apply only where there is a different recommendation', () => {
    expect(applicable(row)).toBe(true)
    expect(applicable({ ...row, verdict: 'right-sized' })).toBe(false)
    expect(applicable({ ...row, verdict: 'no-data', cpuRecommended: null })).toBe(false)
    expect(verdictTag('over-committed')).toBe('danger')
  })
})
