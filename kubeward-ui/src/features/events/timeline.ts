// Pure helpers of the event views: the timeline grouped by object, and the time-range presets of the
// search. No Vue, no HTTP: tested by test/events.test.ts.

export interface TimelineEvent {
  type: string
  reason: string
  message: string
  objectKind: string
  objectNamespace?: string | null
  objectName: string
  count: number
  firstSeen: string
  lastSeen: string
}

export interface TimelineObjectRef {
  kind: string
  namespace?: string | null
  name: string
  relation: string
}

export interface ObjectGroup<E extends TimelineEvent> {
  key: string
  kind: string
  namespace: string | null
  name: string
  relation: string
  warnings: number
  latest: string
  events: E[]
}

export function objectKey(kind: string, namespace: string | null | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`
}

/**
 * Groups events by their object, newest group first (by its newest event), events newest first
 * inside each group. Objects of the timeline without events are left out; an event about an object
 * the timeline does not list (cannot happen today) gets relation "related".
 */
export function groupByObject<E extends TimelineEvent>(events: E[], objects: TimelineObjectRef[]): ObjectGroup<E>[] {
  const relations = new Map(objects.map((o) => [objectKey(o.kind, o.namespace, o.name), o.relation]))
  const groups = new Map<string, ObjectGroup<E>>()
  for (const e of events) {
    const key = objectKey(e.objectKind, e.objectNamespace, e.objectName)
    let group = groups.get(key)
    if (!group) {
      group = {
        key,
        kind: e.objectKind,
        namespace: e.objectNamespace ?? null,
        name: e.objectName,
        relation: relations.get(key) ?? 'related',
        warnings: 0,
        latest: e.lastSeen,
        events: [],
      }
      groups.set(key, group)
    }
    group.events.push(e)
    if (e.type === 'Warning') group.warnings += e.count
    if (e.lastSeen > group.latest) group.latest = e.lastSeen
  }
  const out = [...groups.values()]
  for (const g of out) g.events.sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0))
  return out.sort((a, b) => (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0))
}

export const RANGE_PRESETS = ['1h', '6h', '24h', '7d'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

/** The [from, to] of a preset ending at `now`, as RFC 3339 strings. */
export function presetRange(preset: RangePreset, now: Date): { from: string; to: string } {
  const hours = { '1h': 1, '6h': 6, '24h': 24, '7d': 168 }[preset]
  return { from: new Date(now.getTime() - hours * 3_600_000).toISOString(), to: now.toISOString() }
}

/** "3× over 2h 5m" style spans: the milliseconds between first and last seen, rounded. */
export function span(firstSeen: string, lastSeen: string): { unit: 's' | 'm' | 'h' | 'd'; n: number } {
  const ms = Math.max(0, Date.parse(lastSeen) - Date.parse(firstSeen))
  const s = Math.round(ms / 1000)
  if (s < 60) return { unit: 's', n: s }
  if (s < 3600) return { unit: 'm', n: Math.round(s / 60) }
  if (s < 86_400) return { unit: 'h', n: Math.round(s / 3600) }
  return { unit: 'd', n: Math.round(s / 86_400) }
}
