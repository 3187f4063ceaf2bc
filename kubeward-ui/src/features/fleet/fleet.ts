// Pure helpers of the fleet-wide problem-pods page (issue 19, ADR 0060).

import type { Availability, ClusterProblems, FleetProblemPods } from './api'

/** The problem reasons the server accepts, as kubectl shows them ('any' is the default). */
export const PROBLEM_REASONS = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
  'OOMKilled',
  'Unschedulable',
  'Evicted',
] as const

/** The clusters that are not in the answer (still loading, unreachable, failing, not readable). */
export function awayClusters(answer: FleetProblemPods): ClusterProblems[] {
  return answer.clusters.filter((c) => c.availability !== 'READY')
}

/** Whether the page should ask again by itself: some cluster is still loading its pods. */
export function stillLoading(answer: FleetProblemPods): boolean {
  return answer.clusters.some((c) => c.availability === 'SYNCING')
}

/** Problem counts per cluster that answered, largest first, for the summary tags. */
export function countsByCluster(answer: FleetProblemPods): { cluster: string; total: number }[] {
  return answer.clusters
    .filter((c) => c.availability === 'READY')
    .map((c) => ({ cluster: c.cluster, total: c.total }))
    .sort((a, b) => b.total - a.total || a.cluster.localeCompare(b.cluster))
}

/** The translation key of a cluster's availability. */
export function availabilityKey(availability: Availability): string {
  return `fleet.availability.${availability.toLowerCase()}`
}

/** Element Plus alert type for a cluster that is away. */
export function awayType(availability: Availability): 'info' | 'warning' | 'error' {
  return availability === 'SYNCING' ? 'info' : availability === 'FORBIDDEN' ? 'warning' : 'error'
}
