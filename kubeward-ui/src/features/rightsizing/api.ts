// Right-sizing (ADR 0048): recommendations per workload container, changes applied and reverted as
// the user; the types follow the server's RightsizingDtos records.

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'

export type Confidence = 'low' | 'medium' | 'high'
export type Verdict = 'no-data' | 'no-requests' | 'over-committed' | 'idle' | 'over-provisioned' | 'right-sized'
export const VERDICTS: Verdict[] = ['over-committed', 'no-requests', 'idle', 'over-provisioned', 'right-sized', 'no-data']

export interface Resources {
  cpuRequest?: string | null
  memoryRequest?: string | null
  cpuLimit?: string | null
  memoryLimit?: string | null
}

export interface Row {
  namespace: string
  kind: string
  workload: string
  container: string
  replicas: number
  current: Resources
  cpuRecommended?: string | null
  memoryRecommended?: string | null
  cpuUsage?: number | null
  memoryUsage?: number | null
  samples: number
  coverage: number
  confidence: Confidence
  verdict: Verdict
  wastedCpu: number
  wastedMemory: number
  score: number
}

export interface RecommendationList {
  cluster: string
  source: 'prometheus' | 'built-in' | 'none'
  windowStart: string
  windowEnd: string
  cpuPercentile: number
  memoryPercentile: number
  cpuMargin: number
  memoryMargin: number
  items: Row[]
  truncated: boolean
}

export interface Change {
  id: number
  namespace: string
  kind: string
  workload: string
  container: string
  before: Resources
  after: Resources
  appliedBy: string
  appliedAt: string
  revertedBy?: string | null
  revertedAt?: string | null
  auditId: number
}

export interface ApplyBody {
  namespace: string
  kind: string
  name: string
  container: string
  cpu?: string | null
  memory?: string | null
  raiseLimits?: boolean
}

const base = (clusterName: string) => `${cluster(clusterName)}/rightsizing`

export const rightsizing = {
  list: (clusterName: string, namespace?: string) =>
    request<RecommendationList>(
      'GET',
      `${base(clusterName)}/recommendations${namespace ? `?namespace=${enc(namespace)}` : ''}`,
    ),
  apply: (clusterName: string, body: ApplyBody) => request<Change>('POST', `${base(clusterName)}/apply`, { body }),
  exportYaml: (clusterName: string, body: ApplyBody) =>
    request<{ yaml: string; command: string }>('POST', `${base(clusterName)}/export`, { body }),
  changes: (clusterName: string) => request<Change[]>('GET', `${base(clusterName)}/changes`),
  revert: (clusterName: string, id: number) => request<Change>('POST', `${base(clusterName)}/changes/${id}/revert`, { body: {} }),
}
