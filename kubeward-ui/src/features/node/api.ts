// A node's detail, cordon/uncordon, label and taint edits, and node health (docs/API.md, "Nodes").

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc, itemsOf } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer, NodeMetadata } from '@/shared/api/types'

const node = (clusterName: string, name: string) => `${cluster(clusterName)}/nodes/${enc(name)}`

export const nodes = {
  get: (clusterName: string, name: string) => request<Answer<'nodeDetail'>>('GET', node(clusterName, name)),
  cordon: (clusterName: string, name: string) => request<Answer<'nodeCordon'>>('POST', `${node(clusterName, name)}/cordon`),
  uncordon: (clusterName: string, name: string) => request<Answer<'nodeUncordon'>>('POST', `${node(clusterName, name)}/uncordon`),
  previewMetadata: (clusterName: string, name: string, metadata: NodeMetadata) =>
    request<Answer<'nodePreview'>>('POST', `${node(clusterName, name)}/metadata/preview`, { body: metadata }),
  updateMetadata: (clusterName: string, name: string, metadata: NodeMetadata) =>
    request<Answer<'nodeApply'>>('PUT', `${node(clusterName, name)}/metadata`, { body: metadata }),
}

export const nodeHealth = {
  list: async (clusterName: string, filter: { active?: boolean; node?: string } = {}) =>
    itemsOf(
      await request<Answer<'nodeNodeHealth'>>(
        'GET',
        `${cluster(clusterName)}/node-health${toQueryString({ active: filter.active, node: filter.node || undefined })}`,
      ),
    ),
}
