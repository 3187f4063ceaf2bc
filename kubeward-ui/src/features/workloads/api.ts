// A workload's page and its rollout (docs/API.md, "Workloads"): GET .../workloads/{plural}/{name},
// .../rollout and the rollout stream (Server-Sent Events, event: rollout).

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import type { Answer } from '@/shared/api/types'

export type WorkloadDetail = Answer<'workloadsDetail'>
export type RolloutStatus = Answer<'workloadsRollout'>

const base = (clusterName: string, plural: string, namespace: string, name: string) =>
  `${cluster(clusterName)}/namespaces/${enc(namespace)}/workloads/${enc(plural)}/${enc(name)}`

export const workloads = {
  get: (clusterName: string, plural: string, namespace: string, name: string) =>
    request<WorkloadDetail>('GET', base(clusterName, plural, namespace, name)),
  rollout: (clusterName: string, plural: string, namespace: string, name: string) =>
    request<RolloutStatus>('GET', `${base(clusterName, plural, namespace, name)}/rollout`),
  rolloutStreamUrl: (clusterName: string, plural: string, namespace: string, name: string) =>
    `${base(clusterName, plural, namespace, name)}/rollout/stream`,
}
