import { describe, expect, it } from 'vitest'
import {
  capacityOf,
  closestToMemoryLimit,
  hasMetric,
  historyUnit,
  limitLevel,
  missingLines,
  missingReason,
  namespaceOf,
  noMetricsSource,
  podCount,
  pointsOf,
  promqlLabelNames,
  promqlOffered,
  promqlRows,
  promqlSeries,
  quotaRows,
} from '@/features/usage/usage'
import type { History, PodUsage, PromqlResult } from '@/shared/api/types'

const pod = (containers: PodUsage['containers'], closest: string | null = null): PodUsage => ({
  namespace: 'shop',
  name: 'web-1',
  node: 'n1',
  cpu: { used: 10, requested: 100, limits: 200 },
  memory: { used: 10, requested: 100, limits: 200 },
  restarts: 0,
  containers,
  closestToMemoryLimit: closest,
})
const container = (name: string, memoryLimitRatio: number | null) => ({
  name,
  cpu: { used: 1, requested: 1, limits: 1 },
  memory: { used: 1, requested: 1, limits: 1 },
  memoryLimitRatio,
})

describe('usage answers', () => {
  it('reads names, counts and capacity pictures', () => {
    expect(namespaceOf({ name: 'shop' })).toBe('shop')
    expect(podCount(3)).toBe(3)
    expect(podCount({ count: 4, allocatable: 110 })).toBe(4)
    expect(podCount(undefined)).toBe(0)
    expect(capacityOf({ used: null, requested: 100, limits: 200, allocatable: 4000 })).toEqual({ used: null, requested: 100, limits: 200, allocatable: 4000 })
    expect(capacityOf({ used: 5, requested: 100, limits: 200 }, 1000).allocatable).toBe(1000)
    expect(noMetricsSource({ kind: 'none' })).toBe(true)
    expect(noMetricsSource({ kind: 'metrics-api' })).toBe(false)
    expect(noMetricsSource(null)).toBe(false)
  })

  it('calls out the container closest to its memory limit', () => {
    expect(closestToMemoryLimit(pod([container('app', 0.5), container('sidecar', 0.92)]))).toEqual({ name: 'sidecar', ratio: 0.92 })
    expect(closestToMemoryLimit(pod([container('app', 0.5), container('sidecar', 0.92)], 'app'))).toEqual({ name: 'app', ratio: 0.5 })
    expect(closestToMemoryLimit(pod([container('app', null)]))).toBeNull()
    expect(limitLevel(0.95)).toBe('danger')
    expect(limitLevel(0.8)).toBe('warning')
    expect(limitLevel(0.2)).toBe('ok')
    expect(limitLevel(null)).toBe('ok')
  })

  it('turns quotas into bars in each resource unit', () => {
    expect(
      quotaRows([
        { name: 'compute', resource: 'requests.cpu', used: 500, hard: 2000, unit: 'millicores' },
        { name: 'compute', resource: 'requests.memory', used: 1024, hard: 2048, unit: 'bytes' },
        { name: 'compute', resource: 'pods', used: 3, hard: 10, unit: 'count' },
        { name: 'older', resource: 'limits.cpu', used: 1, hard: 2, unit: '' },
      ]),
    ).toEqual([
      { label: 'compute: requests.cpu', used: 500, hard: 2000, unit: 'cpu' },
      { label: 'compute: requests.memory', used: 1024, hard: 2048, unit: 'memory' },
      { label: 'compute: pods', used: 3, hard: 10, unit: 'count' },
      { label: 'older: limits.cpu', used: 1, hard: 2, unit: 'cpu' },
    ])
    expect(quotaRows(undefined)).toEqual([])
  })
})

describe('history answers', () => {
  const history: History = {
    source: 'built-in',
    step: 30,
    start: 0,
    end: 3600_000,
    series: [
      { metric: 'cpu', unit: 'millicores', points: [[1, 100]] },
      { metric: 'network-receive', unit: 'bytes/s', points: [] },
    ],
    missing: [
      { metric: 'filesystem', reason: 'family-missing', message: 'node-exporter not found' },
      { metric: 'pods', reason: 'family-missing', message: '' },
    ],
  }
  it('reads the points, units and gaps of each metric', () => {
    expect(pointsOf(history, 'cpu')).toEqual([[1, 100]])
    expect(pointsOf(history, 'memory')).toEqual([])
    expect(pointsOf(null, 'cpu')).toEqual([])
    expect(historyUnit(history, 'cpu')).toBe('cpu')
    expect(historyUnit(history, 'network-receive')).toBe('bytes-per-second')
    expect(historyUnit(history, 'memory')).toBe('memory')
    expect(hasMetric(history, 'cpu')).toBe(true)
    expect(hasMetric(history, 'network-receive')).toBe(false)
    expect(missingReason(history, 'filesystem')).toBe('node-exporter not found')
    expect(missingReason(history, 'pods')).toBe('family-missing')
    expect(missingReason(history, 'cpu')).toBeNull()
    const both: History = { ...history, missing: [...history.missing, { metric: 'network-receive', reason: 'family-missing', message: 'node-exporter not found' }] }
    expect(missingLines(both, (m) => m.toUpperCase())).toEqual(['FILESYSTEM, NETWORK-RECEIVE: node-exporter not found', 'PODS: family-missing'])
  })
})

describe('PromQL results', () => {
  const result: PromqlResult = {
    resultType: 'matrix',
    truncated: false,
    warnings: [],
    series: [
      { labels: { __name__: 'up', job: 'kubeward', instance: 'a' }, points: [[1764763200000, 1], [1764763215000, 0]] },
      // The API sends null for Prometheus's NaN; the type says number, the JSON may not.
      { labels: { job: 'prometheus' }, points: [[1764763200000, null as unknown as number]] },
    ],
  }
  it('names series and lists their latest values', () => {
    expect(promqlSeries(result).map((s) => s.name)).toEqual(['up{job="kubeward", instance="a"}', '{job="prometheus"}'])
    const rows = promqlRows(result)
    expect(rows.map((r) => [r.series, r.value, r.points])).toEqual([
      ['up{job="kubeward", instance="a"}', '0', 2],
      ['{job="prometheus"}', 'NaN', 1],
    ])
    expect(promqlLabelNames(result)).toEqual(['__name__', 'instance', 'job'])
    expect(promqlRows(null)).toEqual([])
  })

  it('is offered when the server allows it and nothing was refused since', () => {
    expect(promqlOffered(true, false)).toBe(true)
    expect(promqlOffered(false, false)).toBe(false)
    expect(promqlOffered(undefined, false)).toBe(false)
    expect(promqlOffered(true, true)).toBe(false)
  })
})
