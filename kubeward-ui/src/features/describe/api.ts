// Describe: what kubectl describe shows of one object (docs/API.md, "Describe"; ADR 0027).

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer } from '@/shared/api/types'

export type Description = Answer<'describeObject'>
export type DescriptionSection = Description['sections'][number]
export type RelatedObject = Description['related'][number]
export type ObjectLink = RelatedObject['ref']

export const describe = {
  get: (clusterName: string, kind: string, name: string, namespace?: string) =>
    request<Description>(
      'GET',
      `${cluster(clusterName)}/describe/${enc(kind)}/${enc(name)}${toQueryString({ namespace: namespace || undefined })}`,
    ),
}
