// The audit log, its export and its verification, for administrators (docs/API.md, "Audit").

import { request } from '@/shared/api/client'
import { V1 } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer, AuditFilter } from '@/shared/api/types'

export const audit = {
  list: (filter: AuditFilter, limit: number, before?: string | null) =>
    request<Answer<'auditFind'>>('GET', `${V1}/audit${toQueryString({ ...filter, limit, before })}`),
  exportUrl: (filter: AuditFilter, format: 'csv' | 'json') =>
    `${V1}/audit/export${toQueryString({ ...filter, format })}`,
  verify: () => request<Answer<'auditVerify'>>('GET', `${V1}/audit/verify`),
}
