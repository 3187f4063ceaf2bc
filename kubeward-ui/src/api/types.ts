// Types of the REST API v1, written by hand from docs/API.md (the contract). Compact views of
// cached kinds are open records: the server decides their fields, the console reads the ones it knows.

export type Role = 'viewer' | 'operator' | 'admin'

export interface Grant {
  role: Role
  cluster: string
  namespace: string
}

export interface Me {
  username: string
  admin: boolean
  mustChangePassword: boolean
  grants: Grant[]
}

export interface ApiToken {
  id: string
  name: string
  createdAt: string
  expiresAt: string
  lastUsedAt: string | null
}

export interface CreatedToken {
  id: string
  name: string
  expiresAt: string
  token: string
}

export interface User {
  username: string
  grants: Grant[]
  mustChangePassword: boolean
  createdAt: string
}

export interface NewUser {
  username: string
  password: string
  grants: Grant[]
}

export interface AuditRecord {
  sequence: number
  time: string
  user: string
  origin: 'console' | 'api' | 'cli' | 'controller' | string
  clientAddress: string | null
  cluster: string | null
  namespace: string | null
  kind: string | null
  name: string | null
  verb: string
  diff: string | null
  result: 'success' | 'failure' | string
  error: string | null
  hash: string
  previousHash: string | null
}

export interface AuditPage {
  items: AuditRecord[]
  next: string | null
}

export interface AuditFilter {
  user?: string
  cluster?: string
  namespace?: string
  kind?: string
  verb?: string
  result?: '' | 'success' | 'failure'
  from?: string
  to?: string
}

export interface AuditVerification {
  intact: boolean
  checked: number
  firstBrokenLink: { sequence: number; reason: string } | null
}

export interface Cluster {
  name: string
  reachable: boolean
  kubernetesVersion: string | null
  latencyMillis: number | null
  lastError: string | null
  since: string | null
  source?: 'kubeconfig' | 'in-cluster' | 'added' | string
  defaultCluster?: boolean
  cacheSynced?: boolean
}

export interface Resources {
  cpuMillis: number
  memoryBytes: number
  pods: number
}

export interface ZoneSummary {
  zone: string | null
  total: number
  ready: number
}

export interface NamespaceSummary {
  namespace?: string
  name?: string
  pods?: number
  withProblems?: number
  podsWithProblems?: number
  deployments?: number
  [key: string]: unknown
}

export interface ClusterOverview {
  cluster: string
  kubernetesVersion: string | null
  nodes: {
    total: number
    ready: number
    notReady: number
    unschedulable: number
    zones: ZoneSummary[]
    byCondition?: Record<string, number>
  }
  pods: {
    total: number
    byPhase: Record<string, number>
    byProblem: Record<string, number>
    withProblems: number
  }
  /** A count today; per-namespace summaries when the server provides them. */
  namespaces: number | NamespaceSummary[]
  namespaceSummaries?: NamespaceSummary[]
  deployments?: { total: number; available: number; unavailable: number }
  services?: number
  capacity?: Resources
  allocatable?: Resources
  requested?: Resources
  limits?: Resources
}

/** A page of a cached kind: `total` counts all items after filtering. */
export interface ListPage<T = ResourceView> {
  items: T[]
  total: number
  continue: string | null
}

/** A compact view of a cached object (pod, node, deployment...). */
export interface ResourceView {
  namespace?: string | null
  name: string
  uid?: string
  [field: string]: unknown
}

export interface KindInfo {
  group: string
  version: string
  kind: string
  plural: string
  namespaced: boolean
  verbs: string[]
}

export interface ObjectRef {
  apiVersion: string
  kind: string
  namespace?: string | null
  name: string
}

export interface Preview {
  changed: boolean
  diff: string
  /** Only for a body of one document. */
  before: string | null
  after: string | null
  /** One entry per YAML document of the body, in order (docs/API.md, "Several documents"). */
  documents?: DocumentPreview[]
}

/** Which document of a body of several (1-based index) and the object it names. */
export interface DocumentRef {
  index: number
  apiVersion: string | null
  kind: string | null
  namespace: string | null
  name: string | null
}

export interface DocumentPreview extends DocumentRef {
  changed: boolean
  diff: string
}

export interface DocumentApplied extends DocumentRef {
  changed: boolean
  diff: string
  yaml: string
}

/** A document's result in a resource.documents-refused / -partially-applied problem. */
export interface DocumentResult extends DocumentRef {
  result: 'accepted' | 'refused' | 'applied' | 'failed' | 'not-applied'
  problem?: { code?: string; title?: string; detail?: string; status?: number }
}

export type Propagation = 'background' | 'foreground' | 'orphan'

/** One message of the cluster stream (`event: change`). */
export interface ChangeEvent {
  kind: string
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  namespace: string | null
  name: string
  view: ResourceView | null
}

// --- Nodes, drain and maintenance (issue 5; docs/API.md "Nodes", "Drain", "Maintenance") -------

