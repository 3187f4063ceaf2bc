// Alert rules in the console: the editor's form values and the rule's spec, both ways; the
// object as YAML for the YAML editor (the server parses YAML, see AlertRulesApi); pure functions.

import type { components } from '@/shared/api/generated/openapi'

export type AlertRuleSpec = components['schemas']['AlertRuleSpec']
export type RuleKind = 'AlertRule' | 'ClusterAlertRule'
export type ConditionType = 'finding' | 'nodeHealth' | 'metric' | 'promql' | 'apiserverCertificate'

export const CONDITION_TYPES: ConditionType[] = ['finding', 'nodeHealth', 'metric', 'promql', 'apiserverCertificate']
/** Conditions about the whole cluster: a namespaced AlertRule may not use them. */
export const CLUSTER_ONLY: ConditionType[] = ['nodeHealth', 'promql', 'apiserverCertificate']
export const SEVERITIES = ['critical', 'warning', 'info'] as const
export const NODE_HEALTH_TYPES = [
  'NotReady',
  'Unknown',
  'HeartbeatStale',
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
  'NetworkUnavailable',
  'Flapping',
  'FrequentEvictions',
  'CordonedTooLong',
]
export const METRIC_TARGETS = ['node', 'namespace', 'pod', 'cluster'] as const
export const METRIC_RESOURCES = ['cpu', 'memory', 'pods'] as const
export const METRIC_MEASURES = [
  'used',
  'requests',
  'limits',
  'usedOfAllocatable',
  'requestsOfAllocatable',
  'limitsOfAllocatable',
  'usedOfRequests',
  'usedOfLimits',
  'usedOfQuota',
] as const
export const OPERATORS = ['>', '>=', '<', '<=', '==', '!='] as const

/** The editor's form: lists as comma-separated text, labels as `key=value` lines. */
export interface RuleForm {
  kind: RuleKind
  namespace: string
  name: string
  enabled: boolean
  severity: string
  for: string
  type: ConditionType
  findingRules: string
  findingSeverities: string[]
  findingKinds: string
  findingNamespaces: string
  nodeHealthTypes: string[]
  metricTarget: string
  metricResource: string
  metricMeasure: string
  metricOperator: string
  metricThreshold: number | null
  metricNamespaces: string
  selector: string
  promql: string
  expiresWithin: string
  labels: string
  summary: string
  summaryZh: string
  description: string
  descriptionZh: string
  runbookUrl: string
}

export function emptyForm(kind: RuleKind = 'ClusterAlertRule', namespace = ''): RuleForm {
  return {
    kind,
    namespace,
    name: '',
    enabled: true,
    severity: 'warning',
    for: '5m',
    type: 'finding',
    findingRules: '',
    findingSeverities: [],
    findingKinds: '',
    findingNamespaces: '',
    nodeHealthTypes: ['NotReady'],
    metricTarget: kind === 'AlertRule' ? 'namespace' : 'node',
    metricResource: 'memory',
    metricMeasure: kind === 'AlertRule' ? 'usedOfQuota' : 'usedOfAllocatable',
    metricOperator: '>',
    metricThreshold: 0.9,
    metricNamespaces: '',
    selector: '',
    promql: '',
    expiresWithin: '720h',
    labels: '',
    summary: '',
    summaryZh: '',
    description: '',
    descriptionZh: '',
    runbookUrl: '',
  }
}

const list = (text: string): string[] | undefined => {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
  return items.length ? items : undefined
}

/** `key=value` lines (or commas) as a map; lines without `=` are ignored. */
export function parsePairs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of text.split(/[\n,]/)) {
    const index = part.indexOf('=')
    if (index <= 0) continue
    out[part.substring(0, index).trim()] = part.substring(index + 1).trim()
  }
  return out
}

