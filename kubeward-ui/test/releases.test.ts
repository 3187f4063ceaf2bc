import { describe, expect, it } from 'vitest'
import { allowed, phaseType, timeline } from '@/features/releases/releases'
import type { ReleaseView } from '@/features/releases/api'

function release(phase: string, currentStep: number, paused = false): ReleaseView {
  return {
    namespace: 'shop',
    name: 'web-v2',
    strategy: 'canary',
    phase,
    currentStep,
    steps: 3,
    canaryWeight: 20,
    accepted: true,
    spec: {
      paused,
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }, { setHeaderRoute: { match: [{ header: 'X-Canary', value: 'yes' }] } }] } },
    },
    status: { conditions: [] },
  }
}

describe('release timeline', () => {
  it('marks steps done, current and pending', () => {
    const steps = timeline(release('Paused', 1))
    expect(steps.map((s) => s.state)).toEqual(['done', 'current', 'pending'])
    expect(steps.map((s) => s.kind)).toEqual(['setWeight', 'pause', 'setHeaderRoute'])
    expect(steps[0].detail).toBe('20 %')
    expect(steps[1].detail).toBe('∞')
    expect(steps[2].detail).toBe('X-Canary=yes')
    expect(timeline(release('Succeeded', 3)).every((s) => s.state === 'done')).toBe(true)
  })

  it('offers the actions the phase allows', () => {
    expect(allowed(release('Paused', 1), 'promote')).toBe(true)
    expect(allowed(release('Paused', 1), 'retry')).toBe(false)
    expect(allowed(release('Aborted', 1), 'retry')).toBe(true)
    expect(allowed(release('Aborted', 1), 'abort')).toBe(false)
    expect(allowed(release('Progressing', 0, true), 'resume')).toBe(true)
    expect(allowed(release('Progressing', 0, true), 'pause')).toBe(false)
    expect(phaseType('Degraded')).toBe('danger')
  })
})
