// Display helpers for quantities and times, pure so that they are unit-tested.

type Translate = (key: string, values?: Record<string, unknown>) => string

/** "3d", "5h", "12m", "40s" from an RFC 3339 time (or seconds), relative to `now`. */
export function age(value: unknown, t: Translate, now: number = Date.now()): string {
  let seconds: number
  if (typeof value === 'number') {
    seconds = value
  } else if (typeof value === 'string' && value) {
    const time = Date.parse(value)
    if (Number.isNaN(time)) return value
    seconds = Math.max(0, Math.floor((now - time) / 1000))
  } else {
    return ''
  }
  if (seconds < 60) return t('age.s', { n: seconds })
  if (seconds < 3600) return t('age.m', { n: Math.floor(seconds / 60) })
  if (seconds < 86400) return t('age.h', { n: Math.floor(seconds / 3600) })
  return t('age.d', { n: Math.floor(seconds / 86400) })
}

export function cpu(millis: number | null | undefined): string {
  if (millis === null || millis === undefined) return '–'
  if (millis % 1000 === 0) return String(millis / 1000)
  return millis >= 1000 ? (millis / 1000).toFixed(1) : `${millis}m`
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–'
  let v = value
  let unit = 0
  while (v >= 1024 && unit < UNITS.length - 1) {
    v /= 1024
    unit++
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${UNITS[unit]}`
}

export function percent(part: number | null | undefined, whole: number | null | undefined): number {
  if (!part || !whole) return 0
  return Math.min(100, Math.round((part / whole) * 100))
}

/** "app=web, tier=db" from a label map. */
export function labels(value: unknown): string {
  if (!value || typeof value !== 'object') return ''
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')
}

function path(item: unknown, name: string): unknown {
  let value: unknown = item
  for (const part of name.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined
  }
  return value
}

/**
 * The first present field among several names (compact views differ a little per kind); generic
 * views keep kind-specific values under `fields`, which is searched too.
 */
export function field(item: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) {
    for (const value of [path(item, name), path(item.fields, name)]) {
      if (value !== undefined && value !== null && value !== '') return value
    }
  }
  return undefined
}

/** "2/3" from two numeric fields (ready of desired); empty when the first is missing. */
export function ratio(item: Record<string, unknown>, part: string, whole: string): string {
  const a = field(item, part)
  const b = field(item, whole)
  if (a === undefined) return ''
  return b === undefined ? String(a) : `${a}/${b}`
}

/** Any value as table text: arrays joined, objects as k=v, the rest as strings. */
export function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return value.map(text).join(', ')
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('kind' in record && 'name' in record) return `${record.kind}/${record.name}`
    return labels(value)
  }
  return String(value)
}

/** Lines of a unified diff with their kind, for colouring. */
export function diffLines(diff: string): { kind: 'add' | 'del' | 'hunk' | 'meta' | 'ctx'; text: string }[] {
  return diff
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return { kind: 'meta' as const, text: line }
      if (line.startsWith('@@')) return { kind: 'hunk' as const, text: line }
      if (line.startsWith('+')) return { kind: 'add' as const, text: line }
      if (line.startsWith('-')) return { kind: 'del' as const, text: line }
      return { kind: 'ctx' as const, text: line }
    })
}

// --- Nodes, drains and maintenances ------------------------------------------------------------

/** "2d 3h", "5h 12m", "4m 10s", "40s": a length of time, two units at most. */
export function duration(seconds: number | null | undefined, t: Translate): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '–'
  const s = Math.max(0, Math.floor(seconds))
  const units: [string, number][] = [
    ['age.d', Math.floor(s / 86400)],
    ['age.h', Math.floor((s % 86400) / 3600)],
    ['age.m', Math.floor((s % 3600) / 60)],
    ['age.s', s % 60],
  ]
  const first = units.findIndex(([, n]) => n > 0)
  if (first < 0) return t('age.s', { n: 0 })
  const parts = [t(units[first][0], { n: units[first][1] })]
  const next = units[first + 1]
  if (next && next[1] > 0) parts.push(t(next[0], { n: next[1] }))
  return parts.join(' ')
}

/** Seconds between two RFC 3339 times (`to` defaults to now); null when `from` is missing. */
export function secondsBetween(from: string | null | undefined, to?: string | null, now: number = Date.now()): number | null {
  if (!from) return null
  const start = Date.parse(from)
  if (Number.isNaN(start)) return null
  const end = to ? Date.parse(to) : now
  if (Number.isNaN(end)) return null
  return Math.max(0, Math.floor((end - start) / 1000))
}

/** How long since a time ("for 3h 5m" without the "for"), or between two times. */
export function since(from: string | null | undefined, t: Translate, now: number = Date.now(), to?: string | null): string {
  return duration(secondsBetween(from, to, now), t)
}

/** A local date and time for tables ("2026-11-22 04:31:07"); empty for nothing. */
export function dateTime(value: string | null | undefined): string {
  if (!value) return ''
  const time = Date.parse(value)
  if (Number.isNaN(time)) return value
  const d = new Date(time)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

export type TagType = 'success' | 'info' | 'warning' | 'danger' | 'primary'

const FATE_TAGS: Record<string, TagType> = {
  EVICT: 'primary',
  SKIP_DAEMONSET: 'info',
  SKIP_MIRROR: 'info',
  SKIP_FINISHED: 'info',
  BLOCKED_BY_PDB: 'warning',
  NEEDS_FORCE: 'danger',
  NEEDS_DELETE_EMPTYDIR: 'danger',
}
const VERDICT_TAGS: Record<string, TagType> = { CAN_DRAIN_NOW: 'success', WILL_WAIT: 'warning', REFUSED: 'danger' }
const POD_STATE_TAGS: Record<string, TagType> = {
  PENDING: 'info',
  EVICTING: 'primary',
  DELETING: 'primary',
  BLOCKED: 'warning',
  GONE: 'success',
  SKIPPED: 'info',
  REFUSED: 'danger',
  FAILED: 'danger',
}
const DRAIN_STATE_TAGS: Record<string, TagType> = {
  RUNNING: 'primary',
  SUCCEEDED: 'success',
  BLOCKED: 'warning',
  TIMED_OUT: 'danger',
  REFUSED: 'danger',
}
const PHASE_TAGS: Record<string, TagType> = {
  Pending: 'info',
  WaitingForLock: 'info',
  Running: 'primary',
  Paused: 'warning',
  Cancelling: 'warning',
  Cancelled: 'info',
  Succeeded: 'success',
  Failed: 'danger',
}
const STEP_TAGS: Record<string, TagType> = {
  Pending: 'info',
  WaitingForWindow: 'info',
  Cordoning: 'primary',
  Draining: 'primary',
  Action: 'primary',
  WaitingForReady: 'primary',
  Uncordoning: 'primary',
  Done: 'success',
  Failed: 'danger',
  Skipped: 'info',
}

/** The colour of a value's tag; 'info' for values the console does not know. */
export function tagType(group: 'fate' | 'verdict' | 'podState' | 'drainState' | 'phase' | 'step', value: string | null | undefined): TagType {
  const table = { fate: FATE_TAGS, verdict: VERDICT_TAGS, podState: POD_STATE_TAGS, drainState: DRAIN_STATE_TAGS, phase: PHASE_TAGS, step: STEP_TAGS }[group]
  return (value && table[value]) || 'info'
}

/**
 * A server enum value in the user's language (`drain.fate.EVICT` → "Evicted"); the value itself
 * when the console has no message for it (a newer server), so nothing is ever blank.
 */
export function enumLabel(t: Translate, prefix: string, value: string | null | undefined): string {
  if (!value) return ''
  const key = `${prefix}.${value}`
  const text = t(key)
  return text === key ? value : text
}
