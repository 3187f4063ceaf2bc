import { describe, expect, it } from 'vitest'
import { applyChange, parseChange } from '@/features/cluster/live'
import { isKind } from '@/features/cluster/kinds'
import type { ResourceView } from '@/shared/api/types'

const page: ResourceView[] = [
  { namespace: 'shop', name: 'web-1', phase: 'Running', restarts: 0 },
  { namespace: 'broken', name: 'crasher', phase: 'Running', restarts: 3 },
]

describe('applyChange', () => {
  it('replaces a row that is shown', () => {
    const result = applyChange(page, { kind: 'Pod', type: 'MODIFIED', namespace: 'broken', name: 'crasher', view: { name: 'crasher', namespace: 'broken', restarts: 4 } })
    expect(result.changed).toBe(true)
    expect(result.items[1]).toMatchObject({ restarts: 4, phase: 'Running' })
    expect(page[1].restarts).toBe(3)
  })
  it('removes a deleted row and ignores rows not shown', () => {
    expect(applyChange(page, { kind: 'Pod', type: 'DELETED', namespace: 'shop', name: 'web-1', view: null }).items).toHaveLength(1)
    expect(applyChange(page, { kind: 'Pod', type: 'MODIFIED', namespace: 'other', name: 'web-1', view: { name: 'web-1' } }).changed).toBe(false)
  })
  it('counts additions instead of inserting them into a server-sorted page', () => {
    const result = applyChange(page, { kind: 'Pod', type: 'ADDED', namespace: 'shop', name: 'web-2', view: { name: 'web-2' } })
    expect(result).toEqual({ items: page, added: 1, changed: false })
  })
})

describe('stream messages', () => {
  it('parses change events and rejects anything else', () => {
    expect(parseChange('{"kind":"Pod","type":"ADDED","namespace":"a","name":"b","view":{"name":"b"}}')).toMatchObject({ kind: 'Pod', name: 'b' })
    expect(parseChange('{"nodes":{"total":3}}')).toBeNull()
    expect(parseChange('not json')).toBeNull()
  })
  it('matches kinds by plural or kind name', () => {
    expect(isKind('Pod', 'pods')).toBe(true)
    expect(isKind('pods', 'pods')).toBe(true)
    expect(isKind('Deployment', 'pods')).toBe(false)
  })
})
