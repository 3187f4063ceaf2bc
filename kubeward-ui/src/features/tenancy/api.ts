// Team spaces, quota utilisation and quota / limit range edits with a violation preview (ADR 0045).
// Types are written here until the lead regenerates the OpenAPI types after the merge.

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'

export interface TeamTemplate {
  name: string
  description: string
  quotaHard: Record<string, string>
  podSecurity: string
  teamRole: string
  defaultDeny: boolean
}
export interface TeamSpace { namespace: string; template: string; podSecurity: string; phase: string }
export interface TeamSpaceResult { namespace: string; template: string; dryRun: boolean; objects: string[]; auditId: number }
export interface TeamSpaceBody {
  name: string
  template?: string
  users?: string[]
  groups?: string[]
  quota?: Record<string, string>
  podSecurity?: string
  teamRole?: string
  dryRun?: boolean
}
export interface QuotaLine { resource: string; used: string; hard: string; percent: number }
export interface QuotaUsage { namespace: string; name: string; resources: QuotaLine[] }
export interface Violation { workload?: string; pod?: string; container?: string; resource: string; rule: string; en: string; zh: string }
export interface LimitsPreview { namespace: string; podsChecked: number; violations: Violation[] }
export interface LimitRangeBody {
  defaultLimits?: Record<string, string>
  defaultRequests?: Record<string, string>
  min?: Record<string, string>
  max?: Record<string, string>
  maxLimitRequestRatio?: Record<string, string>
}

const base = (c: string) => `${cluster(c)}/tenancy`

export const tenancy = {
  templates: (c: string) => request<TeamTemplate[]>('GET', `${base(c)}/templates`),
  spaces: (c: string) => request<TeamSpace[]>('GET', `${base(c)}/spaces`),
  create: (c: string, body: TeamSpaceBody) => request<TeamSpaceResult>('POST', `${base(c)}/spaces`, { body }),
  quotas: (c: string, namespace?: string) =>
    request<QuotaUsage[]>('GET', `${base(c)}/quotas${namespace ? `?namespace=${enc(namespace)}` : ''}`),
  previewQuota: (c: string, ns: string, hard: Record<string, string>) =>
    request<LimitsPreview>('POST', `${base(c)}/namespaces/${enc(ns)}/quota/preview`, { body: { hard } }),
  applyQuota: (c: string, ns: string, hard: Record<string, string>) =>
    request<{ auditId: number }>('PUT', `${base(c)}/namespaces/${enc(ns)}/quota`, { body: { hard } }),
  previewLimits: (c: string, ns: string, body: LimitRangeBody) =>
    request<LimitsPreview>('POST', `${base(c)}/namespaces/${enc(ns)}/limits/preview`, { body }),
  applyLimits: (c: string, ns: string, body: LimitRangeBody) =>
    request<{ auditId: number }>('PUT', `${base(c)}/namespaces/${enc(ns)}/limits`, { body }),
}

/** "requests.cpu=2, pods=10" → { "requests.cpu": "2", pods: "10" }; blank parts are skipped. */
export function parsePairs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of text.split(/[,\n]/)) {
    const [key, ...rest] = part.split('=')
    const value = rest.join('=').trim()
    if (key && key.trim() && value) out[key.trim()] = value
  }
  return out
}

/** Comma- or line-separated names, trimmed, blanks dropped. */
export function parseList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}
