import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { etcdApi } from '@/features/etcd/api'
import { ApiError } from '@/shared/api/problem'

interface Call {
  method: string
  url: string
  body: unknown
}

let calls: Call[]
let answer: { status: number; body: unknown; type: string }

beforeEach(() => {
  calls = []
  answer = { status: 200, body: {}, type: 'application/json' }
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    if (url === '/api/v1/auth/me') return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } })
    calls.push({ method: init.method ?? 'GET', url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined })
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body)
    return new Response(text, { status: answer.status, headers: { 'Content-Type': answer.type } })
  })
})
afterEach(() => vi.unstubAllGlobals())

describe('etcd endpoints', () => {
  it('sets the connection with only the fields given', async () => {
    answer.body = { cluster: 'c 1', endpoints: ['https://10.0.0.1:2379'] }
    await etcdApi.set('c 1', { endpoints: ['https://10.0.0.1:2379'], retain: 3 })
    expect(calls[0]).toEqual({
      method: 'PUT',
      url: '/api/v1/clusters/c%201/etcd',
      body: { endpoints: ['https://10.0.0.1:2379'], retain: 3 },
    })
  })

  it('saves, verifies and deletes snapshots by their encoded id', async () => {
    answer = { status: 201, body: { id: '20261204T070000Z' }, type: 'application/json' }
    await etcdApi.save('local')
    answer = { status: 200, body: { ok: true }, type: 'application/json' }
    await etcdApi.verify('local', '20261204T070000Z')
    answer = { status: 200, body: {}, type: 'application/json' }
    await etcdApi.remove('local', 'a/b')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/clusters/local/etcd/snapshots',
      'POST /api/v1/clusters/local/etcd/snapshots/20261204T070000Z/verify',
      'DELETE /api/v1/clusters/local/etcd/snapshots/a%2Fb',
    ])
    expect(etcdApi.downloadUrl('local', '20261204T070000Z')).toBe('/api/v1/clusters/local/etcd/snapshots/20261204T070000Z/download')
  })

  it('a missing connection is a problem with its code', async () => {
    answer = {
      status: 404,
      body: { type: 'urn:kubeward:problem:etcd.not-configured', title: 'No etcd connection', status: 404, code: 'etcd.not-configured' },
      type: 'application/problem+json',
    }
    await expect(etcdApi.get('local')).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.problem.code === 'etcd.not-configured')
  })
})
