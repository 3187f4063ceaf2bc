// Restores (ADR 0042): previewed and started as the user; the types follow the server's
// RestorePreview, RestoreView and RestoreResults.Page records.

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'

export interface ObjectRef {
  apiVersion: string
  kind: string
  namespace?: string | null
  name: string
}

export type Verdict = 'CREATE' | 'EXISTS_SKIP' | 'EXISTS_OVERWRITE' | 'CONFLICT' | 'CANNOT_RESTORE' | 'NOT_RESTORED'
export type Outcome = 'CREATED' | 'UPDATED' | 'SKIPPED' | 'FAILED'
export const VERDICTS: Verdict[] = ['CREATE', 'EXISTS_SKIP', 'EXISTS_OVERWRITE', 'CONFLICT', 'CANNOT_RESTORE', 'NOT_RESTORED']
export const OUTCOMES: Outcome[] = ['CREATED', 'UPDATED', 'SKIPPED', 'FAILED']

export interface RestoreSource {
  cluster?: string | null
  namespace?: string | null
  backup?: string | null
  location?: string | null
  archiveKey?: string | null
}

export interface RestoreSpec {
  source: RestoreSource
  namespaceMapping?: Record<string, string>
  labelSelector?: string | null
  includedNamespaces?: string[]
  excludedNamespaces?: string[]
  includedResources?: string[]
  excludedResources?: string[]
  existing?: 'Skip' | 'Overwrite' | null
  preserveNodePorts?: boolean | null
}

export interface PreviewItem {
  source: ObjectRef
  target: ObjectRef
  stage: string
  verdict: Verdict
  reason?: string | null
}

export interface RestorePreview {
  archiveSha256: string
  archived: number
  selected: number
  counts: Partial<Record<Verdict, number>>
  items: PreviewItem[]
  truncated: boolean
}

export interface RestoreCounts {
  created: number
  updated: number
  skipped: number
  failed: number
}

export interface RestoreStatus {
  phase?: string | null
  stage?: string | null
  progress?: { done: number; total: number } | null
  counts?: RestoreCounts | null
  archiveSha256?: string | null
  actingAs?: string | null
  message?: string | null
  startedAt?: string | null
  completedAt?: string | null
  conditions?: { type: string; status: string; reason?: string | null; message?: string | null }[]
}

export interface RestoreView {
  cluster: string
  namespace: string
  name: string
  uid?: string | null
  createdAt?: string | null
  spec?: RestoreSpec | null
  status: RestoreStatus
}

export interface ObjectResult {
  source: ObjectRef
  target: ObjectRef
  outcome: Outcome
  reason?: string | null
}

export interface ResultsPage {
  items: ObjectResult[]
  total: number
  page: number
  size: number
}

export const FINISHED = ['Completed', 'PartiallyFailed', 'Failed']

const restorePath = (clusterName: string, namespace: string, name: string) =>
  `${cluster(clusterName)}/namespaces/${enc(namespace)}/restores/${enc(name)}`

export const restores = {
  preview: (clusterName: string, spec: RestoreSpec) =>
    request<RestorePreview>('POST', `${cluster(clusterName)}/restores/preview`, { body: { spec } }),
  list: (clusterName: string, namespace?: string) =>
    request<RestoreView[]>(
      'GET',
      namespace ? `${cluster(clusterName)}/namespaces/${enc(namespace)}/restores` : `${cluster(clusterName)}/restores`,
    ),
  get: (clusterName: string, namespace: string, name: string) =>
    request<RestoreView>('GET', restorePath(clusterName, namespace, name)),
  create: (clusterName: string, namespace: string, name: string, spec: RestoreSpec) =>
    request<RestoreView>('POST', `${cluster(clusterName)}/namespaces/${enc(namespace)}/restores`, { body: { name, spec } }),
  remove: (clusterName: string, namespace: string, name: string) =>
    request<void>('DELETE', restorePath(clusterName, namespace, name)),
  results: (clusterName: string, namespace: string, name: string, outcome: Outcome | '', page: number, size: number) =>
    request<ResultsPage>(
      'GET',
      `${restorePath(clusterName, namespace, name)}/results?page=${page}&size=${size}${outcome ? `&outcome=${outcome}` : ''}`,
    ),
}

/** "shop=shop-2, a=b" → { shop: 'shop-2', a: 'b' }; null when a pair is malformed. */
export function parseMapping(text: string): Record<string, string> | null {
  const mapping: Record<string, string> = {}
  for (const pair of text.split(/[,\s]+/).filter((p) => p.length > 0)) {
    const [from, to, extra] = pair.split('=')
    if (!from || !to || extra !== undefined) return null
    mapping[from] = to
  }
  return mapping
}

export function describe(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`
}
