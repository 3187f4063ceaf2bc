// Helm releases as apps (ADR 0051): read from the release Secrets as the user, changed by helm on
// the server as the user (docs/API.md, "Helm releases"). The types follow the server's records
// (HelmRelease, HelmReleaseDetail, HelmHook, HelmChange, UpgradePreview).

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'

export interface HelmRelease {
  name: string
  namespace: string
  revision: number
  status: string
  chart: string
  chartVersion: string
  appVersion: string
  updated: string
  description: string
}

export interface HelmHook {
  name: string
  kind: string
  path: string
  events: string[]
  lastRunPhase: string
  startedAt: string
  completedAt: string
}

export interface HelmReleaseDetail {
  release: HelmRelease
  values: Record<string, unknown>
  valuesYaml: string
  manifest: string
  notes: string
  hooks: HelmHook[]
}

/** Exactly one source: repository + chart, oci, or archive (base64 of a .tgz). */
export interface ChartSource {
  repository?: string | null
  chart?: string | null
  oci?: string | null
  version?: string | null
  archive?: string | null
  fileName?: string | null
}

export interface HelmChange {
  operation: string
  release: HelmRelease
  hooks: HelmHook[]
  valuesDiff: string
  auditId: number
}

export interface HelmObjectChange {
  kind: string
  namespace: string
  name: string
  changed: boolean
  diff: string
  problem?: string | null
}

export interface UpgradePreview {
  currentRevision: number
  chart: string
  valuesDiff: string
  objects: HelmObjectChange[]
}

const releasesPath = (clusterName: string) => `${cluster(clusterName)}/helm/releases`
const path = (clusterName: string, namespace: string, name: string) => `${releasesPath(clusterName)}/${enc(namespace)}/${enc(name)}`

export const helm = {
  list: (clusterName: string, namespace?: string, status?: string) =>
    request<HelmRelease[]>('GET', `${releasesPath(clusterName)}${toQueryString({ namespace, status })}`),
  get: (clusterName: string, namespace: string, name: string) => request<HelmReleaseDetail>('GET', path(clusterName, namespace, name)),
  history: (clusterName: string, namespace: string, name: string) => request<HelmRelease[]>('GET', `${path(clusterName, namespace, name)}/history`),
  revision: (clusterName: string, namespace: string, name: string, revision: number) =>
    request<HelmReleaseDetail>('GET', `${path(clusterName, namespace, name)}/revisions/${revision}`),
  install: (clusterName: string, body: { namespace: string; name: string; chart: ChartSource; values?: string | null }) =>
    request<HelmChange>('POST', releasesPath(clusterName), { body }),
  previewUpgrade: (clusterName: string, namespace: string, name: string, body: { chart: ChartSource; values?: string | null }) =>
    request<UpgradePreview>('POST', `${path(clusterName, namespace, name)}/upgrade/preview`, { body }),
  upgrade: (clusterName: string, namespace: string, name: string, body: { chart: ChartSource; values?: string | null }) =>
    request<HelmChange>('POST', `${path(clusterName, namespace, name)}/upgrade`, { body }),
  rollback: (clusterName: string, namespace: string, name: string, revision: number) =>
    request<HelmChange>('POST', `${path(clusterName, namespace, name)}/rollback`, { body: { revision } }),
  uninstall: (clusterName: string, namespace: string, name: string) => request<HelmChange>('DELETE', path(clusterName, namespace, name)),
}
