// The RBAC explorer (ADR 0046): effective rules, who-can, can-i and risky bindings of a cluster,
// computed from the RBAC objects read with the caller's identity; types from the OpenAPI document.

import { request } from '@/shared/api/client'
import { clusterPath as cluster } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer } from '@/shared/api/types'

export type SubjectRules = Answer<'rbacRules'>
export type WhoCan = Answer<'rbacWhoCan'>
export type RiskyBindings = Answer<'rbacRisky'>

export type SubjectKind = 'user' | 'group' | 'serviceaccount'

export interface SubjectForm {
  kind: SubjectKind
  name: string
  /** The service account's namespace. */
  namespace: string
  /** Groups the user is known to have, comma separated. */
  groups: string
}

export interface RequestForm {
  verb: string
  /** `pods` or `pods/exec`. */
  resource: string
  apiGroup: string
  namespace: string
  resourceName: string
}

/** `a, b,,c` → `['a', 'b', 'c']`. */
export function splitGroups(text: string): string[] {
  return text
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g.length > 0)
}

export const rbac = {
  rules: (clusterName: string, form: SubjectForm) =>
    request<SubjectRules>(
      'GET',
      `${cluster(clusterName)}/rbac/rules${toQueryString({
        kind: form.kind,
        name: form.name,
        subjectNamespace: form.kind === 'serviceaccount' ? form.namespace : undefined,
        groups: form.kind === 'user' && form.groups ? splitGroups(form.groups).join(',') : undefined,
      })}`,
    ),
  whoCan: (clusterName: string, form: RequestForm) =>
    request<WhoCan>(
      'GET',
      `${cluster(clusterName)}/rbac/who-can${toQueryString({
        verb: form.verb,
        resource: form.resource,
        apiGroup: form.apiGroup || undefined,
        namespace: form.namespace || undefined,
        resourceName: form.resourceName || undefined,
      })}`,
    ),
  risky: (clusterName: string, includeSystem: boolean) =>
    request<RiskyBindings>('GET', `${cluster(clusterName)}/rbac/risky${toQueryString({ includeSystem })}`),
}
