// Past-log search in the cluster's Elasticsearch/OpenSearch (docs/API.md, "Past logs"; ADR 0028).

import { request } from '@/shared/api/client'
import { clusterPath as cluster } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer } from '@/shared/api/types'

export type PastLogs = Answer<'logArchivePastLogs'>
export type PastLogLine = PastLogs['lines'][number]

export interface PastLogsQuery {
  namespace: string
  pod?: string
  workloadKind?: string
  workloadName?: string
  container?: string
  text?: string
  from?: string
  to?: string
  limit?: number
}

export const pastLogs = {
  status: (clusterName: string) => request<Answer<'logArchiveStatus'>>('GET', `${cluster(clusterName)}/log-archive/status`),
  search: (clusterName: string, query: PastLogsQuery) =>
    request<PastLogs>(
      'GET',
      `${cluster(clusterName)}/past-logs${toQueryString({
        namespace: query.namespace,
        pod: query.pod || undefined,
        workloadKind: query.workloadKind || undefined,
        workloadName: query.workloadName || undefined,
        container: query.container || undefined,
        text: query.text || undefined,
        from: query.from || undefined,
        to: query.to || undefined,
        limit: query.limit,
      })}`,
    ),
}
