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
  before: string | null
  after: string
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
