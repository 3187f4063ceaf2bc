// A cluster's exec switch (ADR 0025); the sessions themselves are WebSockets (protocol.ts).

import { request } from '@/shared/api/client'
import { clusterPath as cluster } from '@/shared/api/endpoints'
import type { Answer } from '@/shared/api/types'

/** As `GET .../exec-settings` answers (the ExecSettings schema of the API document). */
export type ExecSettings = Answer<'execSettings'>

export const execSettings = {
  get: (clusterName: string) => request<ExecSettings>('GET', `${cluster(clusterName)}/exec-settings`),
  set: (clusterName: string, enabled: boolean) =>
    request<Answer<'setExecSettings'>>('PUT', `${cluster(clusterName)}/exec-settings`, { body: { enabled } }),
}
