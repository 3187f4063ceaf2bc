// Workload operations (docs/API.md, "Workload operations"; ADR 0039): each done with the caller's
// identity and audited; every answer carries the workload as written and the audit record's number.

import { request } from '@/shared/api/client'
import { clusterPath } from '@/shared/api/endpoints'

export interface WorkloadState {
  kind: string
  namespace: string
  name: string
  replicas: number | null
  readyReplicas: number | null
  paused: boolean | null
  suspended: boolean | null
  images: Record<string, string>
  revision: number | null
  restartedAt: string | null
}

export interface OpWarning {
  code: string
  message: string
  params: Record<string, string>
}

export interface RevisionDiff {
  from: number
  to: number
  fromText: string
  toText: string
  unified: string
  changed: boolean
}

export interface OpResult {
  workload: WorkloadState | null
  auditId: number
  warnings: OpWarning[]
  job: { namespace: string; name: string; uid: string } | null
  diff: RevisionDiff | null
  dryRun: boolean
}

export interface Revision {
  revision: number
  source: string
  createdAt: string | null
  changeCause: string | null
  images: string[]
  current: boolean
}

export type Cascade = 'background' | 'foreground' | 'orphan'

const enc = encodeURIComponent

function base(cluster: string, plural: string, namespace: string, name: string): string {
  return `${clusterPath(cluster)}/namespaces/${enc(namespace)}/workloads/${plural}/${enc(name)}`
}

export function workloadOps(cluster: string, plural: string, namespace: string, name: string) {
  const path = base(cluster, plural, namespace, name)
  return {
    scale: (replicas: number) => request<OpResult>('POST', `${path}/scale`, { body: { replicas } }),
    restart: () => request<OpResult>('POST', `${path}/restart`, { body: {} }),
    pause: () => request<OpResult>('POST', `${path}/pause`, { body: {} }),
    resume: () => request<OpResult>('POST', `${path}/resume`, { body: {} }),
    setImages: (images: Record<string, string>) => request<OpResult>('POST', `${path}/image`, { body: { images } }),
    revisions: () => request<Revision[]>('GET', `${path}/revisions`),
    diff: (from: number, to: number) => request<RevisionDiff>('GET', `${path}/revisions/diff?from=${from}&to=${to}`),
    rollback: (revision: number, dryRun: boolean) =>
      request<OpResult>('POST', `${path}/rollback`, { body: { revision, dryRun } }),
    suspend: () => request<OpResult>('POST', `${path}/suspend`, { body: {} }),
    unsuspend: () => request<OpResult>('POST', `${path}/resume`, { body: {} }),
    trigger: () => request<OpResult>('POST', `${path}/trigger`, { body: {} }),
    remove: (cascade: Cascade) => request<OpResult>('DELETE', `${path}?cascade=${cascade}`),
  }
}
