// A cluster's overview, its change stream, its kinds and the lists of its cached kinds
// (docs/API.md, "Clusters" and "Lists"). The list of clusters is the session's (shared/api/session).

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import { listQuery, type ListFilters } from '@/shared/api/query'
import type { Answer } from '@/shared/api/types'

export const clusters = {
  get: (name: string) => request<Answer<'cluster'>>('GET', cluster(name)),
  overview: (name: string) => request<Answer<'clusterOverview'>>('GET', `${cluster(name)}/overview`),
  streamUrl: (name: string) => `${cluster(name)}/stream`,
  kinds: (name: string) => request<Answer<'objectKinds'>>('GET', `${cluster(name)}/kinds`),
}

export const resources = {
  list: (
    clusterName: string,
    kind: string,
    filters: ListFilters,
    sort: string | undefined,
    limit: number,
    continueToken: string | null,
  ) =>
    request<Answer<'resourceList'>>(
      'GET',
      `${cluster(clusterName)}/resources/${enc(kind)}${listQuery(filters, sort, limit, continueToken)}`,
    ),
}
