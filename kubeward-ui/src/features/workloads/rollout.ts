// Pure helpers of the workload page: which route a workload row links to, the kind → plural map,
// the tag type of a rollout phase, the progress of a rollout, and the parsing of a stream event.

import type { RouteLocationRaw } from 'vue-router'

/** The workload kinds of the page, by the plural used in paths, with their Kubernetes kind. */
export const WORKLOAD_KINDS: Record<string, string> = {
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  replicasets: 'ReplicaSet',
  jobs: 'Job',
  cronjobs: 'CronJob',
}

/** The API version of each workload kind (for the YAML editor's link). */
export function apiVersionOf(plural: string): string {
  return plural === 'jobs' || plural === 'cronjobs' ? 'batch/v1' : 'apps/v1'
}

/** Kinds whose page shows the Revisions tab (they roll out pod-template revisions). */
export const ROLLING_KINDS = ['deployments', 'statefulsets', 'daemonsets']

/** The workload page of a list row, or undefined for a kind without one. */
export function workloadLink(plural: string, row: { namespace?: string | null; name: string }): RouteLocationRaw | undefined {
  if (!(plural in WORKLOAD_KINDS) || !row.namespace) return undefined
  return `/workloads/${encodeURIComponent(plural)}/${encodeURIComponent(row.namespace)}/${encodeURIComponent(row.name)}`
}

export type Phase = 'COMPLETE' | 'PROGRESSING' | 'PAUSED' | 'STUCK' | 'FAILED'

/** Element Plus tag type of a rollout phase. */
export function phaseTag(phase: string | undefined): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (phase) {
    case 'COMPLETE':
      return 'success'
    case 'PROGRESSING':
      return 'primary'
    case 'PAUSED':
      return 'info'
    case 'STUCK':
      return 'warning'
    case 'FAILED':
      return 'danger'
    default:
      return 'info'
  }
}

/** Percent (0..100) of the desired replicas that are updated and available. */
export function progressPercent(status: { desired: number; updated: number; available: number }): number {
  if (status.desired <= 0) return 100
  const done = Math.min(status.updated, status.available)
  return Math.max(0, Math.min(100, Math.round((done * 100) / status.desired)))
}

/** Whether a follower stops: complete or failed. */
export function settled(phase: string | undefined): boolean {
  return phase === 'COMPLETE' || phase === 'FAILED'
}

/** The JSON of an `event: rollout`, or null when it is not one. */
export function parseRolloutEvent<T extends { phase: string }>(data: string): T | null {
  try {
    const value = JSON.parse(data)
    return value && typeof value === 'object' && typeof value.phase === 'string' ? (value as T) : null
  } catch {
    return null
  }
}
