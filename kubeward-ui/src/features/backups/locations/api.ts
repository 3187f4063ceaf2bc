// Storage locations of backups and etcd snapshots, for administrators (ADR 0040). Typed here until
// the OpenAPI document is regenerated with the backup-locations endpoints (BackupLocationView,
// BackupLocationChange, BackupLocationCheck).

import { request } from '@/shared/api/client'
import { enc, V1 } from '@/shared/api/endpoints'

export interface BackupLocation {
  name: string
  type: 'local' | 's3'
  directory?: string | null
  endpoint?: string | null
  region?: string | null
  bucket?: string | null
  prefix: string
  pathStyle: boolean
  hasCredentials: boolean
  allowPrivateAddresses: boolean
  builtIn: boolean
  updatedBy?: string | null
  updatedAt?: string | null
}

export interface BackupLocationChange {
  name: string
  type: 's3'
  endpoint?: string | null
  region?: string | null
  bucket: string
  prefix?: string | null
  pathStyle?: boolean | null
  accessKeyId?: string | null
  secretAccessKey?: string | null
  allowPrivateAddresses?: boolean | null
}

export interface BackupLocationCheck {
  name: string
  ok: boolean
  latencyMillis: number
}

const base = `${V1}/backup-locations`

export const locations = {
  list: () => request<BackupLocation[]>('GET', base),
  create: (change: BackupLocationChange) => request<BackupLocation>('POST', base, { body: change }),
  remove: (name: string) => request<void>('DELETE', `${base}/${enc(name)}`),
  check: (name: string) => request<BackupLocationCheck>('POST', `${base}/${enc(name)}/check`),
}

/** Where a location keeps its files, in one line. */
export function where(location: BackupLocation): string {
  if (location.type === 'local') return location.directory ?? ''
  const endpoint = location.endpoint ?? 'AWS S3'
  return `${endpoint} · ${location.bucket ?? ''}/${location.prefix ?? ''}`
}

/** A DNS label, as the server requires. */
export function validName(name: string): boolean {
  return /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)
}
