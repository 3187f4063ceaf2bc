// Live usage (metrics API, ADR 0019), history and PromQL (ADR 0021) of a cluster; every answer is
// typed from the OpenAPI document (ADR 0015).

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer, HistoryTarget } from '@/shared/api/types'

export const usage = {
  cluster: (clusterName: string) => request<Answer<'usageOverview'>>('GET', `${cluster(clusterName)}/usage`),
  nodes: (clusterName: string) => request<Answer<'usageNodes'>>('GET', `${cluster(clusterName)}/usage/nodes`),
  namespaces: (clusterName: string) => request<Answer<'usageNamespaces'>>('GET', `${cluster(clusterName)}/usage/namespaces`),
  workloads: (clusterName: string, namespace: string) =>
    request<Answer<'usageWorkloads'>>('GET', `${cluster(clusterName)}/usage/namespaces/${enc(namespace)}/workloads`),
  /** A page of pods (the server pages: `limit` 1 to 500, `continue` from the previous page). */
  pods: (
    clusterName: string,
    filter: { namespace?: string; labelSelector?: string; node?: string; sort?: string },
    limit = 100,
    continueToken: string | null = null,
  ) =>
    request<Answer<'usagePods'>>(
      'GET',
      `${cluster(clusterName)}/usage/pods${toQueryString({
        namespace: filter.namespace || undefined,
        labelSelector: filter.labelSelector || undefined,
        node: filter.node || undefined,
        sort: filter.sort || undefined,
        limit,
        continue: continueToken ?? undefined,
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
    request<Answer<'history'>>(
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
  /** Whether the caller may use the explorer in this cluster. */
  access: (clusterName: string) => request<Answer<'promqlAccess'>>('GET', `${cluster(clusterName)}/promql/access`),
  query: (clusterName: string, query: string, time?: string) =>
    request<Answer<'promqlQuery'>>('POST', `${cluster(clusterName)}/promql/query`, { body: { query, time } }),
  /** `step` in seconds. */
  range: (clusterName: string, query: string, start: string, end: string, step: number) =>
    request<Answer<'promqlRange'>>('POST', `${cluster(clusterName)}/promql/range`, { body: { query, start, end, step: `${step}s` } }),
}
