// Releases (ADR 0035): read and written as the user (docs/API.md, "Releases"). The types follow
// the server's ReleaseView record.

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'

export interface Condition {
  type: string
  status: string
  reason?: string | null
  message?: string | null
  lastTransitionTime?: string | null
}

export interface Measurement {
  at: string
  phase: string
  value?: string | null
  message?: string | null
}

export interface CheckProgress {
  name: string
  phase: string
  successful: number
  failed: number
  inconclusive: number
  errors: number
  recent: Measurement[]
}

export interface AnalysisProgress {
  startedAt: string
  phase: string
  reason?: string | null
  message?: string | null
  checks: CheckProgress[]
}

export interface ReleaseStep {
  setWeight?: number | null
  pause?: { duration?: string | null } | null
  analysis?: { checks?: unknown[] | null } | null
  setHeaderRoute?: { match?: { header?: string | null; cookie?: string | null; value: string }[] | null } | null
}

export interface ReleaseSpec {
  deployment?: string | null
  version?: { images?: Record<string, string> | null; podTemplatePatch?: Record<string, unknown> | null } | null
  paused?: boolean | null
  progressDeadline?: string | null
  strategy?: {
    canary?: {
      stableService?: string | null
      canaryService?: string | null
      trafficRouting?: { ingressNginx?: { ingress: string } | null; gatewayApi?: { httpRoute: string } | null } | null
      steps?: ReleaseStep[] | null
    } | null
    blueGreen?: { activeService?: string | null; previewService?: string | null; autoPromotion?: boolean | null } | null
  } | null
}

export interface ReleaseStatus {
  phase?: string | null
  currentStep?: number | null
  stepStartedAt?: string | null
  canaryWeight?: number | null
  totalReplicas?: number | null
  stableHash?: string | null
  canaryHash?: string | null
  abort?: { reason: string; message?: string | null; at: string } | null
  analysis?: AnalysisProgress | null
  backgroundAnalysis?: AnalysisProgress | null
  routers?: { type: string; present: boolean; reason: string }[] | null
  conditions: Condition[]
}

export interface ReleaseView {
  namespace: string
  name: string
  resourceVersion?: string | null
  createdAt?: string | null
  deployment?: string | null
  strategy: 'canary' | 'blueGreen' | 'unknown'
  phase: string
  currentStep: number
  steps: number
  canaryWeight: number
  analysis?: string | null
  accepted: boolean
  reason?: string | null
  message?: string | null
  spec?: ReleaseSpec | null
  status: ReleaseStatus
}

export interface ReleaseProblem {
  field: string
  message: string
}

export interface ReleaseValidation {
  valid: boolean
  problems: ReleaseProblem[]
}

export type ReleaseAction = 'promote' | 'abort' | 'retry' | 'pause' | 'resume'

const releasePath = (clusterName: string, namespace: string, name: string) =>
  `${cluster(clusterName)}/namespaces/${enc(namespace)}/releases/${enc(name)}`

export const releases = {
  list: (clusterName: string, namespace?: string) =>
    request<ReleaseView[]>(
      'GET',
      `${cluster(clusterName)}/releases${namespace ? `?namespace=${enc(namespace)}` : ''}`,
    ),
  get: (clusterName: string, namespace: string, name: string) =>
    request<ReleaseView>('GET', releasePath(clusterName, namespace, name)),
  putYaml: (clusterName: string, namespace: string, name: string, yaml: string) =>
    request<ReleaseView>('PUT', releasePath(clusterName, namespace, name), { body: yaml, contentType: 'application/yaml' }),
  remove: (clusterName: string, namespace: string, name: string) =>
    request<void>('DELETE', releasePath(clusterName, namespace, name)),
  act: (clusterName: string, namespace: string, name: string, action: ReleaseAction, full = false) =>
    request<ReleaseView>('POST', `${releasePath(clusterName, namespace, name)}/${action}`, {
      body: action === 'promote' ? { full } : {},
    }),
  validateYaml: (clusterName: string, yaml: string) =>
    request<ReleaseValidation>('POST', `${cluster(clusterName)}/releases/validate`, { body: yaml, contentType: 'application/yaml' }),
}
