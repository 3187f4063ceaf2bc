// Pure helpers of the findings views: the text in the user's language, severity tags, filters from
// and to the URL.

import type { Bilingual, FindingFilter } from '@/shared/api/types'

/** The text for the console's language: 简体中文 for any zh*, else English. */
export function inLanguage(text: Bilingual | null | undefined, locale: string): string {
  if (!text) return ''
  return locale.toLowerCase().startsWith('zh') ? text.zh : text.en
}

export type TagType = 'danger' | 'warning' | 'info'

export function severityTag(severity: string | null | undefined): TagType {
  return severity === 'CRITICAL' ? 'danger' : severity === 'WARNING' ? 'warning' : 'info'
}

export const SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const
export const STATES = ['active', 'resolved', 'all'] as const

/** The filter of the findings page from its URL query (unknown values are left out). */
export function filterFromQuery(query: Record<string, unknown>): FindingFilter {
  const text = (key: string) => (typeof query[key] === 'string' && (query[key] as string).trim() ? (query[key] as string).trim() : undefined)
  const severity = text('severity')
    ?.split(',')
    .filter((s) => (SEVERITIES as readonly string[]).includes(s))
    .join(',')
  const state = text('state')
  return {
    severity: severity || undefined,
    rule: text('rule'),
    namespace: text('namespace'),
    kind: text('kind'),
    name: text('name'),
    state: state && (STATES as readonly string[]).includes(state) ? (state as FindingFilter['state']) : undefined,
    text: text('text'),
  }
}

/** The URL query of a filter: only what is set. */
export function filterToQuery(filter: FindingFilter): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value.trim()) out[key] = value.trim()
  }
  return out
}

/** The object page of a finding's subject (route objects/:kind/:name?namespace=). */
export function objectPath(subject: { kind: string; namespace?: string | null; name: string }): string {
  const base = `/objects/${encodeURIComponent(subject.kind)}/${encodeURIComponent(subject.name)}`
  return subject.namespace ? `${base}?namespace=${encodeURIComponent(subject.namespace)}` : base
}
