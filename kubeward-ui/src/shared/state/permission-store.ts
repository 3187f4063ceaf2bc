// The answers of GET /clusters/{c}/permissions, remembered per user, cluster and namespace. Made by
// a factory (the fetch and the clock are given) so that its rules are unit-tested without a server;
// the console's one instance and the composable views use are in permissions.ts.

import { reactive, ref, type Ref } from 'vue'
import type { Permissions } from '@/shared/api/types'

/** Whose permissions, where: the namespace is null for the cluster-scoped actions only. */
export interface PermissionScope {
  user: string
  cluster: string
  namespace: string | null
}

export interface PermissionStoreOptions {
  fetch: (cluster: string, namespace: string | null) => Promise<Permissions>
  now?: () => number
  /** How long an answer is used before it is asked again (the server's review TTL is 30 s). */
  ttlMs?: number
  /** Told of every answer (the layout keeps the cluster's read-only banner current with it). */
  onAnswer?: (answer: Permissions) => void
}

export interface PermissionStore {
  /** The remembered answer (reactive), null while none has come or after a failure. */
  get(scope: PermissionScope): Permissions | null
  /**
   * Whether a request for the scope has ended (with an answer or not): until then the console does
   * not offer actions, rather than show buttons that disappear a moment later.
   */
  settled(scope: PermissionScope): boolean
  /** Asks the server unless a fresh answer is remembered or a request is under way; never throws. */
  ensure(scope: PermissionScope): Promise<Permissions | null>
  /** Every remembered answer is stale (after a 403, a language change): `generation` changes. */
  invalidate(): void
  /** Bumped by invalidate(); composables watch it to ask again for what they show. */
  readonly generation: Ref<number>
}

interface Entry {
  permissions: Permissions | null
  fetchedAt: number
  /** The store's epoch when the request was sent: an answer from before an invalidation is stale. */
  epoch: number
  pending: Promise<Permissions | null> | null
  pendingEpoch: number
  settled: boolean
}

export const PERMISSIONS_TTL_MS = 30_000

export function permissionKey(scope: PermissionScope): string {
  return JSON.stringify([scope.user, scope.cluster, scope.namespace ?? ''])
}

export function createPermissionStore(options: PermissionStoreOptions): PermissionStore {
  const now = options.now ?? Date.now
  const ttl = options.ttlMs ?? PERMISSIONS_TTL_MS
  const entries = reactive(new Map<string, Entry>())
  const generation = ref(0)
  let epoch = 0

  const fresh = (entry: Entry) => entry.permissions !== null && entry.epoch === epoch && now() - entry.fetchedAt < ttl

  function entryOf(key: string): Entry {
    if (!entries.has(key)) entries.set(key, { permissions: null, fetchedAt: 0, epoch: -1, pending: null, pendingEpoch: -1, settled: false })
    return entries.get(key)!
  }

  function ensure(scope: PermissionScope): Promise<Permissions | null> {
    if (!scope.cluster || !scope.user) return Promise.resolve(null)
    const entry = entryOf(permissionKey(scope))
    if (entry.pending) {
      // One request at a time per scope; one sent before an invalidation is followed by another.
      return entry.pendingEpoch === epoch ? entry.pending : entry.pending.then(() => ensure(scope))
    }
    if (fresh(entry)) return Promise.resolve(entry.permissions)
    const sentAt = epoch
    entry.pendingEpoch = sentAt
    entry.pending = options
      .fetch(scope.cluster, scope.namespace)
      .then((answer) => {
        entry.permissions = answer
        entry.fetchedAt = now()
        entry.epoch = sentAt
        options.onAnswer?.(answer)
        return answer
      })
      .catch(() => {
        // Without an answer nothing is hidden (the server decides); the next ensure asks again.
        entry.permissions = null
        return null
      })
      .finally(() => {
        entry.pending = null
        entry.settled = true
      })
    return entry.pending
  }

  return {
    generation,
    ensure,
    get(scope) {
      return entries.get(permissionKey(scope))?.permissions ?? null
    },
    settled(scope) {
      return entries.get(permissionKey(scope))?.settled ?? false
    },
    invalidate() {
      epoch += 1
      generation.value += 1
    },
  }
}
