// ECharts options of the console's charts, built by pure functions from numbers, translated labels
// and a palette, so that what a chart shows is unit-tested (test/charts.test.ts) and the chart
// components only hand the result to ECharts. Every number on an axis or in a tooltip goes through
// units.ts.

import type { Palette } from './palette'
import { axisTime, normalizePoints, tooltipTime } from './time-range'
import { formatValue, ratio, type Unit } from './units'
import type { RawPoint } from './time-range'

/** An ECharts option (kept loose here; Chart.vue hands it to ECharts as EChartsOption). */
export type ChartOption = Record<string, unknown>

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const textStyle = (p: Palette) => ({ color: p.text, fontFamily: 'inherit' })

/**
 * The width in pixels the category labels of a bar chart need at 12 px (CJK characters are about
 * twice as wide as Latin ones): the grid leaves that much room, so no label is cut in either language.
 */
export function labelWidth(labels: readonly string[]): number {
  const width = (text: string) => [...text].reduce((sum, c) => sum + (/[\u2e80-\uffff]/.test(c) ? 12.5 : 7), 0)
  return Math.ceil(Math.max(0, ...labels.map(width))) + 10
}

const tooltipBase = (p: Palette) => ({
  backgroundColor: p.tooltipBackground,
  borderColor: p.tooltipBorder,
  textStyle: { color: p.text, fontSize: 12 },
  confine: true,
})

// --- Sparkline ---------------------------------------------------------------------------------

/** A small line without axes: the trend of one number (top nodes, top namespaces). */
export function sparklineOption(points: readonly RawPoint[], unit: Unit, p: Palette, color?: string): ChartOption {
  const data = normalizePoints(points)
  const c = color ?? p.used
  return {
    animation: false,
    backgroundColor: 'transparent',
    grid: { left: 1, right: 1, top: 2, bottom: 2 },
    xAxis: { type: 'time', show: false },
    yAxis: { type: 'value', show: false, min: 0 },
    tooltip: {
      ...tooltipBase(p),
      trigger: 'axis',
      axisPointer: { type: 'line', lineStyle: { color: p.axis } },
      formatter: (params: { value: [number, number | null] }[]) => {
        const [time, value] = params[0]?.value ?? [0, null]
        return `${tooltipTime(time)}<br/><b>${escape(formatValue(unit, value))}</b>`
      },
    },
    series: [
      {
        type: 'line',
        data,
        showSymbol: false,
        smooth: false,
        lineStyle: { width: 1.5, color: c },
        areaStyle: { color: c, opacity: 0.15 },
        connectNulls: false,
      },
    ],
  }
}

// --- Time series -------------------------------------------------------------------------------

export interface LineSeries {
  name: string
  points: readonly RawPoint[]
  color?: string
}

/** A horizontal line across a time series (allocatable, requested, limits). */
export interface Reference {
  name: string
  value: number | null | undefined
  color: string
}

export interface TimeSeriesInput {
  series: readonly LineSeries[]
  unit: Unit
  palette: Palette
  /** The window shown, epoch ms; the axis spans it even where there are no points. */
  window?: [number, number]
  references?: readonly Reference[]
  /** Text shown in the middle when there is no point at all. */
  empty?: string
  /** Fill the area under a single series. */
  area?: boolean
}

/**
 * A tick interval for byte axes that reads well in binary units (256Mi, 512Mi, 1Gi, 2Gi, ...):
 * the power of two times 1, 2 or 5 nearest above a fifth of the maximum.
 */
export function binaryInterval(max: number): number | undefined {
  if (!(max > 0)) return undefined
  const target = max / 5
  const power = 2 ** Math.floor(Math.log2(target))
  for (const step of [power, power * 2, power * 4]) if (step >= target) return step
  return power * 4
}

/**
 * The top of a value axis at or above `max`: a multiple of the binary interval for bytes, else
 * a round multiple of a power of ten (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8).
 */
