// Which of the YAML editor's actions the cluster lets the user take on the open object, from the
// rules of the object's namespace (GET /clusters/{c}/permissions?namespace=). Pure; the server
// still decides every request, and whatever cannot be told (an unknown kind, no answer, rules the
// cluster could not list completely) stays enabled.

import { groupOf, rulesNamespace, ruleVerdict, type Verdict } from '@/shared/access'
import type { KindInfo, ObjectRef, Permissions } from '@/shared/api/types'

/** What RBAC calls the object's kind: the API group, the plural resource, whether it is namespaced. */
export interface ObjectTarget {
  group: string
  resource: string
  namespaced: boolean
}

/** The kind of an apiVersion and kind in the cluster's discovery (the same version first), or null. */
export function targetOf(kinds: readonly KindInfo[], apiVersion: string, kind: string): ObjectTarget | null {
  const group = groupOf(apiVersion)
  const version = apiVersion.substring(apiVersion.indexOf('/') + 1)
  const candidates = kinds.filter((k) => k.group === group && k.kind === kind)
  const found = candidates.find((k) => k.version === version) ?? candidates[0]
  return found ? { group, resource: found.plural, namespaced: found.namespaced } : null
}

/**
 * The namespace whose rules decide about the object: its own, `default` for a namespaced object
 * without one (where the server puts it), and `default` for cluster-scoped objects, whose rules
 * come from the ClusterRoleBindings that every namespace's answer includes.
 */
export function namespaceForRules(target: ObjectTarget | null, ref: Pick<ObjectRef, 'namespace'>): string {
  return rulesNamespace(target?.namespaced ?? true, ref.namespace)
}

export interface EditorVerdicts {
  /** Preview and apply: server-side apply patches the object. */
  apply: Verdict
  delete: Verdict
  /** Revealing a Secret's values reads it with `get secrets`. */
  reveal: Verdict
}

export function editorVerdicts(permissions: Permissions | null | undefined, target: ObjectTarget | null, name: string): EditorVerdicts {
  const reveal = ruleVerdict(permissions, { verb: 'get', group: '', resource: 'secrets', name })
  if (!target) return { apply: 'unknown', delete: 'unknown', reveal }
  const on = (verb: string) => ruleVerdict(permissions, { verb, group: target.group, resource: target.resource, name })
  return { apply: on('patch'), delete: on('delete'), reveal }
}

export { refusal, type Refusal } from '@/shared/access'
