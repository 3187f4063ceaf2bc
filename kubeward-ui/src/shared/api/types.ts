// Types of the REST API v1, generated at build time from the OpenAPI document that the server
// serves (committed as openapi/kubeward-api.json, checked against the server by
// OpenApiContractTest; `npm run generate` writes src/shared/api/generated/openapi.ts, ADR 0015).
// This file only gives the generated schemas the console's names; the few shapes the console makes
// up itself (query filters, object references, form values) are marked as such at the end.

import type { components, operations } from './generated/openapi'

type Schemas = components['schemas']
type Query<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>

/**
 * The JSON an operation (by its operationId, e.g. `nodeDetail`) answers with `Status` (200 unless
 * given). The API modules type every call with it, so a changed answer fails the type check.
 */
export type Answer<Operation extends keyof operations, Status extends number = 200> =
  Status extends keyof operations[Operation]['responses']
    ? operations[Operation]['responses'][Status] extends { content: { 'application/json': infer Json } }
      ? Json
      : never
    : never

// --- Sign-in, users, tokens ----------------------------------------------------------------------

export type Grant = Schemas['Grant']
export type Role = Grant['role']
export type Me = Schemas['Me']
export type ApiToken = Schemas['ApiToken']
/** What a token narrows its user's grants to; `cluster` null = any, `namespaces` [] = all. */
export type TokenScope = Pick<ApiToken, 'readOnly' | 'cluster' | 'namespaces' | 'canCreateTokens'>
export type CreatedToken = Schemas['CreatedToken']
export type User = Schemas['User']
export type NewUser = Schemas['NewUser']
/** A created user or saved grants, with what each cluster's RBAC bindings became. */
export type UserChange = Schemas['UserChange']
/** What a sync of grant bindings changed in one cluster, or why the cluster refused (`error`). */
export type BindingSync = Schemas['Sync']
/** An RBAC binding made from a grant (`namespace` null: a ClusterRoleBinding). */
export type Binding = Schemas['Binding']
/** A user's grant bindings in one cluster as they are, next to those the grants call for. */
export type ClusterBindings = Schemas['ClusterBindings']

// --- Audit -------------------------------------------------------------------------------------

export type AuditRecord = Schemas['AuditRecord']
export type AuditPage = Schemas['AuditPage']
export type AuditVerification = Schemas['AuditVerification']
/** The filters of GET /audit and /audit/export (paging apart); the form's '' means any result. */
export type AuditFilter = Omit<Query<'auditFind'>, 'limit' | 'before' | 'result'> & {
  result?: Query<'auditFind'>['result'] | ''
}

// --- Clusters, overview, lists, objects --------------------------------------------------------

export type Cluster = Schemas['ClusterStatus']
/** How Kubeward acts for users in a cluster: impersonating (the cluster decides) or read-only. */
export type ClusterAccess = Schemas['ClusterAccess']
/** What the caller may do in a cluster (GET /clusters/{c}/permissions), for hiding actions. */
export type Permissions = Schemas['Permissions']
export type PermissionRule = Schemas['PermissionRule']
export type ClusterOverview = Schemas['ClusterOverview']
export type NamespaceSummary = Schemas['NamespaceSummary']
export type ZoneSummary = Schemas['ZoneSummary']
export type Resources = Schemas['Resources']
export type ListPage = Schemas['ListPage']
/**
 * A compact view of a cached object: one of the projections (pod, node, deployment, ...), which
 * one the list's or event's kind says. Cluster-scoped views have no namespace.
 */
export type ResourceView = Schemas['CachedView'] & { namespace?: string | null }
/** One message of the cluster stream (`event: change`); the console tolerates one without a view. */
export type ChangeEvent = Omit<Schemas['ChangeEvent'], 'view'> & { view: ResourceView | null }
export type KindInfo = Schemas['KindInfo']
export type Preview = Schemas['PreviewAnswer']
export type Propagation = NonNullable<Query<'objectDelete'>['propagation']>

// --- Nodes, drain and maintenance --------------------------------------------------------------

export type NodeDetail = Schemas['NodeDetail']
export type NodeResources = Schemas['Resources']
export type NodeCondition = Schemas['NodeDetailCondition']
export type NodeVersions = Schemas['NodeVersions']
export type NodePod = Schemas['NodePod']
export type Taint = Schemas['NodeTaint']
export type HealthDetection = Schemas['HealthDetection']
export type HealthType = HealthDetection['type']
/** The desired full sets of labels and taints of a node. */
export type NodeMetadata = Schemas['MetadataRequest']
export type MetadataPreview = Schemas['MetadataPreview']