export function niceMax(max: number, unit: Unit): number {
  if (!(max > 0)) return 1
  if (unit === 'memory' || unit === 'bytes-per-second') {
    const step = binaryInterval(max)!
    return Math.ceil(max / step) * step
  }
  const power = 10 ** Math.floor(Math.log10(max))
  for (const f of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (f * power >= max) return f * power
  return 10 * power
}

/** A line chart over time with axes and tooltips in Kubernetes units. */
export function timeSeriesOption(input: TimeSeriesInput): ChartOption {
  const { unit, palette: p } = input
  const lines = input.series.map((s, index) => ({
    name: s.name,
    data: normalizePoints(s.points),
    color: s.color ?? p.series[index % p.series.length],
  }))
  const references = (input.references ?? []).filter((r) => typeof r.value === 'number' && Number.isFinite(r.value))
  const hasPoints = lines.some((l) => l.data.some(([, v]) => v !== null))
  const times = lines.flatMap((l) => l.data.map(([t]) => t))
  const window = input.window ?? (times.length ? [Math.min(...times), Math.max(...times)] : undefined)
  const span = window ? window[1] - window[0] : 3600_000
  const referenceMax = Math.max(0, ...references.map((r) => r.value as number))
  const binary = unit === 'memory' || unit === 'bytes-per-second'
  const maxValue = Math.max(referenceMax, ...lines.flatMap((l) => l.data.map(([, v]) => v ?? 0)))
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: textStyle(p),
    color: lines.map((l) => l.color),
    grid: { left: 8, right: 16, top: lines.length > 1 || references.length ? 34 : 14, bottom: 8, containLabel: true },
    legend:
      lines.length > 1 || references.length
        ? { top: 0, type: 'scroll', textStyle: { color: p.text }, pageTextStyle: { color: p.text }, data: [...lines.map((l) => l.name), ...references.map((r) => r.name)] }
        : undefined,
    tooltip: {
      ...tooltipBase(p),
      trigger: 'axis',
      axisPointer: { type: 'line', lineStyle: { color: p.subtle } },
      formatter: (params: { seriesName: string; color: string; value: [number, number | null] }[]) => {
        if (!params.length) return ''
        const rows = params
          .filter((param) => Array.isArray(param.value))
          .map((param) => `<span style="color:${param.color}">●</span> ${escape(param.seriesName)}: <b>${escape(formatValue(unit, param.value[1]))}</b>`)
        return [tooltipTime(params[0].value[0]), ...rows].join('<br/>')
      },
    },
    xAxis: {
      type: 'time',
      min: window?.[0],
      max: window?.[1],
      axisLine: { lineStyle: { color: p.axis } },
      splitNumber: 5,
      axisLabel: { color: p.subtle, hideOverlap: true, formatter: (value: number) => axisTime(value, span) },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      // The reference lines (allocatable above all) stay in view even when usage is far below them
      // or absent; without them ECharts picks the top itself.
      max: maxValue === 0 ? 1 : references.length ? niceMax(maxValue, unit) : undefined,
      interval: binary ? binaryInterval(maxValue) : undefined,
      axisLine: { show: false },
      axisLabel: { color: p.subtle, formatter: (value: number) => formatValue(unit, value) },
      splitLine: { lineStyle: { color: p.split } },
    },
    graphic: hasPoints || !input.empty ? undefined : [{ type: 'text', left: 'center', top: 'middle', style: { text: input.empty, fill: p.subtle, fontSize: 13 } }],
    series: [
      ...lines.map((l) => ({
        name: l.name,
        type: 'line',
        data: l.data,
        showSymbol: l.data.length < 3,
        symbolSize: 4,
        connectNulls: false,
        lineStyle: { width: 1.8, color: l.color },
        itemStyle: { color: l.color },
        areaStyle: input.area && lines.length === 1 ? { color: l.color, opacity: 0.12 } : undefined,
      })),
      // A reference is a series of its own (in the legend, can be hidden) drawn as a flat mark line.
      ...references.map((r) => ({
        name: r.name,
        type: 'line',
        data: [],
        itemStyle: { color: r.color },
        lineStyle: { color: r.color, type: 'dashed' },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: r.color, type: 'dashed', width: 1.2 },
          label: { color: r.color, position: 'insideEndTop', formatter: `${r.name} ${formatValue(unit, r.value)}` },
          data: [{ yAxis: r.value }],
        },
      })),
    ],
  }
}

// --- Used vs requested vs limits vs allocatable --------------------------------------------------

export interface CapacityValues {
  used: number | null | undefined
  requested: number | null | undefined
  limits: number | null | undefined
  allocatable: number | null | undefined
}

export interface CapacityLabels {
  used: string
  requested: string
  limits: string
  allocatable: string
  noUsage: string
}

/** What the standard capacity picture says: which of the numbers exceed what the node(s) can give. */
export interface CapacityState {
  /** Requests above allocatable: pods were placed that cannot all get what they asked for. */
  requestsOver: boolean
  /** Limits above allocatable: over-committed (normal, but the node may run short under load). */
  limitsOver: boolean
  /** Usage above allocatable (rare, measured through a gap in accounting). */
  usedOver: boolean
  /** Usage above the requests: the pods use more than they reserved. */
  usedOverRequested: boolean
  /** limits / allocatable, null without allocatable. */
  overcommit: number | null
}

export function capacityState(v: CapacityValues): CapacityState {
  const over = (value: number | null | undefined) =>
    typeof value === 'number' && typeof v.allocatable === 'number' && v.allocatable > 0 && value > v.allocatable
  return {
    requestsOver: over(v.requested),
    limitsOver: over(v.limits),
    usedOver: over(v.used),
    usedOverRequested: typeof v.used === 'number' && typeof v.requested === 'number' && v.requested > 0 && v.used > v.requested,
    overcommit: ratio(v.limits, v.allocatable),
  }
}

