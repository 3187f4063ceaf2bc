// The cached kinds of docs/API.md and the apiVersion/kind each list row opens in the YAML editor.

export interface CachedKind {
  /** The path segment of /resources/{kind}. */
  plural: string
  apiVersion: string
  kind: string
  namespaced: boolean
}

const k = (plural: string, apiVersion: string, kind: string, namespaced = true): CachedKind => ({
  plural,
  apiVersion,
  kind,
  namespaced,
})

export const CACHED_KINDS: readonly CachedKind[] = [
  k('nodes', 'v1', 'Node', false),
  k('namespaces', 'v1', 'Namespace', false),
  k('pods', 'v1', 'Pod'),
  k('deployments', 'apps/v1', 'Deployment'),
  k('replicasets', 'apps/v1', 'ReplicaSet'),
  k('statefulsets', 'apps/v1', 'StatefulSet'),
  k('daemonsets', 'apps/v1', 'DaemonSet'),
  k('jobs', 'batch/v1', 'Job'),
  k('cronjobs', 'batch/v1', 'CronJob'),
  k('services', 'v1', 'Service'),
  k('endpointslices', 'discovery.k8s.io/v1', 'EndpointSlice'),
  k('ingresses', 'networking.k8s.io/v1', 'Ingress'),
  k('persistentvolumeclaims', 'v1', 'PersistentVolumeClaim'),
  k('persistentvolumes', 'v1', 'PersistentVolume', false),
  k('storageclasses', 'storage.k8s.io/v1', 'StorageClass', false),
  k('events', 'v1', 'Event'),
  k('horizontalpodautoscalers', 'autoscaling/v2', 'HorizontalPodAutoscaler'),
  k('poddisruptionbudgets', 'policy/v1', 'PodDisruptionBudget'),
  k('resourcequotas', 'v1', 'ResourceQuota'),
  k('limitranges', 'v1', 'LimitRange'),
  k('configmaps', 'v1', 'ConfigMap'),
  k('secrets', 'v1', 'Secret'),
]

export function cachedKind(plural: string): CachedKind | undefined {
  return CACHED_KINDS.find((kind) => kind.plural === plural)
}

/** Whether a stream event's kind ("Pod", "pods", "pod") is the given plural. */
export function isKind(eventKind: string, plural: string): boolean {
  const kind = cachedKind(plural)
  const lower = eventKind.toLowerCase()
  return lower === plural || (kind !== undefined && lower === kind.kind.toLowerCase())
}
