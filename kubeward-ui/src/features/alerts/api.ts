// Alerts and the alerting history (docs/API.md, "Alerts"); any replica answers from the store.

import { request } from '@/shared/api/client'
import { V1, enc } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { AlertFilter, AlertHistoryFilter, Answer } from '@/shared/api/types'

/** `?a=1&matcher=x&matcher=y`: the matchers repeat the parameter. */
function withMatchers(query: string, matchers: string[]): string {
  const extra = matchers
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .map((m) => `matcher=${enc(m)}`)
  if (extra.length === 0) return query
  return (query ? `${query}&` : '?') + extra.join('&')
}

export const alerts = {
  list: (filter: AlertFilter, matchers: string[], limit: number, continueToken?: string | null) =>
    request<Answer<'alertsList'>>(
      'GET',
      `${V1}/alerts${withMatchers(toQueryString({ ...filter, limit, continue: continueToken ?? undefined }), matchers)}`,
    ),
  get: (fingerprint: string, cluster?: string | null) =>
    request<Answer<'alertsGet'>>('GET', `${V1}/alerts/${enc(fingerprint)}${toQueryString({ cluster: cluster ?? undefined })}`),
  history: (filter: AlertHistoryFilter, limit: number, continueToken?: string | null) =>
    request<Answer<'alertsHistory'>>(
      'GET',
      `${V1}/alerts/history${toQueryString({ ...filter, limit, continue: continueToken ?? undefined })}`,
    ),
}
