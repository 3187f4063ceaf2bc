import { describe, expect, it } from 'vitest'
import { barPercent, barStatus, formProblems, isPositiveQuantity, needsAttention } from '@/features/hpa/hpa'
import type { HpaSpec } from '@/features/hpa/api'

const valid: HpaSpec = {
  namespace: 'shop',
  name: 'web',
  targetKind: 'Deployment',
  targetName: 'web',
  minReplicas: 2,
  maxReplicas: 10,
  metrics: [{ type: 'Resource', name: 'cpu', targetType: 'Utilization', averageUtilization: 80 }],
}

describe('hpa form checks', () => {
  it('accepts a well-formed spec', () => {
    expect(formProblems(valid)).toEqual([])
  })

  it('names min above max with both numbers', () => {
    expect(formProblems({ ...valid, minReplicas: 5, maxReplicas: 3 })).toEqual([{ key: 'minAboveMax', args: { min: 5, max: 3 } }])
  })

  it('refuses a max above the cap and a utilisation out of 1..1000', () => {
    expect(formProblems({ ...valid, maxReplicas: 5000 }).map((p) => p.key)).toEqual(['max'])
    const metrics = [{ type: 'Resource', name: 'cpu', targetType: 'Utilization', averageUtilization: 0 }]
    expect(formProblems({ ...valid, metrics }).map((p) => p.key)).toEqual(['utilization'])
  })

  it('checks quantities', () => {
    expect(isPositiveQuantity('500m')).toBe(true)
    expect(isPositiveQuantity('1Gi')).toBe(true)
    expect(isPositiveQuantity('0')).toBe(false)
    expect(isPositiveQuantity('abc')).toBe(false)
  })
})

describe('hpa metric bars and conditions', () => {
  it('caps the bar and colours above target', () => {
    expect(barPercent(0.45)).toBe(45)
    expect(barPercent(2.5)).toBe(100)
    expect(barPercent(null)).toBeNull()
    expect(barStatus(0.5)).toBe('success')
    expect(barStatus(1.2)).toBe('warning')
  })

  it('flags ScalingLimited true and the others false', () => {
    expect(needsAttention({ type: 'ScalingLimited', status: 'True' })).toBe(true)
    expect(needsAttention({ type: 'AbleToScale', status: 'True' })).toBe(false)
    expect(needsAttention({ type: 'ScalingActive', status: 'False' })).toBe(true)
  })
})
