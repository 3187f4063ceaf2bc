// Pure logic of the usage pages: what the answers of /usage, /history and /promql become in the
// tables, bars and charts. Unit-tested (test/usage.test.ts).

import type { CapacityValues, LineSeries, QuotaRow } from '@/shared/charts/options'
import { seriesName } from '@/shared/charts/options'
import { normalizePoints, tooltipTime } from '@/shared/charts/time-range'
import { formatValue, unitOf, unitOfResource, type Unit } from '@/shared/charts/units'
import type { History, HistoryMetric, PodCount, PodUsage, PromqlResult, Quota, ResourceUsage, UsageSource } from '@/shared/api/types'
import type { RawPoint } from '@/shared/charts/time-range'

/** A namespace's name. */
export const namespaceOf = (item: { name: string }): string => item.name

/** A pod count given as a number or as {count, allocatable}. */
export function podCount(pods: number | PodCount | null | undefined): number {
  if (typeof pods === 'number') return pods
  return pods?.count ?? 0
}

/** The capacity picture of one resource; allocatable from the answer unless given. */
export function capacityOf(r: ResourceUsage | null | undefined, allocatable?: number | null): CapacityValues {
  return {
    used: r?.used ?? null,
    requested: r?.requested ?? null,
    limits: r?.limits ?? null,
    allocatable: allocatable !== undefined ? allocatable : (r?.allocatable ?? null),
  }
}

/** Whether no live source answers: the page shows requests/limits/allocatable and what to install. */
export function noMetricsSource(source: UsageSource | null | undefined): boolean {
  return source?.kind === 'none'
}

/**
 * The container closest to its memory limit: the server's choice, else the one with the highest
 * `memoryLimitRatio`; null when no container has a limit and usage.
 */
export function closestToMemoryLimit(pod: PodUsage): { name: string; ratio: number | null } | null {
  const ratioOf = (name: string) => pod.containers.find((c) => c.name === name)?.memoryLimitRatio ?? null
  if (pod.closestToMemoryLimit) return { name: pod.closestToMemoryLimit, ratio: ratioOf(pod.closestToMemoryLimit) }
  let best: { name: string; ratio: number } | null = null
  for (const c of pod.containers) {
    if (typeof c.memoryLimitRatio === 'number' && (best === null || c.memoryLimitRatio > best.ratio)) best = { name: c.name, ratio: c.memoryLimitRatio }
  }
  return best
}

/** How close to its limit a container is: 'danger' from 90 %, 'warning' from 75 %. */
export function limitLevel(ratio: number | null | undefined): 'danger' | 'warning' | 'ok' {
  if (typeof ratio !== 'number') return 'ok'
  return ratio >= 0.9 ? 'danger' : ratio >= 0.75 ? 'warning' : 'ok'
}

/** The points of one metric of a history answer (empty when the source has none). */
export function pointsOf(history: History | null | undefined, metric: HistoryMetric): RawPoint[] {
  return history?.series.find((s) => s.metric === metric)?.points ?? []
}

/** The unit of one metric of a history answer. */
export function historyUnit(history: History | null | undefined, metric: HistoryMetric): Unit {
  return unitOf(history?.series.find((s) => s.metric === metric)?.unit, metric)
}

/** Why a metric is missing from a history answer, if the source said (its message, else the reason code). */
export function missingReason(history: History | null | undefined, metric: string): string | null {
  const missing = history?.missing?.find((m) => m.metric === metric)
  return missing ? missing.message || missing.reason : null
}

/**
 * The history's missing metrics as lines, metrics with the same reason on one line:
 * "Received, Transmitted, Filesystem: needs Prometheus with cAdvisor or node-exporter".
 */
export function missingLines(history: History | null | undefined, label: (metric: string) => string): string[] {
  const byText = new Map<string, string[]>()
  for (const m of history?.missing ?? []) {
    const text = m.message || m.reason
    byText.set(text, [...(byText.get(text) ?? []), label(m.metric)])
  }
  return [...byText].map(([text, metrics]) => `${metrics.join(', ')}: ${text}`)
}

/** Whether a history answer has this metric at all (network/filesystem only where the source has them). */
export function hasMetric(history: History | null | undefined, metric: HistoryMetric): boolean {
  return !!history?.series.some((s) => s.metric === metric && s.points.length > 0)
}

/**
 * Quota bars: one row per quota and resource, labelled "quota: resource", in the unit the server
 * names (`millicores`, `bytes`, `count`), else the resource's.
 */
export function quotaRows(quotas: readonly Quota[] | null | undefined): QuotaRow[] {
  return (quotas ?? []).map((q) => ({
    label: `${q.name}: ${q.resource}`,
    used: q.used,
    hard: q.hard,
    unit: q.unit ? unitOf(q.unit) : unitOfResource(q.resource),
  }))
}

// --- PromQL -----------------------------------------------------------------------------------------

/** The lines of a PromQL result for the chart (a vector or scalar draws one point per series). */
export function promqlSeries(result: PromqlResult | null | undefined): LineSeries[] {
  return (result?.series ?? []).map((s) => ({ name: seriesName(s.labels), points: s.points }))
}

export interface PromqlRow {
  series: string
  /** Label values by name, for the table's columns. */
  labels: Record<string, string>
  time: string
  value: string
  /** Number of points (a range result). */
  points: number
}

/** The table of a PromQL result: one row per series with its latest value. */
export function promqlRows(result: PromqlResult | null | undefined, unit: Unit = 'number'): PromqlRow[] {
  return (result?.series ?? []).map((s) => {
    const points = normalizePoints(s.points)
    const last = points[points.length - 1]
    return {
      series: seriesName(s.labels),
      labels: s.labels ?? {},
      time: last ? tooltipTime(last[0]) : '',
      value: last ? (last[1] === null ? 'NaN' : formatValue(unit, last[1])) : '',
      points: points.length,
    }
  })
}

/** The label names of a result, `__name__` first, for the table's columns. */
export function promqlLabelNames(result: PromqlResult | null | undefined): string[] {
  const names = new Set<string>()
  for (const s of result?.series ?? []) for (const name of Object.keys(s.labels ?? {})) names.add(name)
  return [...names].sort((a, b) => (a === '__name__' ? -1 : b === '__name__' ? 1 : a.localeCompare(b)))
}

/**
 * Whether the PromQL explorer is offered: when the server said this user may use it
 * (GET /promql/access) and no query was refused with a 403 since.
 */
export function promqlOffered(allowed: boolean | null | undefined, refused: boolean): boolean {
  return allowed === true && !refused
}
