// Stored events (ADR 0026): the cluster-wide search, its export and an object's timeline; every
// answer is typed from the OpenAPI document (ADR 0015).

import { request } from '@/shared/api/client'
import { clusterPath as cluster } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer } from '@/shared/api/types'

/** The filters of GET .../events and .../events/export ('' or undefined: any). */
export interface EventFilter {
  type?: '' | 'Normal' | 'Warning'
  reason?: string
  namespace?: string
  kind?: string
  name?: string
  text?: string
  from?: string
  to?: string
}

export const events = {
  search: (clusterName: string, filter: EventFilter, limit: number, continueToken: string | null = null) =>
    request<Answer<'eventsSearch'>>(
      'GET',
      `${cluster(clusterName)}/events${toQueryString({ ...filter, limit, continue: continueToken })}`,
    ),
  exportUrl: (clusterName: string, filter: EventFilter, format: 'csv' | 'json') =>
    `${cluster(clusterName)}/events/export${toQueryString({ ...filter, format })}`,
  timeline: (clusterName: string, kind: string, namespace: string | undefined, name: string, limit = 200) =>
    request<Answer<'eventsTimeline'>>(
      'GET',
      `${cluster(clusterName)}/events/timeline${toQueryString({ kind, namespace, name, limit })}`,
    ),
}
