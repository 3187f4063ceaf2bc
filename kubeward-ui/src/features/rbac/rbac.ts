// Pure helpers of the RBAC explorer page: how a rule, a binding and a subject read in one line.

export interface RuleLike {
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  verbs?: string[]
  nonResourceUrls?: string[]
}

export interface BindingLike {
  kind?: string
  namespace?: string | null
  name?: string
}

export interface SubjectLike {
  kind?: string
  name?: string
  namespace?: string | null
}

/** `get, list pods, pods/log (core)` or `* * (apps)`; named objects and URLs after. */
export function ruleText(rule: RuleLike): string {
  const verbs = (rule.verbs ?? []).join(', ')
  if ((rule.nonResourceUrls ?? []).length > 0) {
    return `${verbs} ${(rule.nonResourceUrls ?? []).join(', ')}`
  }
  const groups = (rule.apiGroups ?? []).map((g) => (g === '' ? 'core' : g)).join(', ')
  const names = (rule.resourceNames ?? []).length > 0 ? ` [${(rule.resourceNames ?? []).join(', ')}]` : ''
  return `${verbs} ${(rule.resources ?? []).join(', ')}${names} (${groups})`
}

/** `RoleBinding team-a/devs` or `ClusterRoleBinding admins`. */
export function bindingText(binding: BindingLike): string {
  const where = binding.namespace ? `${binding.namespace}/` : ''
  return `${binding.kind ?? ''} ${where}${binding.name ?? ''}`.trim()
}

/** The i18n key of a subject kind: `rbac.kind.USER`. */
export function subjectKindKey(subject: SubjectLike): string {
  return `rbac.kind.${subject.kind ?? 'USER'}`
}

/** `team-a/bot` for a service account, the name otherwise. */
export function subjectName(subject: SubjectLike): string {
  return subject.namespace ? `${subject.namespace}/${subject.name ?? ''}` : (subject.name ?? '')
}

/** Element Plus tag type of a severity. */
export function severityTag(severity: string | undefined): 'danger' | 'warning' {
  return severity === 'critical' ? 'danger' : 'warning'
}
