// Time ranges and auto-refresh of the time-series charts, and the points of a series as the charts
// draw them. Pure, unit-tested (test/charts.test.ts).

/**
 * A point as the API sends it: time (epoch ms, epoch seconds or ISO-8601) and value (a number, a
 * Prometheus string, or null for a gap).
 */
export type RawPoint = readonly (number | string | null | undefined)[]

/** The ranges offered next to a chart; `custom` takes a start and an end. */
export const RANGES = ['1h', '6h', '24h', '7d', 'custom'] as const
export type RangeName = (typeof RANGES)[number]

const RANGE_MS: Record<Exclude<RangeName, 'custom'>, number> = {
  '1h': 3600_000,
  '6h': 6 * 3600_000,
  '24h': 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
}

/** The auto-refresh intervals offered, in seconds; 0 is off. */
export const REFRESH_INTERVALS = [0, 10, 30, 60, 300] as const

/** The longest custom range the console asks for (the server bounds it too). */
export const MAX_CUSTOM_MS = 31 * 24 * 3600_000

export interface TimeRange {
  name: RangeName
  /** Epoch ms, for `custom` only. */
  start?: number
  end?: number
}

/** The window of a range at `now`: [start, end] in epoch ms. */
export function windowOf(range: TimeRange, now: number): [number, number] {
  if (range.name === 'custom') {
    const end = range.end ?? now
    const start = range.start ?? end - RANGE_MS['1h']
    return [Math.min(start, end), Math.max(start, end)]
  }
  return [now - RANGE_MS[range.name], now]
}

/** Whether a custom range is usable: both ends, start before end, not longer than 31 days. */
export function validCustom(start: number | null | undefined, end: number | null | undefined): boolean {
  return typeof start === 'number' && typeof end === 'number' && start < end && end - start <= MAX_CUSTOM_MS
}

/**
 * The query of GET /history for a range: a named range as `range=1h`, a custom one as `start`/`end`
 * ISO-8601 instants.
 */
export function rangeQuery(range: TimeRange): Record<string, string> {
  if (range.name !== 'custom') return { range: range.name }
  const [start, end] = windowOf(range, Date.now())
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() }
}

/**
 * A PromQL range query's step in seconds for a window: about 250 points, at least 15 s, rounded to
 * a whole number of seconds (Prometheus refuses more than 11,000 points).
 */
export function stepFor(startMs: number, endMs: number, points = 250): number {
  const seconds = Math.max(1, (endMs - startMs) / 1000)
  return Math.max(15, Math.ceil(seconds / points))
}

/** A point's time in epoch ms: numbers below 10^11 are epoch seconds (Prometheus), strings ISO-8601. */
export function timeOf(value: number | string | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN
  if (typeof value === 'string') {
    const asNumber = Number(value)
    if (value.trim() !== '' && !Number.isNaN(asNumber)) return timeOf(asNumber)
    return Date.parse(value)
  }
  return value < 1e11 ? Math.round(value * 1000) : value
}

/** A point's value as a number; null for a gap, Prometheus's "NaN" and what is no number. */
export function valueOf(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null
  const number = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(number) ? number : null
}

/** Points as the charts draw them: [epoch ms, value or null], sorted by time, bad times dropped. */
export function normalizePoints(points: readonly RawPoint[] | null | undefined): [number, number | null][] {
  return (points ?? [])
    .map((point) => [timeOf(point[0]), valueOf(point[1])] as [number, number | null])
    .filter(([t]) => Number.isFinite(t))
    .sort((a, b) => a[0] - b[0])
}

/** "14:05" within a day, "12-03 14:05" for longer windows: the time axis's labels. */
export function axisTime(time: number, spanMs: number): string {
  const d = new Date(time)
  const p = (n: number) => String(n).padStart(2, '0')
  const hm = `${p(d.getHours())}:${p(d.getMinutes())}`
  return spanMs > 24 * 3600_000 ? `${p(d.getMonth() + 1)}-${p(d.getDate())} ${hm}` : hm
}

/** A tooltip's time: "2026-12-03 14:05:30". */
export function tooltipTime(time: number): string {
  const d = new Date(time)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
