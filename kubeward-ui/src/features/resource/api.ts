// Any object as YAML: read, apply with a dry-run preview, delete (docs/API.md, "Objects").

import { request } from '@/shared/api/client'
import { clusterPath as cluster } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'
import type { Answer, DocumentApplied, ObjectRef, Propagation } from '@/shared/api/types'

function objectQuery(ref: ObjectRef, extra: Record<string, string | boolean | undefined> = {}): string {
  return toQueryString({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    namespace: ref.namespace ?? undefined,
    name: ref.name,
    ...extra,
  })
}

export const objects = {
  get: (clusterName: string, ref: ObjectRef, reveal = false) =>
    request<string>('GET', `${cluster(clusterName)}/object${objectQuery(ref, { format: 'yaml', reveal: reveal || undefined })}`, {
      accept: 'application/yaml, text/yaml, text/plain, application/problem+json',
    }),
  preview: (clusterName: string, yaml: string, force = false) =>
    request<Answer<'objectPreview'>>('POST', `${cluster(clusterName)}/object/preview${force ? '?force=true' : ''}`, {
      body: yaml,
      contentType: 'application/yaml',
    }),
  apply: (clusterName: string, yaml: string, force = false) =>
    request<{ documents: DocumentApplied[] }>('POST', `${cluster(clusterName)}/object/apply${force ? '?force=true' : ''}`, {
      body: yaml,
      contentType: 'application/yaml',
    }),
  remove: (clusterName: string, ref: ObjectRef, propagation: Propagation) =>
    request<void>('DELETE', `${cluster(clusterName)}/object${objectQuery(ref, { propagation })}`),
}
