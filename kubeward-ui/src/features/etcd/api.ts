// etcd connections and snapshots (ADR 0043; administrators only). The shapes mirror the server's
// EtcdConnection, EtcdSnapshot and EtcdSnapshotVerification schemas; they are written out here
// until the API document is regenerated with them (the lead's merge step), then they become
// Answer<...> aliases like the other features'.

import { request } from '@/shared/api/client'
import { clusterPath as cluster } from '@/shared/api/endpoints'

export interface EtcdCertificate {
  subject: string
  issuer: string
  sha256Fingerprint: string
  notBefore: string
  notAfter: string
}

export interface EtcdConnection {
  cluster: string
  endpoints: string[]
  location: string
  retain: number
  clientCertificate: EtcdCertificate
  ca: EtcdCertificate[]
  keySet: boolean
  updatedBy: string
  updatedAt: string
}

/** A change: PEM fields left out (undefined) keep the stored ones. */
export interface EtcdConnectionChange {
  endpoints?: string[]
  ca?: string
  cert?: string
  key?: string
  location?: string
  retain?: number
}

export interface EtcdSnapshot {
  id: string
  cluster: string
  location: string
  size: number
  sha256: string
  revision?: number | null
  etcdVersion?: string | null
  endpoint?: string | null
  createdAt: string
}

export interface EtcdSnapshotVerification {
  id: string
  ok: boolean
  recordedSha256: string
  actualSha256?: string | null
  size: number
  etcdIntegrity: 'OK' | 'MISMATCH' | 'ABSENT'
  problems: string[]
}

const etcd = (clusterName: string) => `${cluster(clusterName)}/etcd`
const snapshot = (clusterName: string, id: string) => `${etcd(clusterName)}/snapshots/${encodeURIComponent(id)}`

export const etcdApi = {
  get: (c: string) => request<EtcdConnection>('GET', etcd(c)),
  set: (c: string, change: EtcdConnectionChange) => request<EtcdConnection>('PUT', etcd(c), { body: change }),
  unset: (c: string) => request<void>('DELETE', etcd(c)),
  list: (c: string) => request<EtcdSnapshot[]>('GET', `${etcd(c)}/snapshots`),
  save: (c: string) => request<EtcdSnapshot>('POST', `${etcd(c)}/snapshots`),
  verify: (c: string, id: string) => request<EtcdSnapshotVerification>('POST', `${snapshot(c, id)}/verify`),
  remove: (c: string, id: string) => request<void>('DELETE', snapshot(c, id)),
  /** A plain link: the browser downloads with the session cookie (GET needs no CSRF header). */
  downloadUrl: (c: string, id: string) => `${snapshot(c, id)}/download`,
}