/** What GET .../drain-preview answers: a drain plan with the number of pods of each fate. */
export type DrainPreview = Schemas['DrainPreview']
/** A drain plan; the preview of a maintenance has one per node (without counts). */
export type DrainPlan = Schemas['DrainPlan'] & { counts?: DrainPreview['counts'] }
export type PodPlan = Schemas['PodPlan']
export type PodFate = PodPlan['fate']
export type DrainVerdict = DrainPlan['verdict']
export type DrainPreviewOptions = Required<Query<'drainPreview'>>
/** Body of POST /nodes/{node}/drain. */
export type DrainRequest = Schemas['DrainRequest']
export type DrainProgress = Schemas['DrainProgress']
export type DrainState = DrainProgress['state']
export type DrainBlocker = Schemas['DrainBlocker']
export type PodProgress = Schemas['PodProgress']
export type PodDrainState = PodProgress['state']

export type Maintenance = Schemas['MaintenanceView']
export type MaintenancePhase = Maintenance['phase']
export type MaintenanceNode = Schemas['NodeStatus']
export type NodeStep = MaintenanceNode['step']
export type StatusCondition = Schemas['Condition']
export type MaintenanceSpec = Schemas['MaintenanceSpec']
export type MaintenanceAction = Schemas['MaintenanceAction']
export type MaintenanceWindow = Schemas['MaintenanceWindow']
export type MaintenancePreview = Schemas['MaintenancePreview']
export type LabelSelector = Schemas['NodeSelector']
export type LabelSelectorRequirement = Schemas['SelectorRequirement']

// --- Live usage (ADR 0019): CPU in millicores, memory in bytes, `used` null without a source ----

/** Where usage comes from: `metrics-api`, or `none` with a message and the command to install one. */
export type UsageSource = Schemas['UsageSource']
/** CPU or memory of something: used (null without a source), requested, limits, allocatable. */
export type ResourceUsage = Schemas['UsageAmount']
export type PodCount = Schemas['UsagePodCount']
export type ClusterUsage = Schemas['UsageOverview']
export type NodeUsage = Schemas['UsageNode']
export type NamespaceUsage = Schemas['UsageNamespace']
export type Quota = Schemas['UsageQuota']
export type WorkloadUsage = Schemas['UsageWorkload']
export type PodUsage = Schemas['UsagePod']
export type ContainerUsage = Schemas['UsageContainer']

// --- History and PromQL (ADR 0021): points are [epoch ms, value or null] -------------------------

export type History = Schemas['HistoryAnswer']
export type HistorySeries = Schemas['HistorySeries']
export type HistoryMetric = HistorySeries['metric']
export type HistoryTarget = NonNullable<Query<'history'>['target']>
export type PromqlResult = Schemas['PromqlAnswer']
export type PromqlSeries = Schemas['PromqlSeries']
export type PromqlAccess = Schemas['PromqlAccess']

// --- Shapes the console makes up (not in the API document) ------------------------------------

/** Where the YAML page reads an object: the query of GET/DELETE .../object. */
export interface ObjectRef {
  apiVersion: string
  kind: string
  namespace?: string | null
  name: string
}

/** The days a window form offers (the server validates `windows[].days`). */
export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun'

/** Which document of a body of several (1-based index) and the object it names. */
export interface DocumentRef {
  index: number
  apiVersion?: string | null
  kind?: string | null
  namespace?: string | null
  name?: string | null
}

/**
 * One applied document of POST .../object/apply answered as JSON (`Accept: application/json`);
 * the YAML answer is the documented one, this shape is the console's (docs/API.md).
 */
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

// --- diagnostics (issue 13) ----------------------------------------------------------------------

/** A finding with its lifecycle; texts in both languages (`en`, `zh`). */
export type Finding = Schemas['Finding']
export type Evidence = Schemas['Evidence']
export type Bilingual = Schemas['Bilingual']
export type RuleInfo = Schemas['RuleInfo']
export type Runbook = Schemas['Runbook']
/** The console's filter of GET .../findings (comma-separated severities, state active|resolved|all). */
export interface FindingFilter {
  severity?: string
  rule?: string
  namespace?: string
  kind?: string
  name?: string
  state?: 'active' | 'resolved' | 'all'
  text?: string
}

// --- alerting engine (issue 14) ------------------------------------------------------------------

/** An alert: labels, annotations (a `.zh-CN` suffix holds the 简体中文 text), state and times. */
export type AlertItem = Schemas['Alert']
export type AlertDetail = Schemas['AlertDetail']
/** One line of the alerting history (a transition, a silence, a notification attempt). */
export type AlertHistoryEntry = Schemas['AlertHistoryEntry']
/** The console's filter of GET /alerts (comma-separated states and severities). */
export interface AlertFilter {
  cluster?: string
  state?: string
  severity?: string
  rule?: string
}
/** The console's filter of GET /alerts/history. */
export interface AlertHistoryFilter {
  cluster?: string
  fingerprint?: string
  rule?: string
  channel?: string
  kind?: string
  from?: string
  to?: string
}
