// Column definitions of the list pages: which compact-view fields a column shows and how.

export type ColumnFormat = 'text' | 'age' | 'problem' | 'labels' | 'cpu' | 'bytes' | 'status' | 'ratio' | 'ref' | 'count' | 'schedulable'

export interface Column {
  /** The message key under `column.` (also the column's id). */
  key: string
  /** Field names to try in order (dots reach into objects: "owner.name"). */
  fields: string[]
  format?: ColumnFormat
  /** The API's sort key, if the server can sort by this column. */
  sort?: string
  width?: number
  /** For `ratio`: the field of the whole ("ready" of "desired"); for `ref`: the kind field. */
  of?: string
  /** Opens the object in the YAML editor. */
  link?: boolean
}

export type FilterName = 'namespace' | 'labelSelector' | 'name' | 'node' | 'phase' | 'problem'

const c = (key: string, fields: string[] | string, more: Partial<Column> = {}): Column => ({
  key,
  fields: Array.isArray(fields) ? fields : [fields],
  ...more,
})

export const NAME = c('name', 'name', { sort: 'name', link: true, width: 260 })
export const NAMESPACE = c('namespace', 'namespace', { sort: 'namespace', width: 150 })
export const AGE = c('age', ['createdAt', 'creationTimestamp', 'age'], { format: 'age', sort: 'age', width: 90 })
export const LABELS = c('labels', 'labels', { format: 'labels' })

export const PODS_COLUMNS: Column[] = [
  NAME,
  NAMESPACE,
  c('ready', 'ready', { width: 80 }),
  c('phase', 'phase', { sort: 'status', width: 110 }),
  c('problem', 'problem', { format: 'problem', width: 200 }),
  c('restarts', 'restarts', { sort: 'restarts', width: 100 }),
  c('node', ['nodeName', 'node'], { width: 160 }),
  c('ip', 'ip', { width: 130 }),
  AGE,
]

export const NODES_COLUMNS: Column[] = [
  c('name', 'name', { sort: 'name', link: true, width: 220 }),
  c('status', ['status', 'ready'], { format: 'status', sort: 'status', width: 170 }),
  c('roles', ['roles'], { width: 120 }),
  c('zone', ['zone'], { width: 100 }),
  c('schedulable', ['unschedulable'], { format: 'schedulable', width: 110 }),
  c('taints', ['taintCount', 'taints'], { format: 'count', width: 80 }),
  c('version', ['versions.kubelet', 'kubeletVersion', 'version'], { width: 110 }),
  c('cpu', ['allocatable.cpuMillis', 'cpuMillis'], { format: 'cpu', width: 80 }),
  c('memory', ['allocatable.memoryBytes', 'memoryBytes'], { format: 'bytes', width: 110 }),
  c('pods', ['allocatable.pods', 'podCount', 'pods'], { width: 80 }),
  AGE,
]

export const NAMESPACES_COLUMNS: Column[] = [NAME, c('status', ['status', 'phase'], { sort: 'status', width: 120 }), LABELS, AGE]

const READY = c('ready', 'ready', { format: 'ratio', of: 'desired', width: 90 })
const STATUS = c('status', ['status'], { sort: 'status', width: 120 })

export const WORKLOAD_COLUMNS: Record<string, Column[]> = {
  deployments: [NAME, NAMESPACE, READY, c('available', ['available', 'availableReplicas'], { width: 100 }), STATUS, LABELS, AGE],
  statefulsets: [NAME, NAMESPACE, READY, STATUS, LABELS, AGE],
  daemonsets: [NAME, NAMESPACE, READY, c('available', ['available', 'numberAvailable'], { width: 100 }), STATUS, LABELS, AGE],
  jobs: [NAME, NAMESPACE, c('completions', 'succeeded', { format: 'ratio', of: 'completions', width: 120 }), STATUS, LABELS, AGE],
  cronjobs: [NAME, NAMESPACE, c('schedule', ['schedule'], { width: 140 }), c('lastSchedule', ['lastScheduleTime', 'lastSchedule'], { format: 'age', width: 130 }), STATUS, AGE],
}

export const NETWORK_COLUMNS: Record<string, Column[]> = {
  services: [NAME, NAMESPACE, c('type', 'type', { width: 120 }), c('clusterIp', ['clusterIP', 'clusterIp'], { width: 130 }), c('ports', 'ports', {}), AGE],
  ingresses: [NAME, NAMESPACE, c('class', ['className', 'ingressClassName'], { width: 120 }), c('hosts', ['hosts', 'rules'], {}), STATUS, AGE],
}

export const CONFIG_COLUMNS: Record<string, Column[]> = {
  configmaps: [NAME, NAMESPACE, c('keys', ['keys', 'dataKeys'], {}), AGE],
  secrets: [NAME, NAMESPACE, c('type', 'type', { width: 240 }), c('keys', ['keys', 'dataKeys'], {}), AGE],
}

export const EVENTS_COLUMNS: Column[] = [
  c('lastSeen', ['lastSeen', 'lastTimestamp', 'createdAt'], { format: 'age', sort: 'age', width: 100 }),
  NAMESPACE,
  c('type', ['type', 'status'], { width: 90 }),
  c('reason', 'reason', { width: 150 }),
  c('object', 'objectName', { format: 'ref', of: 'objectKind', width: 240 }),
  c('message', ['message', 'note'], {}),
  c('count', ['count'], { width: 80 }),
]

export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const
export const POD_PROBLEMS = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'Unschedulable',
  'OOMKilled',
  'CreateContainerConfigError',
  'Evicted',
] as const
