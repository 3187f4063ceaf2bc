// HorizontalPodAutoscalers and VerticalPodAutoscalers (ADR 0047): the list from the shared cache,
// the detail read live as the user, writes as the user (docs/API.md, "HPA"). The types follow the
// server's records (HpaSummary, HpaDetail, HpaSpec, HpaResult, VpaList).

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'

export interface HpaSummary {
  namespace: string
  name: string
  target?: string | null
  minReplicas: number
  maxReplicas: number
  currentReplicas: number
  desiredReplicas: number
  status: string
  attention?: string | null
  attentionReason?: string | null
}

export interface HpaMetric {
  type: string
  name?: string | null
  container?: string | null
  targetType: string
  averageUtilization?: number | null
  value?: string | null
  objectApiVersion?: string | null
  objectKind?: string | null
  objectName?: string | null
}

export interface ScalingPolicy {
  type: string
  value: number
  periodSeconds: number
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number | null
  selectPolicy?: string | null
  policies?: ScalingPolicy[] | null
}

export interface HpaBehavior {
  scaleUp?: ScalingRules | null
  scaleDown?: ScalingRules | null
}

export interface HpaSpec {
  namespace: string
  name: string
  targetKind: string
  targetName: string
  minReplicas?: number | null
  maxReplicas?: number | null
  metrics?: HpaMetric[] | null
  behavior?: HpaBehavior | null
  resourceVersion?: string | null
}

export interface MetricValue {
  type: string
  name: string
  targetType: string
  target: string
  current?: string | null
  ratio?: number | null
}

export interface HpaCondition {
  type: string
  status: string
  reason?: string | null
  message?: string | null
  lastTransitionTime?: string | null
}

export interface HpaEvent {
  type: string
  reason: string
  message: string
  count: number
  lastSeen?: string | null
}

export interface HpaWarning {
  code: string
  message: string
  args: string[]
}

export interface HpaDetail {
  cluster: string
  spec: HpaSpec
  currentReplicas: number
  desiredReplicas: number
  lastScaleTime?: string | null
  metrics: MetricValue[]
  conditions: HpaCondition[]
  events: HpaEvent[]
  history: { time: string; replicas: number }[]
  warnings: HpaWarning[]
}

export interface HpaResult {
  hpa: HpaSpec
  dryRun: boolean
  diff?: string | null
  warnings: HpaWarning[]
  auditId: number
}

export interface ContainerRecommendation {
  container: string
  target: Record<string, string>
  lowerBound: Record<string, string>
  upperBound: Record<string, string>
  uncappedTarget: Record<string, string>
}

export interface VpaView {
  namespace: string
  name: string
  targetKind?: string | null
  targetName?: string | null
  updateMode: string
  recommendations: ContainerRecommendation[]
}

export interface VpaList {
  installed: boolean
  items: VpaView[]
}

const path = (clusterName: string, namespace: string, name: string) => `${cluster(clusterName)}/hpas/${enc(namespace)}/${enc(name)}`

export const hpas = {
  list: (clusterName: string, namespace?: string) => request<HpaSummary[]>('GET', `${cluster(clusterName)}/hpas${toQueryString({ namespace })}`),
  get: (clusterName: string, namespace: string, name: string) => request<HpaDetail>('GET', path(clusterName, namespace, name)),
  yaml: (clusterName: string, namespace: string, name: string) =>
    request<string>('GET', `${path(clusterName, namespace, name)}/yaml`, { accept: 'application/yaml' }),
  create: (clusterName: string, spec: HpaSpec, dryRun = false) =>
    request<HpaResult>('POST', `${cluster(clusterName)}/hpas${toQueryString({ dryRun })}`, { body: spec }),
  edit: (clusterName: string, spec: HpaSpec, dryRun = false) =>
    request<HpaResult>('PUT', `${path(clusterName, spec.namespace, spec.name)}${toQueryString({ dryRun })}`, { body: spec }),
  remove: (clusterName: string, namespace: string, name: string) => request<{ auditId: number }>('DELETE', path(clusterName, namespace, name)),
  vpas: (clusterName: string, namespace?: string) => request<VpaList>('GET', `${cluster(clusterName)}/vpas${toQueryString({ namespace })}`),
}
