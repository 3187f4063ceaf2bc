// What the signed-in user may do in the selected cluster, for hiding or disabling the actions they
// cannot perform (ADR 0013). Fed by GET /clusters/{c}/permissions: asked again when the user, the
// cluster or the namespace changes, after an answer is 30 s old, and after any 403 or language
// change (permissionsChanged). It never allows anything: the server decides every request.

import { computed, watch, type ComputedRef } from 'vue'
import * as api from '@/shared/api/session'
import { actionVerdict, deniedBecause, shown, type ActionName } from '@/shared/access'
import type { Permissions } from '@/shared/api/types'
import { createPermissionStore, permissionKey, type PermissionScope } from './permission-store'
import { session } from './session'

/** The console's one store of permission answers. */
export const permissions = createPermissionStore({
  fetch: (cluster, namespace) => api.clusters.permissions(cluster, namespace),
  // The answer carries the cluster's access mode too: the read-only banner follows the newest one.
  onAnswer: (answer) => {
    const cluster = session.clusters.find((c) => c.name === answer.cluster)
    if (cluster) cluster.access = answer.access
  },
})

/** Every remembered answer is stale: after a 403 (the cluster's RBAC may have changed) or a language change. */
export function permissionsChanged(): void {
  permissions.invalidate()
}

export interface PermissionsView {
  /** The answer; null until it comes and when it could not be had (then nothing is hidden). */
  answer: ComputedRef<Permissions | null>
  /** False until the first request has ended: actions are not offered before the cluster answered. */
  settled: ComputedRef<boolean>
}

/**
 * The answer for the selected cluster and, when `namespace` gives one, that namespace's rules.
 * Call it in a component's setup.
 */
export function usePermissions(namespace: () => string | null = () => null): PermissionsView {
  const scope = (): PermissionScope => ({ user: session.me?.username ?? '', cluster: session.cluster, namespace: namespace() })
  watch([() => permissionKey(scope()), permissions.generation], () => void permissions.ensure(scope()), { immediate: true })
  return {
    answer: computed(() => permissions.get(scope())),
    settled: computed(() => permissions.settled(scope())),
  }
}

/**
 * The console's cluster-scoped actions for views: `may(action)` is false while the cluster has not
 * answered yet and when it said no (a failed request hides nothing); `refused(action)` only when it
 * said no (for navigation and tooltips); `why(action)` names the message key of the tooltip.
 */
export function useClusterActions() {
  const { answer, settled } = usePermissions()
  return {
    permissions: answer,
    may: (action: ActionName) => settled.value && shown(actionVerdict(answer.value, action)),
    refused: (action: ActionName) => !shown(actionVerdict(answer.value, action)),
    why: (action: ActionName) =>
      deniedBecause(answer.value) === 'read-only' ? 'permissions.readOnly' : `permissions.actions.${action}`,
  }
}
