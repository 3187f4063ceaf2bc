// Node maintenances: list, create with a preview, pause/resume/cancel, follow (docs/API.md,
// "Maintenance").

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc, itemsOf } from '@/shared/api/endpoints'
import type { Maintenance, MaintenancePreview, MaintenanceSpec } from '@/shared/api/types'

const maintenance = (clusterName: string, name: string) => `${cluster(clusterName)}/maintenances/${enc(name)}`

export const maintenances = {
  list: async (clusterName: string) =>
    itemsOf(await request<{ items?: Maintenance[] } | Maintenance[]>('GET', `${cluster(clusterName)}/maintenances`)),
  get: (clusterName: string, name: string) => request<Maintenance>('GET', maintenance(clusterName, name)),
  create: (clusterName: string, name: string, spec: MaintenanceSpec) =>
    request<Maintenance>('POST', `${cluster(clusterName)}/maintenances`, { body: { name, ...spec } }),
  preview: (clusterName: string, spec: MaintenanceSpec) =>
    request<MaintenancePreview>('POST', `${cluster(clusterName)}/maintenances/preview`, { body: spec }),
  pause: (clusterName: string, name: string) => request<Maintenance>('POST', `${maintenance(clusterName, name)}/pause`),
  resume: (clusterName: string, name: string) => request<Maintenance>('POST', `${maintenance(clusterName, name)}/resume`),
  cancel: (clusterName: string, name: string) => request<Maintenance>('POST', `${maintenance(clusterName, name)}/cancel`),
  watchUrl: (clusterName: string, name: string) => `${maintenance(clusterName, name)}/watch`,
}