export interface NodeResources {
  cpuMillis?: number | null
  memoryBytes?: number | null
  pods?: number | null
  ephemeralStorageBytes?: number | null
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'

export interface Taint {
  key: string
  value?: string | null
  effect: TaintEffect | string
}

export interface NodeCondition {
  type: string
  status: 'True' | 'False' | 'Unknown' | string
  reason?: string | null
  message?: string | null
  /** When the condition last changed status (lastTransitionTime). */
  since?: string | null
  lastHeartbeat?: string | null
}

export interface NodeVersions {
  kubelet?: string | null
  kubeProxy?: string | null
  osImage?: string | null
  kernel?: string | null
  containerRuntime?: string | null
}

export interface NodePod {
  namespace: string
  name: string
  ownerKind?: string | null
  ownerName?: string | null
  status?: string | null
  ready?: string | boolean | null
  restarts?: number | null
  requests?: NodeResources | null
}

export type HealthType =
  | 'NotReady'
  | 'Unknown'
  | 'HeartbeatStale'
  | 'MemoryPressure'
  | 'DiskPressure'
  | 'PIDPressure'
  | 'NetworkUnavailable'
  | 'Flapping'
  | 'FrequentEvictions'
  | 'CordonedTooLong'

export interface HealthDetection {
  node?: string
  type: HealthType | string
  startedAt: string
  endedAt?: string | null
  message?: string | null
}

export interface NodeDetail {
  name: string
  roles: string[]
  zone?: string | null
  unschedulable: boolean
  labels: Record<string, string>
  taints: Taint[]
  conditions: NodeCondition[]
  heartbeatAgeSeconds?: number | null
  versions: NodeVersions
  capacity: NodeResources
  allocatable: NodeResources
  requested: NodeResources
  limits: NodeResources
  pods: NodePod[]
  health: HealthDetection[]
  createdAt?: string | null
}

/** The desired full sets of labels and taints of a node. */
export interface NodeMetadata {
  labels: Record<string, string>
  taints: Taint[]
}

export interface MetadataPreview {
  diff: string
  changed: boolean
}

export type PodFate =
  | 'EVICT'
  | 'SKIP_DAEMONSET'
  | 'SKIP_MIRROR'
  | 'SKIP_FINISHED'
  | 'BLOCKED_BY_PDB'
  | 'NEEDS_FORCE'
  | 'NEEDS_DELETE_EMPTYDIR'

export type DrainVerdict = 'CAN_DRAIN_NOW' | 'WILL_WAIT' | 'REFUSED'

export interface PodPlan {
  namespace: string
  name: string
  ownerKind?: string | null
  ownerName?: string | null
  fate: PodFate
  pdb?: string | null
  disruptionsAllowed?: number | null
  reason?: string | null
}

export interface DrainPlan {
  node: string
  verdict: DrainVerdict
  pods: PodPlan[]
  /** Pods per fate, when the server counts them. */
  counts?: Partial<Record<PodFate, number>>
}

export interface DrainPreviewOptions {
  force: boolean
  deleteEmptyDirData: boolean
}

export type PodDrainState = 'PENDING' | 'EVICTING' | 'BLOCKED' | 'DELETING' | 'GONE' | 'SKIPPED' | 'REFUSED' | 'FAILED'

export interface PodProgress {
  namespace: string
  name: string
  uid?: string | null
  state: PodDrainState
  pdb?: string | null
  attempts?: number
  lastAttemptAt?: string | null
  nextAttemptAt?: string | null
  message?: string | null
}

export interface DrainBlocker {
  namespace: string
  pdb: string
  pods: string[]
}

export type DrainState = 'RUNNING' | 'SUCCEEDED' | 'BLOCKED' | 'TIMED_OUT' | 'REFUSED'

export interface DrainProgress {
  node: string
  state: DrainState
  startedAt?: string | null
  finishedAt?: string | null
  pods: PodProgress[]
  blockers: DrainBlocker[]
  message?: string | null
}

/** Body of POST /nodes/{node}/drain. */
export interface DrainRequest {
  force: boolean
  deleteEmptyDirData: boolean
  gracePeriodSeconds?: number | null
  timeoutSeconds?: number | null
  blockedReportAfterSeconds?: number | null
  uncordon: boolean
}

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string
  values?: string[]
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

export type ActionType = 'None' | 'WaitForCondition' | 'WaitForAnnotation' | 'Job' | 'Wait'

export interface MaintenanceAction {
  type: ActionType
  conditionType?: string
  annotation?: string
  job?: { image: string; command: string[] }
  duration?: string
}

export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun'

export interface MaintenanceWindow {
  days: Weekday[]
  start: string
  end: string
  timeZone: string
}

export interface MaintenanceSpec {
  nodes?: string[]
  nodeSelector?: LabelSelector
  concurrency: number
  action: MaintenanceAction
  windows?: MaintenanceWindow[]
  blockers?: { podSelector?: LabelSelector; alerts?: Record<string, unknown> }
  drain: {
    force: boolean
    deleteEmptyDirData: boolean
    gracePeriodSeconds?: number
    timeout?: string
    blockedReportAfter?: string
  }
  readyTimeout?: string
  actionTimeout?: string
  uncordon: boolean
  paused?: boolean
  cancelled?: boolean
}

export type MaintenancePhase =
  | 'Pending'
  | 'WaitingForLock'
  | 'Running'
  | 'Paused'
  | 'Cancelling'
  | 'Cancelled'
  | 'Succeeded'
  | 'Failed'

export type NodeStep =
  | 'Pending'
  | 'WaitingForWindow'
  | 'Cordoning'
  | 'Draining'
  | 'Action'
  | 'WaitingForReady'
  | 'Uncordoning'
  | 'Done'
  | 'Failed'
  | 'Skipped'

export interface StatusCondition {
  type: string
  status: string
  reason?: string | null
  message?: string | null
  lastTransitionTime?: string | null
}

export interface MaintenanceNode {
  name: string
  step: NodeStep | string
  startedAt?: string | null
  finishedAt?: string | null
  message?: string | null
  drain?: DrainProgress | null
}

export interface Maintenance {
  name: string
  createdBy?: string | null
  createdAt?: string | null
  spec: MaintenanceSpec
  phase?: MaintenancePhase | string | null
  message?: string | null
  conditions?: StatusCondition[]
  nodes?: MaintenanceNode[]
}

export interface MaintenancePreview {
  batches: string[][]
  drains: Record<string, DrainPlan>
}
