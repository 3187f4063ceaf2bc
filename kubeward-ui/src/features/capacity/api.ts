// Capacity per cluster, node pool and zone, forecasts and what-if scheduling (issue 17, ADR 0049).
// The types mirror the server's records (CapacityReport, WhatIfView); the lead regenerates the
// OpenAPI types at merge, after which they can come from '@/shared/api/types'.

import { request } from '@/shared/api/client'
import { clusterPath as cluster } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'

export interface ResourceCapacity {
  allocatable: number
  requested: number
  used: number | null
  headroom: number
  requestable: number
}

export interface ForecastPoint {
  t: number
  v: number
}

export interface Forecast {
  resource: 'cpu' | 'memory'
  method: 'none' | 'linear-trend' | 'linear-trend-weekly-seasonality'
  points: number
  days: number
  slopePerDay: number
  limit: number
  horizonDays: number
  outlook: 'exhausted' | 'within-horizon' | 'not-within-horizon' | 'unknown'
  daysToExhaustion: number | null
  history: ForecastPoint[]
  projection: ForecastPoint[]
}

export interface CapacityGroup {
  kind: 'cluster' | 'pool' | 'zone'
  name: string
  nodeNames: string[]
  cpu: ResourceCapacity
  memory: ResourceCapacity
  pods: ResourceCapacity
  forecasts: Forecast[]
}

export interface CapacityReport {
  cluster: string
  at: string
  headroomPercent: number
  poolLabels: string[]
  usedAvailable: boolean
  total: CapacityGroup
  pools: CapacityGroup[]
  zones: CapacityGroup[]
}

export interface ReasonCount {
  code: string
  detail: string
  nodes: number
}

export interface PlacementView {
  pod: string
  node: string | null
  tiedWith: string[]
  reasons: ReasonCount[]
  explanation: string | null
}

export interface WhatIfView {
  question: 'replicas' | 'drain' | 'requests'
  subject: string
  pods: number
  fitting: number
  allFit: boolean
  summary: string
  placements: PlacementView[]
  drained: string[]
  notRecreated: string[]
}

export type WhatIfQuestion =
  | { question: 'replicas'; kind: string; namespace: string; name: string; replicas: number }
  | { question: 'requests'; kind: string; namespace: string; name: string; cpu?: string; memory?: string }
  | { question: 'drain'; node?: string; zone?: string; pool?: string }

export const capacity = {
  report: (clusterName: string, forecast = true) =>
    request<CapacityReport>('GET', `${cluster(clusterName)}/capacity${toQueryString({ forecast })}`),
  whatIf: (clusterName: string, q: WhatIfQuestion) =>
    request<WhatIfView>('GET', `${cluster(clusterName)}/capacity/what-if${toQueryString(withoutBlanks(q))}`),
}

function withoutBlanks(q: WhatIfQuestion): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') out[k] = v as string | number
  return out
}
