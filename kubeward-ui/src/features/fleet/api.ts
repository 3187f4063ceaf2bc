// Fleet-wide reads (issue 19, ADR 0060). The shapes mirror the server's FleetProblemPods,
// ClusterProblems and ProblemPod schemas; written out here until the API document is regenerated
// with them (the lead's merge step).

import { request } from '@/shared/api/client'
import { toQueryString } from '@/shared/api/query'

export type Availability = 'READY' | 'SYNCING' | 'UNREACHABLE' | 'FORBIDDEN' | 'FAILED'

/** The fields of a pod view the page shows (the server sends the whole cached view). */
export interface ProblemPodView {
  namespace: string
  name: string
  phase: string
  problem: string | null
  ready: string
  restarts: number
  nodeName: string | null
  createdAt: string | null
}

export interface ProblemPod {
  cluster: string
  pod: ProblemPodView
}

export interface ClusterProblems {
  cluster: string
  availability: Availability
  total: number
  shown: number
  code: string | null
  message: string | null
  details: Record<string, unknown>
}

export interface FleetProblemPods {
  items: ProblemPod[]
  total: number
  complete: boolean
  clusters: ClusterProblems[]
}

export interface ProblemPodFilters {
  cluster?: string
  namespace?: string
  reason?: string
  limit?: number
}

export const fleetApi = {
  problemPods: (filters: ProblemPodFilters) =>
    request<FleetProblemPods>(
      'GET',
      `/api/v1/problem-pods${toQueryString({
        cluster: filters.cluster,
        namespace: filters.namespace,
        reason: filters.reason,
        limit: filters.limit,
      })}`,
    ),
}
