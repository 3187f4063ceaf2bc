// What the alert pages share: tags for states and severities, the alert's subject, annotations in
// the console's language, and the matchers a silence of one alert starts from.

import type { AlertItem } from '@/shared/api/types'
import type { TagType } from '@/shared/format'

export const STATES = ['firing', 'pending', 'resolved'] as const
export const SEVERITIES = ['critical', 'warning', 'info'] as const
export const HISTORY_KINDS = ['firing', 'resolved', 'silenced', 'inhibited', 'muted', 'silence', 'notification'] as const

export function stateTag(state: string): TagType {
  return state === 'firing' ? 'danger' : state === 'pending' ? 'warning' : 'success'
}

export function severityTag(severity: string): TagType {
  return severity === 'critical' ? 'danger' : severity === 'warning' ? 'warning' : 'info'
}

export function historyTag(kind: string, result?: string | null): TagType {
  if (kind === 'firing') return 'danger'
  if (kind === 'resolved') return 'success'
  if (kind === 'notification') return result === 'delivered' ? 'success' : result === 'failed' ? 'danger' : 'warning'
  return 'info'
}

/** What the alert is about: ns/pod, Kind/ns/name, node/x, else "-" (cluster-level). */
export function subject(labels: Record<string, string>): string {
  const ns = labels.namespace
  if (labels.pod) return (ns ? `${ns}/` : '') + labels.pod
  if (labels.kind && labels.name) return `${labels.kind}/${ns ? `${ns}/` : ''}${labels.name}`
  if (labels.node) return `node/${labels.node}`
  return ns ?? '-'
}

/** The annotation in the console's language: the `.zh-CN` variant for 简体中文 when there is one. */
export function annotation(annotations: Record<string, string>, name: string, locale: string): string {
  if (locale.startsWith('zh')) {
    const zh = annotations[`${name}.zh-CN`]
    if (zh) return zh
  }
  return annotations[name] ?? ''
}

/** Labels shown in the list besides the columns (alertname, cluster, severity, rule are columns). */
export function otherLabels(labels: Record<string, string>): [string, string][] {
  const shown = new Set(['alertname', 'cluster', 'severity', 'rule'])
  return Object.entries(labels).filter(([k]) => !shown.has(k))
}

export interface SilenceMatcher {
  name: string
  op: '=' | '!=' | '=~' | '!~'
  value: string
}

/** A silence of exactly this alert: its identifying labels (not severity), as equality matchers. */
export function silenceMatchers(alert: Pick<AlertItem, 'labels'>): SilenceMatcher[] {
  return Object.entries(alert.labels)
    .filter(([name]) => name !== 'severity')
    .map(([name, value]) => ({ name, op: '=' as const, value }))
}

/** Parses `name="value"` style matchers typed into one field, one per line or comma. */
export function splitMatchers(text: string): string[] {
  return text
    .split(/\n/)
    .map((m) => m.trim())
    .filter((m) => m !== '')
}
