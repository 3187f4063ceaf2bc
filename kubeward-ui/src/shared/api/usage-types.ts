// TEMPORARY: the usage, history and PromQL answers written by hand from the API contract of
// issue 12 (COORDINATION-12.md), until the endpoints are committed and the generated OpenAPI types
// (ADR 0015) replace this file. Units: CPU in millicores, memory in bytes; `used` is null when no
// live source answers.

export interface UsageSource {
  kind: 'metrics-api' | 'none'
  message?: string | null
  installHint?: string | null
}

/** CPU or memory of something: what it uses, asks for, may use and (nodes, cluster) may hold. */
export interface ResourceUsage {
  used: number | null
  requested: number
  limits: number
  allocatable?: number | null
  usedPercent?: number | null
}

export interface PodCount {
  count: number
  allocatable?: number | null
}

export interface TopNode {
  name: string
  cpu: ResourceUsage
  memory: ResourceUsage
}

export interface TopNamespace {
  name?: string
  namespace?: string
  cpu: ResourceUsage
  memory: ResourceUsage
}

export interface ClusterUsage {
  source: UsageSource
  sampledAt: string | number | null
  cpu: ResourceUsage
  memory: ResourceUsage
  pods: PodCount
  topNodes: TopNode[]
  topNamespaces: TopNamespace[]
}

export interface NodeUsage {
  name: string
  cpu: ResourceUsage
  memory: ResourceUsage
  pods: PodCount
  cpuOvercommit?: number | null
  memoryOvercommit?: number | null
}

export interface NodesUsage {
  source?: UsageSource
  items: NodeUsage[]
}

export interface Quota {
  name: string
  resource: string
  used: number
  hard: number
}

export interface NamespaceUsage {
  name?: string
  namespace?: string
  cpu: ResourceUsage
  memory: ResourceUsage
  pods: number | PodCount
  quotas: Quota[]
}

export interface NamespacesUsage {
  source?: UsageSource
  items: NamespaceUsage[]
}

export interface WorkloadUsage {
  kind: string
  name: string
  cpu: ResourceUsage
  memory: ResourceUsage
  pods: number | PodCount
}

export interface WorkloadsUsage {
  source?: UsageSource
  items: WorkloadUsage[]
}

export interface ContainerUsage {
  name: string
  cpu: ResourceUsage
  memory: ResourceUsage
  memoryLimitRatio: number | null
}

export interface PodUsage {
  namespace: string
  name: string
  node: string | null
  cpu: ResourceUsage
  memory: ResourceUsage
  restarts: number
  containers: ContainerUsage[]
  closestToMemoryLimit: string | null
}

export interface PodsUsage {
  source?: UsageSource
  items: PodUsage[]
}

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