export const pairsText = (map: Record<string, string> | null | undefined): string =>
  Object.entries(map ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')

function selectorOf(text: string) {
  const matchLabels = parsePairs(text)
  return Object.keys(matchLabels).length ? { matchLabels } : undefined
}

export function formToSpec(form: RuleForm): AlertRuleSpec {
  const condition: NonNullable<AlertRuleSpec['condition']> = {}
  switch (form.type) {
    case 'finding':
      condition.finding = {
        rules: list(form.findingRules),
        severities: form.findingSeverities.length ? form.findingSeverities : undefined,
        kinds: list(form.findingKinds),
        namespaces: form.kind === 'AlertRule' ? undefined : list(form.findingNamespaces),
        selector: selectorOf(form.selector),
      }
      break
    case 'nodeHealth':
      condition.nodeHealth = { types: form.nodeHealthTypes, selector: selectorOf(form.selector) }
      break
    case 'metric':
      condition.metric = {
        target: form.metricTarget,
        resource: form.metricResource,
        measure: form.metricMeasure,
        operator: form.metricOperator,
        threshold: form.metricThreshold ?? undefined,
        namespaces: form.kind === 'AlertRule' ? undefined : list(form.metricNamespaces),
        selector: selectorOf(form.selector),
      }
      break
    case 'promql':
      condition.promql = { expr: form.promql }
      break
    case 'apiserverCertificate':
      condition.apiserverCertificate = { expiresWithin: form.expiresWithin }
      break
  }
  const annotations: Record<string, string> = {}
  const put = (key: string, value: string) => {
    if (value.trim()) annotations[key] = value
  }
  put('summary', form.summary)
  put('summary.zh-CN', form.summaryZh)
  put('description', form.description)
  put('description.zh-CN', form.descriptionZh)
  put('runbook_url', form.runbookUrl)
  return {
    enabled: form.enabled,
    severity: form.severity,
    for: form.for,
    condition,
    labels: parsePairs(form.labels),
    annotations,
  }
}

export function conditionType(spec: AlertRuleSpec | null | undefined): ConditionType | null {
  const condition = spec?.condition ?? {}
  return CONDITION_TYPES.find((type) => condition[type] != null) ?? null
}

export function specToForm(kind: RuleKind, namespace: string | null | undefined, name: string, spec: AlertRuleSpec): RuleForm {
  const form = emptyForm(kind, namespace ?? '')
  const c = spec.condition ?? {}
  const annotations = spec.annotations ?? {}
  const selector = c.finding?.selector ?? c.nodeHealth?.selector ?? c.metric?.selector
  Object.assign(form, {
    name,
    enabled: spec.enabled ?? true,
    severity: spec.severity ?? 'warning',
    for: spec.for ?? '0s',
    type: conditionType(spec) ?? 'finding',
    findingRules: (c.finding?.rules ?? []).join(', '),
    findingSeverities: c.finding?.severities ?? [],
    findingKinds: (c.finding?.kinds ?? []).join(', '),
    findingNamespaces: (c.finding?.namespaces ?? []).join(', '),
    nodeHealthTypes: c.nodeHealth?.types ?? form.nodeHealthTypes,
    metricTarget: c.metric?.target ?? form.metricTarget,
    metricResource: c.metric?.resource ?? form.metricResource,
    metricMeasure: c.metric?.measure ?? form.metricMeasure,
    metricOperator: c.metric?.operator ?? form.metricOperator,
    metricThreshold: c.metric?.threshold ?? form.metricThreshold,
    metricNamespaces: (c.metric?.namespaces ?? []).join(', '),
    selector: pairsText(selector?.matchLabels),
    promql: c.promql?.expr ?? '',
    expiresWithin: c.apiserverCertificate?.expiresWithin ?? form.expiresWithin,
    labels: pairsText(spec.labels),
    summary: annotations['summary'] ?? '',
    summaryZh: annotations['summary.zh-CN'] ?? '',
    description: annotations['description'] ?? '',
    descriptionZh: annotations['description.zh-CN'] ?? '',
    runbookUrl: annotations['runbook_url'] ?? '',
  })
  return form
}

/** The object as the YAML editor shows it (apiVersion, kind, metadata, spec). */
export function ruleObject(kind: RuleKind, namespace: string | null | undefined, name: string, spec: AlertRuleSpec) {
  return {
    apiVersion: 'kubeward.io/v1alpha1',
    kind,
    metadata: kind === 'AlertRule' ? { name, namespace: namespace ?? '' } : { name },
    spec: prune(spec),
  }
}

/** Drops undefined, null, empty lists and empty maps, so the YAML shows what was set. */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined)
    return items.length ? items : undefined
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const pruned = prune(v)
      if (pruned !== undefined) out[k] = pruned
    }
    return Object.keys(out).length ? out : undefined
  }
  return value === null ? undefined : value
}

const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/
const NUMERIC = /^[-+]?[0-9][0-9._]*([eE][-+]?[0-9]+)?$/
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~'])

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = String(value)
  return PLAIN.test(text) && !NUMERIC.test(text) && !RESERVED.has(text.toLowerCase()) ? text : JSON.stringify(text)
}

/** YAML of plain data (maps, lists, strings, numbers, booleans); strings quoted where needed. */
export function toYaml(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent)
  if (Array.isArray(value)) {
    if (!value.length) return `${pad}[]\n`
    return value
      .map((item) => {
        if (item && typeof item === 'object') {
          const inner = toYaml(item, indent + 2)
          return `${pad}- ${inner.substring(indent + 2)}`
        }
        return `${pad}- ${scalar(item)}\n`
      })
      .join('')
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (!entries.length) return `${pad}{}\n`
    return entries
      .map(([k, v]) => {
        const key = scalar(k)
        if (v && typeof v === 'object' && (Array.isArray(v) ? v.length : Object.keys(v).length)) {
          return `${pad}${key}:\n${toYaml(v, indent + 2)}`
        }
        if (v && typeof v === 'object') return `${pad}${key}: ${Array.isArray(v) ? '[]' : '{}'}\n`
        return `${pad}${key}: ${scalar(v)}\n`
      })
      .join('')
  }
  return `${pad}${scalar(value)}\n`
}

/** The problems of a refused write (`alert-rule.invalid`), else none. */
export function problemsOf(problem: { code?: string; [k: string]: unknown } | null | undefined): { field: string; message: string }[] {
  if (!problem || problem.code !== 'alert-rule.invalid' || !Array.isArray(problem.problems)) return []
  return (problem.problems as { field?: string; message?: string }[]).map((p) => ({ field: p.field ?? '', message: p.message ?? '' }))
}
