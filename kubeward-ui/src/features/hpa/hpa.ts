// Pure helpers of the HPA pages: metric bars, condition colours, and the form's checks (the same
// bounds as the server's HpaValidation, so the user sees a message before anything is sent).

import type { HpaCondition, HpaMetric, HpaSpec } from './api'

/** The bar's fill (0–100) for current/target, capped; null when there is no current value. */
export function barPercent(ratio: number | null | undefined): number | null {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return null
  return Math.max(0, Math.min(100, Math.round(ratio * 100)))
}

/** Above target: the HPA scales up (warning colour); far below: it scales down. */
export function barStatus(ratio: number | null | undefined): 'success' | 'warning' | 'exception' | '' {
  if (ratio === null || ratio === undefined) return ''
  if (ratio > 1.5) return 'exception'
  if (ratio > 1) return 'warning'
  return 'success'
}

/** A condition that needs attention: AbleToScale/ScalingActive false, ScalingLimited true. */
export function needsAttention(condition: HpaCondition): boolean {
  return condition.type === 'ScalingLimited' ? condition.status === 'True' : condition.status === 'False'
}

const QUANTITY = /^\+?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+|[numkMGTPE]|Ki|Mi|Gi|Ti|Pi|Ei)?$/
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

export function isPositiveQuantity(value: string | null | undefined): boolean {
  if (!value || value.length > 64) return false
  const match = QUANTITY.exec(value)
  return match !== null && Number(match[1]) > 0
}

/** One problem found by the form: an i18n key under `hpa.form.error` and its arguments. */
export interface FormProblem {
  key: string
  args?: Record<string, string | number>
}

/** The form's checks, in the server's order; empty when the spec may be sent. */
export function formProblems(spec: HpaSpec, replicaCap = 1000): FormProblem[] {
  const out: FormProblem[] = []
  if (!spec.namespace || !NAME.test(spec.namespace)) out.push({ key: 'namespace' })
  if (!spec.name || !NAME.test(spec.name)) out.push({ key: 'name' })
  if (!['Deployment', 'StatefulSet', 'ReplicaSet'].includes(spec.targetKind)) out.push({ key: 'targetKind' })
  if (!spec.targetName || !NAME.test(spec.targetName)) out.push({ key: 'targetName' })
  const min = spec.minReplicas ?? 1
  const max = spec.maxReplicas
  if (!Number.isInteger(min) || min < 1 || min > replicaCap) out.push({ key: 'min', args: { cap: replicaCap } })
  if (max === null || max === undefined || !Number.isInteger(max) || max < 1 || max > replicaCap) {
    out.push({ key: 'max', args: { cap: replicaCap } })
  } else if (min > max) {
    out.push({ key: 'minAboveMax', args: { min, max } })
  }
  ;(spec.metrics ?? []).forEach((metric, i) => out.push(...metricProblems(metric, i + 1)))
  return out
}

export function metricProblems(metric: HpaMetric, index: number): FormProblem[] {
  const resource = metric.type === 'Resource' || metric.type === 'ContainerResource'
  if (resource && !['cpu', 'memory'].includes(metric.name ?? '')) return [{ key: 'resource', args: { index } }]
  if (!resource && !metric.name) return [{ key: 'metricName', args: { index } }]
  if (metric.targetType === 'Utilization') {
    if (!resource) return [{ key: 'utilizationOnCustom', args: { index } }]
    const pct = metric.averageUtilization
    if (pct === null || pct === undefined || !Number.isInteger(pct) || pct < 1 || pct > 1000) return [{ key: 'utilization', args: { index } }]
    return []
  }
  if (!isPositiveQuantity(metric.value)) return [{ key: 'value', args: { index } }]
  return []
}
