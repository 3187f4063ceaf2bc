// Pure logic of the node and maintenance pages: progress of a maintenance, the live reducer that
// follows GET .../maintenances/{name}/watch (Server-Sent Events), label selectors, the create form
// → spec, and the client-side hints for label and taint syntax (the server validates again).

import type {
  DrainProgress,
  LabelSelector,
  LabelSelectorRequirement,
  Maintenance,
  MaintenanceAction,
  MaintenanceSpec,
  PodDrainState,
  Taint,
  Weekday,
} from '@/shared/api/types'

export const FINISHED_PHASES = ['Succeeded', 'Failed', 'Cancelled'] as const
export const FINISHED_STEPS = ['Done', 'Failed', 'Skipped'] as const
export const WEEKDAYS: Weekday[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const
export const ACTION_TYPES = ['None', 'WaitForCondition', 'WaitForAnnotation', 'Job', 'Wait'] as const

export function isFinished(phase: string | null | undefined): boolean {
  return (FINISHED_PHASES as readonly string[]).includes(phase ?? '')
}

export interface MaintenanceProgress {
  nodesDone: number
  nodesTotal: number
  podsDone: number
  podsTotal: number
  percent: number
}

const POD_DONE: PodDrainState[] = ['GONE', 'SKIPPED']

/** Nodes finished of all nodes, and pods gone or skipped of all pods seen in drains. */
export function progressOf(view: Maintenance | null | undefined): MaintenanceProgress {
  const nodes = view?.nodes ?? []
  const nodesDone = nodes.filter((n) => (FINISHED_STEPS as readonly string[]).includes(n.step)).length
  let podsDone = 0
  let podsTotal = 0
  for (const n of nodes) {
    for (const pod of n.drain?.pods ?? []) {
      podsTotal++
      if (POD_DONE.includes(pod.state)) podsDone++
    }
  }
  const percent = view?.phase === 'Succeeded' ? 100 : nodes.length ? Math.round((nodesDone / nodes.length) * 100) : 0
  return { nodesDone, nodesTotal: nodes.length, podsDone, podsTotal, percent }
}

/** Pods of a drain per state, for the "3 gone · 1 blocked" summary. */
export function drainCounts(drain: DrainProgress | null | undefined): Partial<Record<PodDrainState, number>> {
  const counts: Partial<Record<PodDrainState, number>> = {}
  for (const pod of drain?.pods ?? []) counts[pod.state] = (counts[pod.state] ?? 0) + 1
  return counts
}

// --- live updates --------------------------------------------------------------------------

/** One line of the live log: a node changed step or a pod changed drain state. */
export interface LogEntry {
  at: number
  node: string
  /** "namespace/name" of the pod; absent for a node step. */
  pod?: string
  from: string | null
  to: string
  message?: string | null
}

export interface LiveMaintenance {
  view: Maintenance | null
  log: LogEntry[]
  finished: boolean
}

export const LOG_LIMIT = 500

export function initialLive(): LiveMaintenance {
  return { view: null, log: [], finished: false }
}

/**
 * The next state after an event of the watch stream: the event's view replaces the shown one, and
 * every node step and pod drain state that differs from the previous view becomes a log line (the
 * first view logs only what already moved, so a page opened mid-way shows where things are).
 */
export function reduceLive(state: LiveMaintenance, next: Maintenance, now: number = Date.now()): LiveMaintenance {
  const entries: LogEntry[] = []
  const previous = new Map((state.view?.nodes ?? []).map((n) => [n.name, n]))
  for (const node of next.nodes ?? []) {
    const before = previous.get(node.name)
    const fromStep = before?.step ?? null
    if (fromStep !== node.step && !(fromStep === null && node.step === 'Pending')) {
      entries.push({ at: now, node: node.name, from: fromStep, to: node.step, message: node.message })
    }
    const pods = new Map((before?.drain?.pods ?? []).map((p) => [`${p.namespace}/${p.name}`, p]))
    for (const pod of node.drain?.pods ?? []) {
      const key = `${pod.namespace}/${pod.name}`
      const fromState = pods.get(key)?.state ?? null
      if (fromState !== pod.state && !(fromState === null && pod.state === 'PENDING')) {
        entries.push({ at: now, node: node.name, pod: key, from: fromState, to: pod.state, message: pod.message })
      }
    }
  }
  const log = entries.length ? [...state.log, ...entries].slice(-LOG_LIMIT) : state.log
  return { view: next, log, finished: isFinished(next.phase) }
}

/** A `maintenance` event's data as a view; null for anything else. */
export function parseMaintenanceEvent(data: string): Maintenance | null {
  try {
    const value = JSON.parse(data) as Partial<Maintenance>
    if (!value || typeof value.name !== 'string' || typeof value.spec !== 'object') return null
    return value as Maintenance
  } catch {
    return null
  }
}

// --- label selectors -------------------------------------------------------------------------

const SET = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/i

/**
 * A label selector in kubectl syntax ("pool=a,zone in (z1,z2),!spot") as a LabelSelector; throws an
 * Error naming the part it cannot read.
 */
export function parseSelector(text: string): LabelSelector {
  const matchLabels: Record<string, string> = {}
  const matchExpressions: LabelSelectorRequirement[] = []
  for (const part of splitTopLevel(text)) {
    const term = part.trim()
    if (!term) continue
    const set = SET.exec(term)
    if (set) {
      const values = set[3].split(',').map((v) => v.trim()).filter(Boolean)
      matchExpressions.push({ key: set[1], operator: set[2].toLowerCase() === 'in' ? 'In' : 'NotIn', values })
    } else if (term.includes('!=')) {
      const [key, value] = term.split('!=').map((s) => s.trim())
      if (!key) throw new Error(term)
      matchExpressions.push({ key, operator: 'NotIn', values: [value] })
    } else if (term.includes('=')) {
      const [key, value] = term.split(/==?/).map((s) => s.trim())
      if (!key) throw new Error(term)
      matchLabels[key] = value
    } else if (term.startsWith('!')) {
      matchExpressions.push({ key: term.substring(1).trim(), operator: 'DoesNotExist' })
    } else if (/^[^\s()]+$/.test(term)) {
      matchExpressions.push({ key: term, operator: 'Exists' })
    } else {
      throw new Error(term)
    }
  }
  const selector: LabelSelector = {}
  if (Object.keys(matchLabels).length) selector.matchLabels = matchLabels
  if (matchExpressions.length) selector.matchExpressions = matchExpressions
  return selector
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else {
      current += ch
    }
  }
  parts.push(current)
  return parts
}

