// Alert routing: silences and the notification policy (docs/API.md, "Alerting: routing").

import { request } from '@/shared/api/client'
import { enc, V1 } from '@/shared/api/endpoints'
import type { components } from '@/shared/api/generated/openapi'

type Schemas = components['schemas']
export type Silence = Schemas['Silence']
export type SilenceRequest = Schemas['SilenceRequest']
export type AlertPolicy = Schemas['AlertPolicy']
export type AlertPolicyChange = Schemas['AlertPolicyChange']
export type AlertPolicyValidation = Schemas['AlertPolicyValidation']
export type AlertPolicyMatch = Schemas['AlertPolicyMatch']

export const silences = {
  list: (state?: string) => request<Silence[]>('GET', `${V1}/silences${state ? `?state=${enc(state)}` : ''}`),
  get: (id: string) => request<Silence>('GET', `${V1}/silences/${enc(id)}`),
  create: (body: SilenceRequest) => request<Silence>('POST', `${V1}/silences`, { body }),
  update: (id: string, body: SilenceRequest) => request<Silence>('PUT', `${V1}/silences/${enc(id)}`, { body }),
  expire: (id: string) => request<Silence>('DELETE', `${V1}/silences/${enc(id)}`),
}

export const policy = {
  get: () => request<AlertPolicy>('GET', `${V1}/alerting/policy`),
  put: (body: AlertPolicyChange) => request<AlertPolicy>('PUT', `${V1}/alerting/policy`, { body }),
  validate: (body: AlertPolicyChange) => request<AlertPolicyValidation>('POST', `${V1}/alerting/policy/validate`, { body }),
  match: (labels: Record<string, string>, draft?: AlertPolicyChange) =>
    request<AlertPolicyMatch>('POST', `${V1}/alerting/policy/match`, { body: { labels, policy: draft ?? null } }),
}
