// Alert channels, for administrators (docs/API.md, "Alert channels"); the per-channel history comes
// from the engine's history API (GET /alerts/history?channel=&kind=notification → {items,
// continueToken}; its AlertHistoryEntry schema replaces NotificationAttempt once merged).

import { request } from '@/shared/api/client'
import { enc, V1 } from '@/shared/api/endpoints'
import type { Answer } from '@/shared/api/types'
import type { components } from '@/shared/api/generated/openapi'

export type AlertChannel = components['schemas']['AlertChannel']
export type AlertChannelChange = components['schemas']['AlertChannelChange']
export type AlertChannelType = components['schemas']['AlertChannelType']
export type AlertChannelTestResult = components['schemas']['AlertChannelTestResult']

/**
 * One line of the alerting history as the engine's API answers it (typed here until the engine's
 * endpoint is in the OpenAPI document).
 */
export interface NotificationAttempt {
  id?: number | null
  at: string
  kind: string
  scope?: string
  channel?: string | null
  groupKey?: string | null
  payloadHash?: string | null
  result?: string | null
  attempt?: number
  latencyMillis?: number | null
  error?: string | null
  detail?: string | null
}

const base = `${V1}/alerting/channels`

export const channels = {
  list: () => request<Answer<'channelsList'>>('GET', base),
  types: () => request<Answer<'channelsTypes'>>('GET', `${V1}/alerting/channel-types`),
  get: (name: string) => request<Answer<'channelsGet'>>('GET', `${base}/${enc(name)}`),
  create: (change: AlertChannelChange) => request<Answer<'channelsCreate', 201>>('POST', base, { body: change }),
  put: (name: string, change: AlertChannelChange) =>
    request<Answer<'channelsPut'>>('PUT', `${base}/${enc(name)}`, { body: change }),
  remove: (name: string) => request<void>('DELETE', `${base}/${enc(name)}`),
  test: (name: string) => request<Answer<'channelsTest'>>('POST', `${base}/${enc(name)}/test`),
  /** The channel's notification attempts, newest first (the engine's history API). */
  history: async (name: string, limit = 100): Promise<NotificationAttempt[]> => {
    const answer = await request<NotificationAttempt[] | { items: NotificationAttempt[] }>(
      'GET',
      `${V1}/alerts/history?channel=${enc(name)}&kind=notification&limit=${limit}`,
    )
    return Array.isArray(answer) ? answer : (answer.items ?? [])
  },
}
