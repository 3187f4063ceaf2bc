// Alert rules: AlertRule (namespaced) and ClusterAlertRule objects, read and written as the user
// (docs/API.md, "Alert rules").

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import type { Answer } from '@/shared/api/types'
import type { components } from '@/shared/api/generated/openapi'
import type { AlertRuleSpec, RuleKind } from './rules'

export type RuleList = Answer<'alertRulesList'>
export type AlertRuleView = RuleList['items'][number]
export type RuleValidation = components['schemas']['RuleValidation']

const rulePath = (clusterName: string, kind: RuleKind, namespace: string | null | undefined, name: string) =>
  kind === 'AlertRule'
    ? `${cluster(clusterName)}/namespaces/${enc(namespace ?? '')}/alert-rules/${enc(name)}`
    : `${cluster(clusterName)}/alert-rules/${enc(name)}`

export const alertRules = {
  list: (clusterName: string) => request<RuleList>('GET', `${cluster(clusterName)}/alert-rules`),
  get: (clusterName: string, kind: RuleKind, namespace: string | null | undefined, name: string) =>
    request<AlertRuleView>('GET', rulePath(clusterName, kind, namespace, name)),
  put: (
    clusterName: string,
    kind: RuleKind,
    namespace: string | null | undefined,
    name: string,
    spec: AlertRuleSpec,
    resourceVersion?: string | null,
  ) =>
    request<AlertRuleView>('PUT', rulePath(clusterName, kind, namespace, name), {
      body: { spec, resourceVersion: resourceVersion ?? undefined },
    }),
  putYaml: (clusterName: string, kind: RuleKind, namespace: string | null | undefined, name: string, yaml: string) =>
    request<AlertRuleView>('PUT', rulePath(clusterName, kind, namespace, name), { body: yaml, contentType: 'application/yaml' }),
  remove: (clusterName: string, kind: RuleKind, namespace: string | null | undefined, name: string) =>
    request<void>('DELETE', rulePath(clusterName, kind, namespace, name)),
  validate: (clusterName: string, kind: RuleKind, namespace: string | null | undefined, name: string, spec: AlertRuleSpec) =>
    request<RuleValidation>('POST', `${cluster(clusterName)}/alert-rules/validate`, {
      body: { kind, namespace: namespace ?? undefined, name, spec },
    }),
  validateYaml: (clusterName: string, yaml: string) =>
    request<RuleValidation>('POST', `${cluster(clusterName)}/alert-rules/validate`, { body: yaml, contentType: 'application/yaml' }),
}
