// The audit log, its export and its verification, for administrators (docs/API.md, "Audit").

import { request } from '@/shared/api/client'
import { V1 } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { AuditFilter, AuditPage, AuditVerification } from '@/shared/api/types'

export const audit = {
  list: (filter: AuditFilter, limit: number, before?: string | null) =>
    request<AuditPage>('GET', `${V1}/audit${toQueryString({ ...filter, limit, before })}`),
  exportUrl: (filter: AuditFilter, format: 'csv' | 'json') =>
    `${V1}/audit/export${toQueryString({ ...filter, format })}`,
  verify: () => request<AuditVerification>('GET', `${V1}/audit/verify`),
}