/**
 * Three horizontal bars — used, requested, limits — against a dashed line at allocatable. A bar
 * beyond allocatable is drawn in the "over" colour; usage beyond the requests in the warning colour.
 * Without usage (no metrics source) the used bar is absent and its label says so.
 */
export function capacityBarOption(values: CapacityValues, unit: Unit, labels: CapacityLabels, p: Palette): ChartOption {
  const state = capacityState(values)
  const rows = [
    { key: 'limits', label: labels.limits, value: values.limits, color: state.limitsOver ? p.over : p.limits },
    { key: 'requested', label: labels.requested, value: values.requested, color: state.requestsOver ? p.over : p.requested },
    {
      key: 'used',
      label: labels.used,
      value: values.used,
      color: state.usedOver ? p.over : state.usedOverRequested ? p.warning : p.used,
    },
  ]
  const numbers = [...rows.map((r) => r.value), values.allocatable].filter((n): n is number => typeof n === 'number')
  const max = Math.max(1, ...numbers) * 1.08
  const allocatable = typeof values.allocatable === 'number' ? values.allocatable : null
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: textStyle(p),
    grid: { left: labelWidth(rows.map((r) => r.label)), right: 70, top: allocatable !== null ? 18 : 6, bottom: 4 },
    tooltip: {
      ...tooltipBase(p),
      trigger: 'item',
      formatter: (param: { name: string; value: number | null }) => `${escape(param.name)}: <b>${escape(formatValue(unit, param.value))}</b>`,
    },
    xAxis: { type: 'value', min: 0, max, show: false },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: p.text },
    },
    series: [
      {
        type: 'bar',
        barWidth: 12,
        data: rows.map((r) => ({ name: r.label, value: r.value ?? null, itemStyle: { color: r.color, borderRadius: 2 } })),
        label: {
          show: true,
          position: 'right',
          color: p.text,
          formatter: (param: { dataIndex: number; value: number | null }) =>
            rows[param.dataIndex].key === 'used' && (param.value === null || param.value === undefined) ? labels.noUsage : formatValue(unit, param.value),
        },
        markLine:
          allocatable === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: p.allocatable, type: 'dashed', width: 1.5 },
                label: { color: p.allocatable, position: 'end', formatter: `${labels.allocatable} ${formatValue(unit, allocatable)}` },
                data: [{ xAxis: allocatable }],
              },
      },
    ],
  }
}

// --- Quotas --------------------------------------------------------------------------------------

export interface QuotaRow {
  /** "compute/requests.cpu" */
  label: string
  used: number
  hard: number
  unit: Unit
}

/** Percent of a quota used, for the bars and the table (hard 0 with use: over). */
export function quotaPercent(used: number, hard: number): number {
  if (hard <= 0) return used > 0 ? 100 : 0
  return Math.round((used / hard) * 1000) / 10
}

/** One bar per quota: percent of hard used, "used / hard" in its unit next to it, red when full. */
export function quotaBarOption(rows: readonly QuotaRow[], p: Palette): ChartOption {
  const percents = rows.map((r) => quotaPercent(r.used, r.hard))
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: textStyle(p),
    grid: { left: labelWidth(rows.map((r) => r.label)), right: 96, top: 4, bottom: 4 },
    tooltip: {
      ...tooltipBase(p),
      trigger: 'item',
      formatter: (param: { dataIndex: number }) => {
        const r = rows[param.dataIndex]
        return `${escape(r.label)}: <b>${escape(formatValue(r.unit, r.used))} / ${escape(formatValue(r.unit, r.hard))}</b> (${percents[param.dataIndex]}%)`
      },
    },
    xAxis: { type: 'value', min: 0, max: Math.max(100, ...percents), show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: p.text },
    },
    series: [
      {
        type: 'bar',
        barWidth: 12,
        showBackground: true,
        backgroundStyle: { color: p.split, borderRadius: 2 },
        data: percents.map((value) => ({
          value,
          itemStyle: { color: value >= 100 ? p.over : value >= 80 ? p.warning : p.used, borderRadius: 2 },
        })),
        label: {
          show: true,
          position: 'right',
          color: p.text,
          formatter: (param: { dataIndex: number }) => {
            const r = rows[param.dataIndex]
            return `${formatValue(r.unit, r.used)} / ${formatValue(r.unit, r.hard)}`
          },
        },
      },
    ],
  }
}

// --- PromQL ----------------------------------------------------------------------------------------

/** A series' name from its labels, like Prometheus writes it: `up{job="kubeward"}`. */
export function seriesName(labels: Record<string, string> | null | undefined): string {
  const entries = Object.entries(labels ?? {})
  const name = labels?.__name__ ?? ''
  const rest = entries.filter(([k]) => k !== '__name__').map(([k, v]) => `${k}="${v}"`)
  if (!rest.length) return name || '{}'
  return `${name}{${rest.join(', ')}}`
}
