// Backups and BackupSchedules (ADR 0041): read and written as the user; a Backup acts for the
// person who created it. The types follow the server's BackupView / BackupScheduleView records.

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'

export interface Condition {
  type: string
  status: string
  reason?: string | null
  message?: string | null
  lastTransitionTime?: string | null
}

export interface BackupScope {
  namespaces?: string[]
  excludedNamespaces?: string[]
  resources?: string[]
  excludedResources?: string[]
  labelSelector?: string | null
  includeClusterResources?: boolean | null
  includeCustomResources?: boolean | null
  includeSecrets?: boolean | null
}

export interface BackupSpec {
  scope?: BackupScope | null
  location?: string | null
  ttl?: string | null
}

export interface ObjectRef {
  apiVersion: string
  kind: string
  namespace?: string | null
  name: string
}

export interface ObjectFailure {
  object: ObjectRef
  reason: string
}

export interface BackupView {
  namespace: string
  name: string
  createdAt?: string | null
  actingFor?: string | null
  schedule?: string | null
  spec?: BackupSpec | null
  phase: 'New' | 'InProgress' | 'Completed' | 'PartiallyFailed' | 'Failed'
  conditions: Condition[]
  progress: { done: number; total: number }
  countsByKind: Record<string, number>
  failures: ObjectFailure[]
  failureCount: number
  skipped: ObjectFailure[]
  archive?: { location: string; key: string; sha256: string; size: number } | null
  startedAt?: string | null
  completedAt?: string | null
  expiresAt?: string | null
  message?: string | null
}

export interface BackupScheduleSpec {
  cron: string
  timeZone?: string | null
  template?: BackupSpec | null
  retention?: { count?: number | null; maxAge?: string | null } | null
  suspend?: boolean | null
}

export interface BackupScheduleView {
  namespace: string
  name: string
  createdAt?: string | null
  actingFor?: string | null
  spec?: BackupScheduleSpec | null
  conditions: Condition[]
  lastScheduleTime?: string | null
  lastBackup?: string | null
  nextScheduleTime?: string | null
}

export interface BackupVerification {
  ok: boolean
  problems: string[]
  sha256?: string | null
  size: number
  objects: number
}

const ns = (clusterName: string, namespace: string) => `${cluster(clusterName)}/namespaces/${enc(namespace)}`
export const backupPath = (clusterName: string, namespace: string, name: string) =>
  `${ns(clusterName, namespace)}/backups/${enc(name)}`

export const backups = {
  list: (clusterName: string, namespace?: string) =>
    request<BackupView[]>('GET', namespace ? `${ns(clusterName, namespace)}/backups` : `${cluster(clusterName)}/backups`),
  get: (clusterName: string, namespace: string, name: string) =>
    request<BackupView>('GET', backupPath(clusterName, namespace, name)),
  create: (clusterName: string, namespace: string, name: string | null, spec: BackupSpec) =>
    request<BackupView>('POST', `${ns(clusterName, namespace)}/backups`, { body: { name, spec } }),
  remove: (clusterName: string, namespace: string, name: string) =>
    request<void>('DELETE', backupPath(clusterName, namespace, name)),
  verify: (clusterName: string, namespace: string, name: string) =>
    request<BackupVerification>('POST', `${backupPath(clusterName, namespace, name)}/verify`, { body: {} }),
  archiveUrl: (clusterName: string, namespace: string, name: string) => `${backupPath(clusterName, namespace, name)}/archive`,
  progressUrl: (clusterName: string, namespace: string, name: string) => `${backupPath(clusterName, namespace, name)}/progress`,
  schedules: (clusterName: string, namespace?: string) =>
    request<BackupScheduleView[]>(
      'GET',
      namespace ? `${ns(clusterName, namespace)}/backup-schedules` : `${cluster(clusterName)}/backup-schedules`,
    ),
  createSchedule: (clusterName: string, namespace: string, name: string, spec: BackupScheduleSpec) =>
    request<BackupScheduleView>('POST', `${ns(clusterName, namespace)}/backup-schedules`, { body: { name, spec } }),
  removeSchedule: (clusterName: string, namespace: string, name: string) =>
    request<void>('DELETE', `${ns(clusterName, namespace)}/backup-schedules/${enc(name)}`),
}

/** The tag type of a phase. */
export function phaseType(phase: string): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (phase) {
    case 'Completed':
      return 'success'
    case 'PartiallyFailed':
      return 'warning'
    case 'Failed':
      return 'danger'
    case 'InProgress':
      return 'primary'
    default:
      return 'info'
  }
}

/** A comma-separated input as a list (blank entries dropped). */
export function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** The scope of the create form. */
export function scopeOf(form: {
  namespaces: string
  resources: string
  excludedResources: string
  labelSelector: string
  includeClusterResources: boolean | null
  includeSecrets: boolean
}): BackupScope {
  return {
    namespaces: list(form.namespaces),
    resources: list(form.resources),
    excludedResources: list(form.excludedResources),
    labelSelector: form.labelSelector.trim() || null,
    includeClusterResources: form.includeClusterResources,
    includeSecrets: form.includeSecrets || null,
  }
}
