// Draining a node: what it would do (preview) and starting it (docs/API.md, "Drain").

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer, DrainPreviewOptions, DrainRequest } from '@/shared/api/types'

const node = (clusterName: string, name: string) => `${cluster(clusterName)}/nodes/${enc(name)}`

export const drains = {
  preview: (clusterName: string, name: string, options: DrainPreviewOptions) =>
    request<Answer<'drainPreview'>>(
      'GET',
      `${node(clusterName, name)}/drain-preview${toQueryString({ force: options.force, deleteEmptyDirData: options.deleteEmptyDirData })}`,
    ),
  /** Starts a drain as a one-node maintenance; answers the maintenance (201). */
  start: (clusterName: string, name: string, body: DrainRequest) =>
    request<Answer<'maintenanceDrain', 201>>('POST', `${node(clusterName, name)}/drain`, { body }),
}
