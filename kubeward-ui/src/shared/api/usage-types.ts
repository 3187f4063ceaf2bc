// TEMPORARY: the history and PromQL answers written by hand from the API contract of issue 12
// (COORDINATION-12.md), until those endpoints are committed and the generated OpenAPI types
// (ADR 0015) replace this file. The usage answers are generated already (shared/api/types.ts).

export type HistoryTarget = 'cluster' | 'node' | 'namespace' | 'workload' | 'pod'
export type HistoryMetric = 'cpu' | 'memory' | 'pods' | 'network-receive' | 'network-transmit' | 'filesystem'

/** A point: time (epoch ms, epoch seconds or ISO-8601) and value (a number or Prometheus's string). */
export type RawPoint = [number | string, number | string | null]

export interface HistorySeries {
  metric: HistoryMetric | string
  unit: string
  points: RawPoint[]
}

export interface History {
  source: 'prometheus' | 'built-in' | 'none'
  step: number | string | null
  series: HistorySeries[]
  missing: { metric: string; reason: string }[]
}

export interface PromqlSeries {
  labels: Record<string, string>
  points: RawPoint[]
}

export interface PromqlResult {
  resultType: 'matrix' | 'vector' | 'scalar' | 'string' | string
  series: PromqlSeries[]
  truncated: boolean
}
