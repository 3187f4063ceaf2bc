// Live usage (metrics API), history and PromQL of a cluster (COORDINATION-12 API contract; the
// answers are typed in shared/api/usage-types.ts until the generated OpenAPI types replace them).

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc, itemsOf } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type {
  ClusterUsage,
  History,
  HistoryTarget,
  NamespaceUsage,
  NodeUsage,
  PodUsage,
  PromqlResult,
  WorkloadUsage,
  UsageSource,
} from '@/shared/api/usage-types'

/** A list answer with the source it came from (the contract's lists may carry one). */
export interface Listed<T> {
  items: T[]
  source: UsageSource | null
}

type ListAnswer<T> = { items?: T[]; source?: UsageSource | null } | T[] | undefined | null

async function list<T>(path: string): Promise<Listed<T>> {
  const body = await request<ListAnswer<T>>('GET', path)
  return { items: itemsOf<T>(body), source: Array.isArray(body) ? null : (body?.source ?? null) }
}

export const usage = {
  cluster: (clusterName: string) => request<ClusterUsage>('GET', `${cluster(clusterName)}/usage`),
  nodes: (clusterName: string) => list<NodeUsage>(`${cluster(clusterName)}/usage/nodes`),
  namespaces: (clusterName: string) => list<NamespaceUsage>(`${cluster(clusterName)}/usage/namespaces`),
  workloads: (clusterName: string, namespace: string) =>
    list<WorkloadUsage>(`${cluster(clusterName)}/usage/namespaces/${enc(namespace)}/workloads`),
  pods: (clusterName: string, filter: { namespace?: string; labelSelector?: string; node?: string }) =>
    list<PodUsage>(
      `${cluster(clusterName)}/usage/pods${toQueryString({
        namespace: filter.namespace || undefined,
        labelSelector: filter.labelSelector || undefined,
        node: filter.node || undefined,
      })}`,
    ),
}

export interface HistoryQuery {
  target: HistoryTarget
  name?: string
  namespace?: string
  kind?: string
  /** `range=1h` or `start`/`end` (time-range.ts rangeQuery). */
  range: Record<string, string>
}

export const history = {
  get: (clusterName: string, query: HistoryQuery) =>
    request<History>(
      'GET',
      `${cluster(clusterName)}/history${toQueryString({
        target: query.target,
        name: query.name || undefined,
        namespace: query.namespace || undefined,
        kind: query.kind || undefined,
        ...query.range,
      })}`,
    ),
}

export const promql = {
  query: (clusterName: string, query: string, time?: string) =>
    request<PromqlResult>('POST', `${cluster(clusterName)}/promql/query`, { body: { query, time } }),
  range: (clusterName: string, query: string, start: string, end: string, step: number) =>
    request<PromqlResult>('POST', `${cluster(clusterName)}/promql/range`, { body: { query, start, end, step } }),
}
