import { describe, expect, it } from 'vitest'
import { applyChange, parseChange } from '@/features/cluster/live'
import { isKind } from '@/features/cluster/kinds'
import type { ResourceView } from '@/shared/api/types'

const ZERO = { cpuMillis: 0, memoryBytes: 0, pods: 1, ephemeralStorageBytes: 0 }

/** A pod's view as the server sends it. */
function pod(namespace: string, name: string, restarts: number): ResourceView {
  return { namespace, name, uid: `uid-${name}`, resourceVersion: '1', labels: {}, phase: 'Running', ready: '1/1', restarts, requests: ZERO, limits: ZERO }
}

const page: ResourceView[] = [pod('shop', 'web-1', 0), pod('broken', 'crasher', 3)]

describe('applyChange', () => {
  it('replaces a row that is shown', () => {
    const result = applyChange(page, { kind: 'Pod', type: 'MODIFIED', namespace: 'broken', name: 'crasher', view: pod('broken', 'crasher', 4) })
    expect(result.changed).toBe(true)
    expect(result.items[1]).toMatchObject({ restarts: 4, phase: 'Running' })
    expect(page[1]).toMatchObject({ restarts: 3 })
  })
  it('removes a deleted row and ignores rows not shown', () => {
    expect(applyChange(page, { kind: 'Pod', type: 'DELETED', namespace: 'shop', name: 'web-1', view: null }).items).toHaveLength(1)
    expect(applyChange(page, { kind: 'Pod', type: 'MODIFIED', namespace: 'other', name: 'web-1', view: pod('other', 'web-1', 0) }).changed).toBe(false)
  })
  it('counts additions instead of inserting them into a server-sorted page', () => {
    const result = applyChange(page, { kind: 'Pod', type: 'ADDED', namespace: 'shop', name: 'web-2', view: pod('shop', 'web-2', 0) })
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
