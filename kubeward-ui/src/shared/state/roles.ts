// What the signed-in user's grants allow, for hiding buttons (the server decides: 403).

import type { Me } from '@/shared/api/types'

/**
 * Whether the user's grants allow cluster-wide operations (cordon, drain, maintenance) on a
 * cluster: an operator or admin grant for that cluster (or `*`) and every namespace. The console
 * hides or disables the buttons otherwise; the server checks again and answers 403.
 */
export function mayOperate(me: Me | null, clusterName: string): boolean {
  if (!me) return false
  if (me.admin) return true
  return me.grants.some(
    (grant) =>
      (grant.role === 'operator' || grant.role === 'admin') &&
      (grant.cluster === '*' || grant.cluster === clusterName) &&
      grant.namespace === '*',
  )
}
