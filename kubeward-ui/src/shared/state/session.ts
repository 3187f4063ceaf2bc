// Who is signed in and which cluster the console shows. Small reactive state, no store library.

import { computed, reactive } from 'vue'
import * as api from '@/shared/api/session'
import type { Cluster, Me } from '@/shared/api/types'

const CLUSTER_STORAGE_KEY = 'kubeward.cluster'

interface SessionState {
  me: Me | null
  clusters: Cluster[]
  cluster: string
}

export const session = reactive<SessionState>({
  me: null,
  clusters: [],
  cluster: localStorage.getItem(CLUSTER_STORAGE_KEY) ?? '',
})

export const isAdmin = computed(() => session.me?.admin === true)

/** Loads the signed-in user; throws the ApiError (401 when not signed in). */
export async function loadMe(): Promise<Me> {
  session.me = await api.auth.me()
  return session.me
}

export async function signIn(username: string, password: string): Promise<Me> {
  session.me = await api.auth.login(username, password)
  return session.me
}

export async function signOut(): Promise<void> {
  try {
    await api.auth.logout()
  } finally {
    forget()
  }
}

/** Forgets the user (after a 401 or sign-out); the remembered cluster stays. */
export function forget(): void {
  session.me = null
  session.clusters = []
}

export async function loadClusters(): Promise<void> {
  session.clusters = await api.clusters.list()
  const names = session.clusters.map((c) => c.name)
  if (!names.includes(session.cluster)) {
    const preferred = session.clusters.find((c) => c.defaultCluster) ?? session.clusters[0]
    selectCluster(preferred?.name ?? '')
  }
}

export function selectCluster(name: string): void {
  session.cluster = name
  if (name) localStorage.setItem(CLUSTER_STORAGE_KEY, name)
}

/** The selected cluster as the cluster list shows it (with its access mode), if any. */
export const selectedCluster = computed(() => session.clusters.find((c) => c.name === session.cluster) ?? null)