// --- label and taint syntax (hints; the server has the last word) ------------------------------

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** The message key of what is wrong with a label (or taint) key, null when it is valid. */
export function labelKeyProblem(key: string): string | null {
  if (!key) return 'nodes.edit.keyRequired'
  const slash = key.indexOf('/')
  const prefix = slash >= 0 ? key.substring(0, slash) : ''
  const name = slash >= 0 ? key.substring(slash + 1) : key
  if (slash >= 0 && (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return 'nodes.edit.badPrefix'
  if (!NAME.test(name)) return 'nodes.edit.badKey'
  return null
}

export function labelValueProblem(value: string): string | null {
  if (value === '') return null
  return NAME.test(value) ? null : 'nodes.edit.badValue'
}

export function taintProblem(taint: Taint): string | null {
  return (
    labelKeyProblem(taint.key) ??
    labelValueProblem(taint.value ?? '') ??
    ((TAINT_EFFECTS as readonly string[]).includes(taint.effect) ? null : 'nodes.edit.badEffect')
  )
}

export interface KeyValue {
  key: string
  value: string
}

/** Rows of the label editor → the label map; duplicate keys are a problem of the later row. */
export function labelsFromRows(rows: KeyValue[]): { labels: Record<string, string>; problems: (string | null)[] } {
  const labels: Record<string, string> = {}
  const problems = rows.map((row) => {
    const key = row.key.trim()
    const problem = labelKeyProblem(key) ?? labelValueProblem(row.value.trim())
    if (problem) return problem
    if (key in labels) return 'nodes.edit.duplicate'
    labels[key] = row.value.trim()
    return null
  })
  return { labels, problems }
}

// --- the create form -------------------------------------------------------------------------

/** A time window as the form edits it (every field set). */
export interface WindowForm {
  days: Weekday[]
  start: string
  end: string
  timeZone: string
}

export interface MaintenanceForm {
  name: string
  target: 'nodes' | 'selector'
  nodes: string[]
  selector: string
  concurrency: number
  actionType: (typeof ACTION_TYPES)[number]
  conditionType: string
  annotation: string
  jobImage: string
  jobCommand: string
  waitMinutes: number
  windows: WindowForm[]
  blockerSelector: string
  force: boolean
  deleteEmptyDirData: boolean
  gracePeriodSeconds: number | null
  timeoutMinutes: number | null
  blockedReportAfterMinutes: number | null
  uncordon: boolean
}

export function emptyForm(nodes: string[] = []): MaintenanceForm {
  return {
    name: '',
    target: 'nodes',
    nodes,
    selector: '',
    concurrency: 1,
    actionType: 'None',
    conditionType: '',
    annotation: '',
    jobImage: '',
    jobCommand: '',
    waitMinutes: 5,
    windows: [],
    blockerSelector: '',
    force: false,
    deleteEmptyDirData: false,
    gracePeriodSeconds: null,
    timeoutMinutes: null,
    blockedReportAfterMinutes: null,
    uncordon: true,
  }
}

/** "30m", "1h30m": a Kubernetes-style duration from minutes. */
export function minutesDuration(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return `${h ? `${h}h` : ''}${m || !h ? `${m}m` : ''}`
}

export type SpecResult = { spec: MaintenanceSpec; problems: [] } | { spec: null; problems: string[] }

/** The spec the form describes, or the message keys of what is missing or malformed. */
export function specFromForm(form: MaintenanceForm): SpecResult {
  const problems: string[] = []
  const action: MaintenanceAction = { type: form.actionType }
  const drain: NonNullable<MaintenanceSpec['drain']> = { force: form.force, deleteEmptyDirData: form.deleteEmptyDirData }
  const spec: MaintenanceSpec = { concurrency: form.concurrency, action, drain, uncordon: form.uncordon }
  if (form.target === 'nodes') {
    if (!form.nodes.length) problems.push('maintenance.form.needNodes')
    spec.nodes = [...form.nodes]
  } else {
    try {
      spec.nodeSelector = parseSelector(form.selector)
      if (!spec.nodeSelector.matchLabels && !spec.nodeSelector.matchExpressions) problems.push('maintenance.form.needSelector')
    } catch {
      problems.push('maintenance.form.badSelector')
    }
  }
  if (!Number.isInteger(form.concurrency) || form.concurrency < 1) problems.push('maintenance.form.badConcurrency')
  switch (form.actionType) {
    case 'WaitForCondition':
      if (!form.conditionType.trim()) problems.push('maintenance.form.needCondition')
      action.conditionType = form.conditionType.trim()
      break
    case 'WaitForAnnotation':
      if (!form.annotation.trim()) problems.push('maintenance.form.needAnnotation')
      action.annotation = form.annotation.trim()
      break
    case 'Job': {
      if (!form.jobImage.trim()) problems.push('maintenance.form.needImage')
      const command = form.jobCommand.trim() ? form.jobCommand.trim().split(/\s+/) : []
      action.job = { image: form.jobImage.trim(), command }
      break
    }
    case 'Wait':
      if (!(form.waitMinutes > 0)) problems.push('maintenance.form.needDuration')
      action.duration = minutesDuration(form.waitMinutes)
      break
  }
  if (form.windows.length) {
    for (const window of form.windows) {
      if (!window.days.length || !/^\d\d:\d\d$/.test(window.start) || !/^\d\d:\d\d$/.test(window.end) || !window.timeZone) {
        problems.push('maintenance.form.badWindow')
        break
      }
    }
    spec.windows = form.windows.map((w) => ({ ...w, days: [...w.days] }))
  }
  if (form.blockerSelector.trim()) {
    try {
      spec.blockers = { podSelector: parseSelector(form.blockerSelector) }
    } catch {
      problems.push('maintenance.form.badBlockers')
    }
  }
  if (form.gracePeriodSeconds !== null && form.gracePeriodSeconds >= 0) drain.gracePeriodSeconds = form.gracePeriodSeconds
  if (form.timeoutMinutes) drain.timeout = minutesDuration(form.timeoutMinutes)
  if (form.blockedReportAfterMinutes) drain.blockedReportAfter = minutesDuration(form.blockedReportAfterMinutes)
  return problems.length ? { spec: null, problems } : { spec, problems: [] }
}
