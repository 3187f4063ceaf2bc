// Every endpoint of docs/API.md the console calls, in one place.

import { request } from './client'
import { listQuery, toQueryString, type ListFilters } from './query'
import type {
  ApiToken,
  AuditFilter,
  AuditPage,
  AuditVerification,
  Cluster,
  ClusterOverview,
  CreatedToken,
  DocumentApplied,
  DrainPlan,
  DrainPreviewOptions,
  DrainRequest,
  Grant,
  HealthDetection,
  KindInfo,
  ListPage,
  Maintenance,
  MaintenancePreview,
  MaintenanceSpec,
  Me,
  MetadataPreview,
  NodeDetail,
  NodeMetadata,
  NewUser,
  ObjectRef,
  Preview,
  Propagation,
  ResourceView,
  User,
} from './types'

const V1 = '/api/v1'
const enc = encodeURIComponent
const cluster = (name: string) => `${V1}/clusters/${enc(name)}`

function objectQuery(ref: ObjectRef, extra: Record<string, string | boolean | undefined> = {}): string {
  return toQueryString({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    namespace: ref.namespace ?? undefined,
    name: ref.name,
    ...extra,
  })
}

export const auth = {
  login: (username: string, password: string) =>
    request<Me>('POST', `${V1}/auth/login`, { body: { username, password }, signIn: true }),
  logout: () => request<void>('POST', `${V1}/auth/logout`),
  me: () => request<Me>('GET', `${V1}/auth/me`),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', `${V1}/auth/password`, { body: { currentPassword, newPassword } }),
  tokens: () => request<ApiToken[]>('GET', `${V1}/auth/tokens`),
  createToken: (name: string, expiresInDays: number) =>
    request<CreatedToken>('POST', `${V1}/auth/tokens`, { body: { name, expiresInDays } }),
  revokeToken: (id: string) => request<void>('DELETE', `${V1}/auth/tokens/${enc(id)}`),
}

export const users = {
  list: () => request<User[]>('GET', `${V1}/users`),
  create: (user: NewUser) => request<void>('POST', `${V1}/users`, { body: user }),
  setGrants: (username: string, grants: Grant[]) =>
    request<User>('PUT', `${V1}/users/${enc(username)}/grants`, { body: grants }),
  resetPassword: (username: string, password: string) =>
    request<void>('POST', `${V1}/users/${enc(username)}/password`, { body: { password } }),
  remove: (username: string) => request<void>('DELETE', `${V1}/users/${enc(username)}`),
}

export const audit = {
  list: (filter: AuditFilter, limit: number, before?: string | null) =>
    request<AuditPage>('GET', `${V1}/audit${toQueryString({ ...filter, limit, before })}`),
  exportUrl: (filter: AuditFilter, format: 'csv' | 'json') =>
    `${V1}/audit/export${toQueryString({ ...filter, format })}`,
  verify: () => request<AuditVerification>('GET', `${V1}/audit/verify`),
}

export const clusters = {
  list: () => request<Cluster[]>('GET', `${V1}/clusters`),
  get: (name: string) => request<Cluster>('GET', cluster(name)),
  overview: (name: string) => request<ClusterOverview>('GET', `${cluster(name)}/overview`),
  streamUrl: (name: string) => `${cluster(name)}/stream`,
  kinds: (name: string) => request<KindInfo[]>('GET', `${cluster(name)}/kinds`),
}

export const resources = {
  list: (
    clusterName: string,
    kind: string,
    filters: ListFilters,
    sort: string | undefined,
    limit: number,
    continueToken: string | null,
  ) =>
    request<ListPage<ResourceView>>(
      'GET',
      `${cluster(clusterName)}/resources/${enc(kind)}${listQuery(filters, sort, limit, continueToken)}`,
    ),
}

export const objects = {
  get: (clusterName: string, ref: ObjectRef, reveal = false) =>
    request<string>('GET', `${cluster(clusterName)}/object${objectQuery(ref, { format: 'yaml', reveal: reveal || undefined })}`, {
      accept: 'application/yaml, text/yaml, text/plain, application/problem+json',
    }),
  preview: (clusterName: string, yaml: string, force = false) =>
    request<Preview>('POST', `${cluster(clusterName)}/object/preview${force ? '?force=true' : ''}`, {
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

/** A list answer as `{items: [...]}` or a bare array (both are accepted, the contract says items). */
export function itemsOf<T>(body: { items?: T[] } | T[] | undefined | null): T[] {
  if (Array.isArray(body)) return body
  return body?.items ?? []
}

const node = (clusterName: string, name: string) => `${cluster(clusterName)}/nodes/${enc(name)}`

export const nodes = {
  get: (clusterName: string, name: string) => request<NodeDetail>('GET', node(clusterName, name)),
  cordon: (clusterName: string, name: string) => request<NodeDetail>('POST', `${node(clusterName, name)}/cordon`),
  uncordon: (clusterName: string, name: string) => request<NodeDetail>('POST', `${node(clusterName, name)}/uncordon`),
  previewMetadata: (clusterName: string, name: string, metadata: NodeMetadata) =>
    request<MetadataPreview>('POST', `${node(clusterName, name)}/metadata/preview`, { body: metadata }),
  updateMetadata: (clusterName: string, name: string, metadata: NodeMetadata) =>
    request<NodeDetail>('PUT', `${node(clusterName, name)}/metadata`, { body: metadata }),
  drainPreview: (clusterName: string, name: string, options: DrainPreviewOptions) =>
    request<DrainPlan>(
      'GET',
      `${node(clusterName, name)}/drain-preview${toQueryString({ force: options.force, deleteEmptyDirData: options.deleteEmptyDirData })}`,
    ),
  /** Starts a drain as a one-node maintenance; answers the maintenance (201). */
  drain: (clusterName: string, name: string, body: DrainRequest) =>
    request<Maintenance>('POST', `${node(clusterName, name)}/drain`, { body }),
}

export const nodeHealth = {
  list: async (clusterName: string, filter: { active?: boolean; node?: string } = {}) =>
    itemsOf(
      await request<{ items?: HealthDetection[] } | HealthDetection[]>(
        'GET',
        `${cluster(clusterName)}/node-health${toQueryString({ active: filter.active, node: filter.node || undefined })}`,
      ),
    ),
}

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
