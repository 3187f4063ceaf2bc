// The users page's view of RBAC bindings made from Kubeward grants (ADR 0013): a user's bindings
// in a cluster as they are next to those the grants call for, and what a save or a sync changed.
// Pure; the cluster's RBAC decides, and bindings made by other means are not listed (they count too).

import type { Binding, BindingSync, Grant } from '@/shared/api/types'

/** `in-place`: made and granted; `missing`: granted but not (yet) in the cluster; `extra`: made but no longer granted. */
export type BindingState = 'in-place' | 'missing' | 'extra'

export interface BindingRow {
  /** RoleBinding in a namespace, ClusterRoleBinding without. */
  kind: 'RoleBinding' | 'ClusterRoleBinding'
  namespace: string | null
  name: string
  clusterRole: string
  state: BindingState
}

const keyOf = (b: Binding) => `${b.namespace ?? ''}/${b.name}/${b.clusterRole}`

/** Bindings as they are vs. as the grants call for, in a stable order (cluster-wide first, then by namespace and name). */
export function compareBindings(actual: readonly Binding[], desired: readonly Binding[]): BindingRow[] {
  const have = new Set(actual.map(keyOf))
  const want = new Set(desired.map(keyOf))
  const row = (b: Binding, state: BindingState): BindingRow => ({
    kind: b.namespace ? 'RoleBinding' : 'ClusterRoleBinding',
    namespace: b.namespace ?? null,
    name: b.name,
    clusterRole: b.clusterRole,
    state,
  })
  const rows = [
    ...desired.map((b) => row(b, have.has(keyOf(b)) ? 'in-place' : 'missing')),
    ...actual.filter((b) => !want.has(keyOf(b))).map((b) => row(b, 'extra')),
  ]
  return rows.sort(
    (a, b) =>
      (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name) || a.clusterRole.localeCompare(b.clusterRole),
  )
}

/** Whether the bindings in a cluster are exactly what the grants call for. */
export const inLine = (rows: readonly BindingRow[]) => rows.every((r) => r.state === 'in-place')

/** What one cluster's bindings became after a save or a sync (several users' syncs of one cluster are merged). */
export interface ClusterOutcome {
  cluster: string
  created: string[]
  removed: string[]
  /** Why the cluster refused (or could not be reached), one line per refusal. */
  errors: string[]
}

/** The syncs of an answer per cluster, refusals first, then by name. */
export function outcomes(syncs: readonly BindingSync[]): ClusterOutcome[] {
  const byCluster = new Map<string, ClusterOutcome>()
  for (const sync of syncs) {
    const outcome = byCluster.get(sync.cluster) ?? { cluster: sync.cluster, created: [], removed: [], errors: [] }
    outcome.created.push(...sync.created)
    outcome.removed.push(...sync.removed)
    if (sync.error) outcome.errors.push(sync.error)
    byCluster.set(sync.cluster, outcome)
  }
  return [...byCluster.values()].sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.cluster.localeCompare(b.cluster))
}

/**
 * Whether the grants make the user a Kubeward administrator (admin on every cluster and namespace):
 * Kubeward makes no binding for them; each cluster decides what group kubeward:admins may do.
 */
export const isAdministrator = (grants: readonly Grant[]) => grants.some((g) => g.role === 'admin' && g.cluster === '*' && g.namespace === '*')
