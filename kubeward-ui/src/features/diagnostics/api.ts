// Findings of the diagnostics engine, the rules and their runbooks (docs/API.md, "Diagnostics").

import { request } from '@/shared/api/client'
import { V1, clusterPath } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer, FindingFilter } from '@/shared/api/types'

export const findings = {
  list: (cluster: string, filter: FindingFilter, limit: number, offset: number) =>
    request<Answer<'diagnosticsList'>>('GET', `${clusterPath(cluster)}/findings${toQueryString({ ...filter, limit, offset })}`),
  about: (cluster: string, kind: string, namespace: string | undefined, name: string, resolved = false) =>
    request<Answer<'diagnosticsAbout'>>(
      'GET',
      `${clusterPath(cluster)}/findings/object${toQueryString({ kind, namespace, name, resolved: resolved || undefined })}`,
    ),
  exportUrl: (cluster: string, filter: FindingFilter, format: 'csv' | 'json') =>
    `${clusterPath(cluster)}/findings/export${toQueryString({ ...filter, format })}`,
}

export const rules = {
  list: () => request<Answer<'diagnosticsRules'>>('GET', `${V1}/diagnostics/rules`),
  runbook: (rule: string) => request<Answer<'diagnosticsRunbook'>>('GET', `${V1}/diagnostics/rules/${encodeURIComponent(rule)}/runbook`),
  putSiteText: (rule: string, markdown: string) =>
    request<Answer<'diagnosticsPutSiteText'>>('PUT', `${V1}/diagnostics/rules/${encodeURIComponent(rule)}/runbook/site`, { body: { markdown } }),
}
