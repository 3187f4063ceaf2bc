// Pure ECharts option builders of the capacity page: a pool's bars (allocatable, requested, used)
// with the headroom line, and a forecast chart (history, projection, limit).

import type { ChartOption } from '@/shared/charts/options'
import { timeSeriesOption } from '@/shared/charts/options'
import type { Palette } from '@/shared/charts/palette'
import { formatValue, type Unit } from '@/shared/charts/units'
import type { Forecast, ResourceCapacity } from './api'

export interface PoolBarLabels {
  allocatable: string
  requested: string
  used: string
  headroom: string
  noUsage: string
}

/** Horizontal bars: allocatable, requested, used; a dashed line at allocatable − headroom. */
export function poolBarOption(r: ResourceCapacity, unit: Unit, labels: PoolBarLabels, p: Palette): ChartOption {
  const limit = r.allocatable - r.headroom
  const rows = [
    { name: labels.allocatable, value: r.allocatable, color: p.allocatable },
    { name: labels.requested, value: r.requested, color: r.requested > limit ? p.over : p.requested },
    { name: r.used == null ? labels.noUsage : labels.used, value: r.used ?? 0, color: p.used },
  ]
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatValue(unit, v) },
    xAxis: { type: 'value', max: Math.max(r.allocatable, r.requested, r.used ?? 0) || 1, axisLabel: { color: p.subtle, formatter: (v: number) => formatValue(unit, v) }, splitLine: { lineStyle: { color: p.split } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.name), axisLabel: { color: p.text } },
    series: [
      {
        type: 'bar',
        barWidth: 12,
        data: rows.map((row) => ({ value: row.value, itemStyle: { color: row.color } })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: p.warning, type: 'dashed', width: 1.2 },
          label: { color: p.warning, formatter: `${labels.headroom} ${formatValue(unit, limit)}` },
          data: [{ xAxis: limit }],
        },
      },
    ],
  }
}

export interface ForecastLabels {
  history: string
  forecast: string
  limit: string
  empty: string
}

/** History and projection as two lines, the limit (allocatable − headroom) as a reference. */
export function forecastOption(f: Forecast, unit: Unit, labels: ForecastLabels, p: Palette): ChartOption {
  const points = (list: { t: number; v: number }[]) => list.map((x) => [x.t, x.v] as const)
  const all = [...f.history, ...f.projection]
  return timeSeriesOption({
    series: [
      { name: labels.history, points: points(f.history), color: p.used },
      { name: labels.forecast, points: points(f.projection), color: p.requested },
    ],
    unit,
    palette: p,
    window: all.length ? [all[0].t, all[all.length - 1].t] : undefined,
    references: [{ name: labels.limit, value: f.limit, color: p.over }],
    empty: labels.empty,
  })
}

/** The i18n key and parameters of a forecast's outlook. */
export function outlookText(f: Forecast): { key: string; params: Record<string, string | number> } {
  switch (f.outlook) {
    case 'exhausted':
      return { key: 'capacity.outlook.exhausted', params: {} }
    case 'within-horizon':
      return { key: 'capacity.outlook.within', params: { days: Math.max(1, Math.floor(f.daysToExhaustion ?? 0)) } }
    case 'not-within-horizon':
      return { key: 'capacity.outlook.notWithin', params: { days: f.horizonDays } }
    default:
      return { key: 'capacity.outlook.unknown', params: {} }
  }
}
