import { describe, expect, it } from 'vitest'
import en from '@/shared/i18n/en'
import { hasLogs, isDescribed, objectLink, termKey } from '@/features/describe/links'

describe('object page links', () => {
  it('point at /objects/{Kind}/{name} with the namespace as a query', () => {
    expect(objectLink({ kind: 'Pod', namespace: 'shop', name: 'web-1' })).toEqual({ path: '/objects/Pod/web-1', query: { namespace: 'shop' } })
    expect(objectLink({ kind: 'Node', namespace: null, name: 'node-1' })).toEqual({ path: '/objects/Node/node-1', query: {} })
  })

  it('know which kinds are described and which have logs', () => {
    expect(isDescribed('HorizontalPodAutoscaler')).toBe(true)
    expect(isDescribed('ConfigMap')).toBe(false)
    expect(hasLogs('Deployment')).toBe(true)
    expect(hasLogs('Service')).toBe(false)
  })

  it('turn kubectl terms into message keys the locales have', () => {
    expect(termKey('Non-terminated Pods')).toBe('NonterminatedPods')
    expect(termKey('Pod Template')).toBe('PodTemplate')
    for (const title of ['Metadata', 'Containers', 'Init Containers', 'Conditions', 'Events', 'System Info', 'Selected Pods']) {
      expect(Object.keys(en.describe.terms)).toContain(termKey(title))
    }
  })
})
