// What the cluster lets the signed-in user do, as the console uses it to hide or disable actions
// (ADR 0013): pure functions over the answer of GET /clusters/{c}/permissions and the `access` of
// the cluster list. They never allow anything: the server decides every request when it is made,
// so whenever the console cannot tell, it shows the action and lets the server answer.

import type { Cluster, Permissions, PermissionRule } from '@/shared/api/types'

/** The console's cluster-scoped actions, as the permissions answer names them. */
export type ActionName = keyof Permissions['actions']

/** What the console makes of a permission: shown and enabled unless `denied`. */
export type Verdict = 'allowed' | 'denied' | 'unknown'

/** A request the console may make for the user: `verb` on `resource` of `group` in a namespace. */
export interface ResourceRequest {
  verb: string
  /** The API group, '' for the core group ("v1"). */
  group: string
  /** The plural resource (`deployments`), or `resource/subresource`. */
  resource: string
  /** The object's name; a rule limited to names then applies when it names this object. */
  name?: string
}

const ALL = '*'
const has = (values: readonly string[], value: string) => values.includes(ALL) || values.includes(value)

/**
 * Whether one rule of a SelfSubjectRulesReview allows the request: its verbs, apiGroups and
 * resources contain the request's value or `*`, and it is not limited to other objects (a rule
 * with `resourceNames` applies only to the objects it names — to none when no name is asked).
 */
export function ruleAllows(rule: PermissionRule, request: ResourceRequest): boolean {
  const names = rule.resourceNames ?? []
  const named = names.length === 0 || (request.name !== undefined && names.includes(request.name))
  return named && has(rule.verbs, request.verb) && has(rule.apiGroups, request.group) && has(rule.resources, request.resource)
}

/**
 * What the rules say of a request: `allowed` when a rule allows it; `denied` when none does and the
 * rules are complete; `unknown` without an answer, for an answer without rules (no namespace was
 * asked) and when the cluster could not list every rule (`incomplete`: a webhook may still allow
 * it), so that nothing is hidden then.
 */
export function ruleVerdict(permissions: Permissions | null | undefined, request: ResourceRequest): Verdict {
  if (!permissions || permissions.namespace == null) return 'unknown'
  if (permissions.rules.some((rule) => ruleAllows(rule, request))) return 'allowed'
  return permissions.incomplete ? 'unknown' : 'denied'
}

/** What the answer says of one of the console's cluster-scoped actions (`unknown` without one). */
export function actionVerdict(permissions: Permissions | null | undefined, action: ActionName): Verdict {
  if (!permissions) return 'unknown'
  return permissions.actions[action] ? 'allowed' : 'denied'
}

/** Whether the console shows (or enables) what the verdict is about. */
export const shown = (verdict: Verdict): boolean => verdict !== 'denied'

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → '' (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? '' : apiVersion.substring(0, slash)
}

/** The namespace whose rules decide a request about an object (namespaced objects default to `default`, like the server). */
export function rulesNamespace(namespaced: boolean, namespace: string | null | undefined): string {
  return namespaced && namespace ? namespace : 'default'
}

/** Why something is not allowed, for a tooltip: read-only mode, or the cluster's own RBAC. */
export function deniedBecause(permissions: Permissions | null | undefined): 'read-only' | 'cluster' {
  return permissions?.source === 'grants' ? 'read-only' : 'cluster'
}

/** What the layout's banner says about a cluster that is read-only in Kubeward. */
export interface ReadOnlyNotice {
  cluster: string
  /** Why, as the server said it in the console's language (Accept-Language). */
  reason: string
  /** The stable code: `impersonation-not-granted` or `not-checked`. */
  code: string
  /** For administrators: what the cluster's administrator must grant Kubeward's service account. */
  missing: string[]
  /** The signed-in user is a Kubeward administrator (and may still change things). */
  admin: boolean
}

/**
 * The banner of the selected cluster, or null when Kubeward impersonates there (the cluster
 * decides) or no cluster is selected. Only administrators are told the missing rights.
 */
export function readOnlyNotice(cluster: Pick<Cluster, 'name' | 'access'> | null | undefined, admin: boolean): ReadOnlyNotice | null {
  const access = cluster?.access
  if (!cluster || !access || access.mode !== 'read-only') return null
  return {
    cluster: cluster.name,
    reason: access.reason,
    code: access.code,
    missing: admin ? [...(access.missing ?? [])] : [],
    admin,
  }
}

/** The tooltip of a refused action: the message key and its values. */
export interface Refusal {
  key: string
  values: Record<string, string>
}

/** Why an action is not offered: the cluster is read-only in Kubeward, or its RBAC does not allow the verb. */
export function refusal(permissions: Permissions | null | undefined, verb: string, resource: string, namespace: string | null): Refusal {
  if (permissions?.source === 'grants') return { key: 'permissions.readOnly', values: {} }
  return namespace
    ? { key: 'permissions.denied', values: { verb, resource, namespace } }
    : { key: 'permissions.deniedClusterWide', values: { verb, resource } }
}
