// Pure helpers of the describe panel and the object page: where an object's page is, and the
// translation key of a kubectl term (section titles, row keys, column names) if the console has one.

import type { RouteLocationRaw } from 'vue-router'

/** The kinds the server describes (GET .../describe/{kind}/{name}). */
export const DESCRIBED_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
  'Service',
  'Ingress',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'Node',
  'HorizontalPodAutoscaler',
] as const

/** The kinds whose object page has a Logs tab (their pods' logs). */
export const LOGGED_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'] as const

export function isDescribed(kind: string): boolean {
  return (DESCRIBED_KINDS as readonly string[]).includes(kind)
}

export function hasLogs(kind: string): boolean {
  return (LOGGED_KINDS as readonly string[]).includes(kind)
}

/** The object page of an object: /objects/{Kind}/{name}?namespace=... */
export function objectLink(ref: { kind: string; namespace?: string | null; name: string }): RouteLocationRaw {
  return {
    path: `/objects/${encodeURIComponent(ref.kind)}/${encodeURIComponent(ref.name)}`,
    query: ref.namespace ? { namespace: ref.namespace } : {},
  }
}

/** "Pod Template" → "PodTemplate", "Non-terminated Pods" → "NonterminatedPods": a message key part. */
export function termKey(term: string): string {
  return term.replace(/[^A-Za-z0-9]/g, '')
}
