// Node maintenances: list, create with a preview, pause/resume/cancel, follow (docs/API.md,
// "Maintenance").

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc, itemsOf } from '@/shared/api/endpoints'
import type { Answer, MaintenanceSpec } from '@/shared/api/types'

const maintenance = (clusterName: string, name: string) => `${cluster(clusterName)}/maintenances/${enc(name)}`

export const maintenances = {
  list: async (clusterName: string) =>
    itemsOf(await request<Answer<'maintenanceList'>>('GET', `${cluster(clusterName)}/maintenances`)),
  get: (clusterName: string, name: string) => request<Answer<'maintenanceGet'>>('GET', maintenance(clusterName, name)),
  create: (clusterName: string, name: string, spec: MaintenanceSpec) =>
    request<Answer<'maintenanceCreate', 201>>('POST', `${cluster(clusterName)}/maintenances`, { body: { name, ...spec } }),
  preview: (clusterName: string, spec: MaintenanceSpec) =>
    request<Answer<'maintenancePreview'>>('POST', `${cluster(clusterName)}/maintenances/preview`, { body: spec }),
  pause: (clusterName: string, name: string) => request<Answer<'maintenancePause'>>('POST', `${maintenance(clusterName, name)}/pause`),
  resume: (clusterName: string, name: string) => request<Answer<'maintenanceResume'>>('POST', `${maintenance(clusterName, name)}/resume`),
  cancel: (clusterName: string, name: string) => request<Answer<'maintenanceCancel'>>('POST', `${maintenance(clusterName, name)}/cancel`),
  watchUrl: (clusterName: string, name: string) => `${maintenance(clusterName, name)}/watch`,
}
