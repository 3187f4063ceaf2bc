import { describe, expect, it } from 'vitest'
import { groupByObject, objectKey, presetRange, span, type TimelineEvent } from '@/features/events/timeline'

function ev(kind: string, name: string, type: string, lastSeen: string, count = 1): TimelineEvent {
  return { type, reason: 'R', message: 'm', objectKind: kind, objectNamespace: 'a', objectName: name, count, firstSeen: lastSeen, lastSeen }
}

describe('groupByObject', () => {
  it('groups by object, newest group and newest event first, and counts warnings', () => {
    const groups = groupByObject(
      [
        ev('Deployment', 'web', 'Normal', '2026-12-03T10:00:00Z'),
        ev('Pod', 'web-1', 'Warning', '2026-12-03T10:05:00Z', 4),
        ev('Pod', 'web-1', 'Normal', '2026-12-03T10:01:00Z'),
        ev('ReplicaSet', 'web-x', 'Normal', '2026-12-03T10:02:00Z'),
      ],
      [
        { kind: 'Deployment', namespace: 'a', name: 'web', relation: 'self' },
        { kind: 'ReplicaSet', namespace: 'a', name: 'web-x', relation: 'owned' },
        { kind: 'Pod', namespace: 'a', name: 'web-1', relation: 'pod' },
        { kind: 'Pod', namespace: 'a', name: 'quiet', relation: 'pod' },
      ],
    )
    expect(groups.map((g) => `${g.kind}/${g.name}:${g.relation}`)).toEqual([
      'Pod/web-1:pod',
      'ReplicaSet/web-x:owned',
      'Deployment/web:self',
    ])
    expect(groups[0].warnings).toBe(4)
    expect(groups[0].events.map((e) => e.lastSeen)).toEqual(['2026-12-03T10:05:00Z', '2026-12-03T10:01:00Z'])
  })

  it('keeps cluster-scoped objects apart from namespaced ones of the same name', () => {
    expect(objectKey('Node', null, 'n1')).not.toBe(objectKey('Node', 'default', 'n1'))
    const groups = groupByObject([{ ...ev('Node', 'n1', 'Warning', '2026-12-03T10:00:00Z'), objectNamespace: null }], [])
    expect(groups[0].relation).toBe('related')
    expect(groups[0].namespace).toBeNull()
  })
})

describe('presetRange and span', () => {
  it('ends presets at now', () => {
    const now = new Date('2026-12-03T12:00:00Z')
    expect(presetRange('6h', now)).toEqual({ from: '2026-12-03T06:00:00.000Z', to: '2026-12-03T12:00:00.000Z' })
    expect(presetRange('7d', now).from).toBe('2026-11-26T12:00:00.000Z')
  })

  it('rounds spans to one unit', () => {
    expect(span('2026-12-03T10:00:00Z', '2026-12-03T10:00:42Z')).toEqual({ unit: 's', n: 42 })
    expect(span('2026-12-03T10:00:00Z', '2026-12-03T12:10:00Z')).toEqual({ unit: 'h', n: 2 })
    expect(span('2026-12-03T10:00:00Z', '2026-12-01T10:00:00Z')).toEqual({ unit: 's', n: 0 })
  })
})
