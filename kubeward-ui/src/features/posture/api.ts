// Security posture (issue 17, ADR 0050). The shapes mirror the server's PostureReport,
// PostureCheck and PostureException schemas; they are written out here until the API document is
// regenerated with them (the lead's merge step).

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'

export interface PostureScore {
  score: number
  passed: number
  failed: number
  excepted: number
  weight: number
  lost: number
}

export interface PostureFinding {
  check: string
  severity: 'critical' | 'high' | 'medium' | 'low'
  citations: string[]
  kind: string
  namespace: string | null
  name: string
  detail: string
  exceptionId: string | null
  exceptedUntil: string | null
}

export interface PostureCheck {
  id: string
  severity: string
  target: string
  citations: string[]
  title: string
  explanation: string
  fix: string
}

export interface PostureReport {
  cluster: string
  scannedBy: string
  scannedAt: string
  evaluatedAt: string
  score: PostureScore
  namespaces: { namespace: string; score: PostureScore }[]
  findings: PostureFinding[]
  notes: { code: string; message: string }[]
  checks: PostureCheck[]
}

export interface PostureException {
  id: string
  cluster: string
  check: string
  scope: 'cluster' | 'namespace' | 'object'
  namespace: string | null
  kind: string | null
  name: string | null
  reason: string
  expiresAt: string
  createdBy: string
  createdAt: string
}

export interface PostureExceptionRequest {
  check: string
  scope: 'cluster' | 'namespace' | 'object'
  namespace?: string
  kind?: string
  name?: string
  reason: string
  expiresAt: string
}

export interface PostureFilter {
  check?: string
  namespace?: string
  severity?: string
}

export const postureApi = {
  report: (clusterName: string, filter: PostureFilter = {}) =>
    request<PostureReport>(
      'GET',
      `${cluster(clusterName)}/posture${toQueryString({
        check: filter.check || undefined,
        namespace: filter.namespace || undefined,
        severity: filter.severity || undefined,
      })}`,
    ),
  rescan: (clusterName: string) => request<PostureReport>('POST', `${cluster(clusterName)}/posture/scan`),
  downloadUrl: (clusterName: string, format: 'json' | 'markdown' | 'html') =>
    `${cluster(clusterName)}/posture/report?format=${format}`,
  exceptions: (clusterName: string) =>
    request<PostureException[]>('GET', `${cluster(clusterName)}/posture/exceptions`),
  except: (clusterName: string, body: PostureExceptionRequest) =>
    request<PostureException>('POST', `${cluster(clusterName)}/posture/exceptions`, { body }),
  unexcept: (clusterName: string, id: string) =>
    request<void>('DELETE', `${cluster(clusterName)}/posture/exceptions/${enc(id)}`),
}
