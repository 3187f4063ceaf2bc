import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { drains } from '@/features/drain/api'
import { maintenances } from '@/features/maintenance/api'
import { nodeHealth, nodes } from '@/features/node/api'
import { itemsOf } from '@/shared/api/endpoints'
import { ApiError } from '@/shared/api/problem'
import type { MaintenanceSpec } from '@/shared/api/types'

interface Call {
  method: string
  url: string
  body: unknown
  headers: Record<string, string>
}

let calls: Call[]
let answer: { status: number; body: unknown; type: string }

beforeEach(() => {
  calls = []
  answer = { status: 200, body: {}, type: 'application/json' }
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    if (url === '/api/v1/auth/me') return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } })
    calls.push({
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    })
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body)
    return new Response(text, { status: answer.status, headers: { 'Content-Type': answer.type } })
  })
})
afterEach(() => vi.unstubAllGlobals())

const SPEC: MaintenanceSpec = { nodes: ['n1', 'n2'], concurrency: 1, action: { type: 'None' }, drain: { force: false, deleteEmptyDirData: false }, uncordon: true }

describe('node endpoints', () => {
  it('reads a node by its encoded name', async () => {
    answer.body = { name: 'kw node/1' }
    expect(await nodes.get('dev', 'kw node/1')).toEqual({ name: 'kw node/1' })
    expect(calls[0]).toMatchObject({ method: 'GET', url: '/api/v1/clusters/dev/nodes/kw%20node%2F1' })
  })

  it('cordons and uncordons with POST', async () => {
    await nodes.cordon('dev', 'n1')
    await nodes.uncordon('dev', 'n1')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/clusters/dev/nodes/n1/cordon',
      'POST /api/v1/clusters/dev/nodes/n1/uncordon',
    ])
    expect(calls[0].headers['X-Requested-With']).toBe('XMLHttpRequest')
  })

  it('previews and applies the full sets of labels and taints', async () => {
    const metadata = { labels: { pool: 'a' }, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }
    answer.body = { diff: '+pool: a', changed: true }
    expect(await nodes.previewMetadata('dev', 'n1', metadata)).toEqual({ diff: '+pool: a', changed: true })
    await nodes.updateMetadata('dev', 'n1', metadata)
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/clusters/dev/nodes/n1/metadata/preview', body: metadata })
    expect(calls[1]).toMatchObject({ method: 'PUT', url: '/api/v1/clusters/dev/nodes/n1/metadata', body: metadata })
    expect(calls[1].headers['Content-Type']).toBe('application/json')
  })

  it('asks for a drain preview with the options as query parameters', async () => {
    await drains.preview('dev', 'n1', { force: true, deleteEmptyDirData: false })
    expect(calls[0]).toMatchObject({ method: 'GET', url: '/api/v1/clusters/dev/nodes/n1/drain-preview?force=true&deleteEmptyDirData=false' })
  })

  it('starts a drain and answers the maintenance it created', async () => {
    answer = { status: 201, body: { name: 'drain-n1-abc', spec: SPEC }, type: 'application/json' }
    const created = await drains.start('dev', 'n1', { force: false, deleteEmptyDirData: true, timeoutSeconds: 600, uncordon: false })
    expect(created.name).toBe('drain-n1-abc')
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/clusters/dev/nodes/n1/drain',
      body: { force: false, deleteEmptyDirData: true, timeoutSeconds: 600, uncordon: false },
    })
  })

  it('turns an invalid label into an ApiError with the server problem', async () => {
    answer = {
      status: 400,
      body: { type: 'urn:kubeward:problem:node.invalid-label', title: 'Invalid label', detail: 'bad key "-x"', status: 400, key: '-x' },
      type: 'application/problem+json',
    }
    const error = await nodes.previewMetadata('dev', 'n1', { labels: { '-x': '' }, taints: [] }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).problem).toMatchObject({ status: 400, code: 'node.invalid-label', key: '-x' })
  })
})

describe('node health', () => {
  it('filters by activity and node, and reads items', async () => {
    answer.body = { items: [{ node: 'n1', type: 'NotReady', startedAt: '2026-11-22T04:00:00Z', endedAt: null }] }
    const items = await nodeHealth.list('dev', { active: true, node: 'n1' })
    expect(items).toHaveLength(1)
    expect(calls[0].url).toBe('/api/v1/clusters/dev/node-health?active=true&node=n1')
    await nodeHealth.list('dev', { active: false })
    expect(calls[1].url).toBe('/api/v1/clusters/dev/node-health?active=false')
  })
})

describe('maintenance endpoints', () => {
  it('lists from items or a bare array', async () => {
    answer.body = { items: [{ name: 'm1' }] }
    expect((await maintenances.list('dev')).map((m) => m.name)).toEqual(['m1'])
    answer.body = [{ name: 'm2' }]
    expect((await maintenances.list('dev')).map((m) => m.name)).toEqual(['m2'])
    expect(itemsOf<string>(undefined)).toEqual([])
  })

  it('creates with the name next to the spec and previews the spec alone', async () => {
    await maintenances.preview('dev', SPEC)
    await maintenances.create('dev', 'pool-a', SPEC)
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/clusters/dev/maintenances/preview', body: SPEC })
    expect(calls[1]).toMatchObject({ method: 'POST', url: '/api/v1/clusters/dev/maintenances', body: { name: 'pool-a', ...SPEC } })
  })

  it('pauses, resumes and cancels by name, and watches at the stream URL', async () => {
    await maintenances.pause('dev', 'm1')
    await maintenances.resume('dev', 'm1')
    await maintenances.cancel('dev', 'm1')
    await maintenances.get('dev', 'm1')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/clusters/dev/maintenances/m1/pause',
      'POST /api/v1/clusters/dev/maintenances/m1/resume',
      'POST /api/v1/clusters/dev/maintenances/m1/cancel',
      'GET /api/v1/clusters/dev/maintenances/m1',
    ])
    expect(maintenances.watchUrl('dev', 'm 1')).toBe('/api/v1/clusters/dev/maintenances/m%201/watch')
  })
})
