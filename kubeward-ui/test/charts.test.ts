import { describe, expect, it } from 'vitest'
import {
  binaryInterval,
  capacityBarOption,
  labelWidth,
  niceMax,
  capacityState,
  quotaBarOption,
  quotaPercent,
  seriesName,
  sparklineOption,
  timeSeriesOption,
} from '@/shared/charts/options'
import { paletteOf } from '@/shared/charts/palette'
import {
  axisTime,
  normalizePoints,
  rangeQuery,
  stepFor,
  timeOf,
  validCustom,
  valueOf,
  windowOf,
} from '@/shared/charts/time-range'
import { initialTheme } from '@/shared/theme/theme'

const light = paletteOf('light')
const dark = paletteOf('dark')
const labels = { used: 'Used', requested: 'Requested', limits: 'Limits', allocatable: 'Allocatable', noUsage: 'no usage' }

// Option builders return functions for ECharts to call; the tests call them like ECharts does.
type Fn = (...args: never[]) => string
const call = (fn: unknown, ...args: unknown[]) => (fn as (...a: unknown[]) => string)(...args)
const get = (option: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], option)

describe('time ranges', () => {
  const now = Date.parse('2026-12-03T12:00:00Z')
  it('spans the named ranges back from now', () => {
    expect(windowOf({ name: '1h' }, now)).toEqual([now - 3600_000, now])
    expect(windowOf({ name: '7d' }, now)).toEqual([now - 7 * 86400_000, now])
    expect(windowOf({ name: 'custom', start: now, end: now - 1000 }, now)).toEqual([now - 1000, now])
  })
  it('asks named ranges by name and custom ones by instants', () => {
    expect(rangeQuery({ name: '24h' })).toEqual({ range: '24h' })
    expect(rangeQuery({ name: 'custom', start: now - 3600_000, end: now })).toEqual({
      start: '2026-12-03T11:00:00.000Z',
      end: '2026-12-03T12:00:00.000Z',
    })
  })
  it('bounds custom ranges', () => {
    expect(validCustom(now - 1000, now)).toBe(true)
    expect(validCustom(now, now - 1000)).toBe(false)
    expect(validCustom(now - 40 * 86400_000, now)).toBe(false)
    expect(validCustom(null, now)).toBe(false)
  })
  it('picks a PromQL step of about 250 points, at least 15 s', () => {
    expect(stepFor(now - 3600_000, now)).toBe(15)
    expect(stepFor(now - 86400_000, now)).toBe(346)
    expect(stepFor(now - 7 * 86400_000, now)).toBe(2420)
  })
  it('reads epoch seconds, epoch ms, ISO instants and Prometheus strings', () => {
    expect(timeOf(1764763200)).toBe(1764763200000)
    expect(timeOf(1764763200000)).toBe(1764763200000)
    expect(timeOf('2026-12-03T12:00:00Z')).toBe(now)
    expect(timeOf('1764763200.5')).toBe(1764763200500)
    expect(valueOf('0.25')).toBe(0.25)
    expect(valueOf('NaN')).toBeNull()
    expect(valueOf(null)).toBeNull()
    expect(normalizePoints([[2000, 1], ['x', 2], [1000, '3']])).toEqual([[1000, 3], [2000, 1]].map(([t, v]) => [t * 1000, v]))
  })
  it('labels the time axis by hours within a day, with the date beyond', () => {
    const t = new Date(2026, 11, 3, 9, 5).getTime()
    expect(axisTime(t, 3600_000)).toBe('09:05')
    expect(axisTime(t, 7 * 86400_000)).toBe('12-03 09:05')
  })
})

describe('chart options', () => {
  it('draws a sparkline with its tooltip in the unit', () => {
    const option = sparklineOption([[1000, 250], [2000, 300]], 'cpu', light)
    const series = (option.series as { data: unknown[] }[])[0]
    expect(series.data).toEqual([[1000_000, 250], [2000_000, 300]])
    expect(call(get(option, 'tooltip.formatter'), [{ value: [1000_000, 250] }])).toContain('250m')
  })

  it('writes time-series axes and tooltips in Kubernetes units and adds reference lines', () => {
    const option = timeSeriesOption({
      series: [{ name: 'Used', points: [[1, 512 * 1024 ** 2], [2, 1024 ** 3]] }],
      unit: 'memory',
      palette: light,
      references: [
        { name: 'Allocatable', value: 4 * 1024 ** 3, color: light.allocatable },
        { name: 'Limits', value: null, color: light.limits },
      ],
    })
    expect(call(get(option, 'yAxis.axisLabel.formatter'), 2 * 1024 ** 3)).toBe('2Gi')
    const tooltip = call(get(option, 'tooltip.formatter'), [{ seriesName: 'Used', color: '#000', value: [1000, 512 * 1024 ** 2] }])
    expect(tooltip).toContain('Used: <b>512Mi</b>')
    const series = option.series as { name: string; markLine?: { data: { yAxis: number }[]; label: { formatter: string } } }[]
    expect(series.map((s) => s.name)).toEqual(['Used', 'Allocatable'])
    expect(series[1].markLine!.data[0].yAxis).toBe(4 * 1024 ** 3)
    expect(series[1].markLine!.label.formatter).toBe('Allocatable 4Gi')
    expect(option.graphic).toBeUndefined()
  })

  it('keeps the reference lines in view and ticks bytes in binary steps', () => {
    const option = timeSeriesOption({
      series: [{ name: 'Used', points: [[1, 1024 ** 3]] }],
      unit: 'memory',
      palette: light,
      references: [{ name: 'Allocatable', value: 8 * 1024 ** 3, color: light.allocatable }],
    })
    expect(get(option, 'yAxis.max')).toBe(8 * 1024 ** 3)
    expect(niceMax(4000, 'cpu')).toBe(4000)
    expect(niceMax(4100, 'cpu')).toBe(5000)
    expect(niceMax(110, 'count')).toBe(120)
    expect(niceMax(9 * 1024 ** 3, 'memory')).toBe(10 * 1024 ** 3)
    expect(get(option, 'yAxis.interval')).toBe(2 * 1024 ** 3)
    expect(binaryInterval(5 * 1024 ** 2)).toBe(1024 ** 2)
    expect(binaryInterval(3 * 1024 ** 3)).toBe(1024 ** 3)
    expect(binaryInterval(0)).toBeUndefined()
    expect(labelWidth(['Requested', 'Used'])).toBe(73)
    expect(labelWidth(['可分配'])).toBe(48)
  })

  it('says so in the chart when there is no point', () => {
    const option = timeSeriesOption({ series: [{ name: 'Used', points: [] }], unit: 'cpu', palette: dark, empty: 'No data', window: [0, 3600_000] })
    expect((option.graphic as { style: { text: string; fill: string } }[])[0].style).toEqual({ text: 'No data', fill: dark.subtle, fontSize: 13 })
    expect(get(option, 'yAxis.max')).toBe(1)
    expect(get(option, 'xAxis.min')).toBe(0)
  })

  it('escapes series names in tooltips', () => {
    const option = timeSeriesOption({ series: [{ name: '<b>x</b>', points: [[1, 1]] }], unit: 'number', palette: light })
    const tooltip = call(get(option, 'tooltip.formatter'), [{ seriesName: '<b>x</b>', color: '#000', value: [1000, 1] }])
    expect(tooltip).toContain('&lt;b&gt;x&lt;/b&gt;')
  })

  it('follows the theme', () => {
    const option = (p: typeof light) => timeSeriesOption({ series: [{ name: 'a', points: [[1, 1]] }], unit: 'cpu', palette: p })
    expect(get(option(light), 'textStyle.color')).toBe(light.text)
    expect(get(option(dark), 'textStyle.color')).toBe(dark.text)
    expect(get(option(dark), 'tooltip.backgroundColor')).toBe(dark.tooltipBackground)
    expect(light.text).not.toBe(dark.text)
    expect(initialTheme('dark', false)).toBe('dark')
    expect(initialTheme(null, true)).toBe('dark')
    expect(initialTheme('purple', false)).toBe('light')
  })
})

describe('capacity bars', () => {
  it('tells over-commit from requests beyond allocatable', () => {
    expect(capacityState({ used: 500, requested: 1000, limits: 6000, allocatable: 4000 })).toEqual({
      requestsOver: false,
      limitsOver: true,
      usedOver: false,
      usedOverRequested: false,
      overcommit: 1.5,
    })
    expect(capacityState({ used: 1200, requested: 5000, limits: 0, allocatable: 4000 }).requestsOver).toBe(true)
    expect(capacityState({ used: 1200, requested: 1000, limits: 0, allocatable: 4000 }).usedOverRequested).toBe(true)
    expect(capacityState({ used: null, requested: 1, limits: 2, allocatable: null }).overcommit).toBeNull()
  })

  it('shows used, requested and limits distinctly against allocatable, over-committed in red', () => {
    const option = capacityBarOption({ used: 250, requested: 1000, limits: 6000, allocatable: 4000 }, 'cpu', labels, light)
    expect(get(option, 'yAxis.data')).toEqual(['Limits', 'Requested', 'Used'])
    const series = (option.series as { data: { value: number; itemStyle: { color: string } }[]; markLine: { data: { xAxis: number }[]; label: { formatter: string } }; label: { formatter: Fn } }[])[0]
    expect(series.data.map((d) => d.value)).toEqual([6000, 1000, 250])
    expect(series.data.map((d) => d.itemStyle.color)).toEqual([light.over, light.requested, light.used])
    expect(series.markLine.data[0].xAxis).toBe(4000)
    expect(series.markLine.label.formatter).toBe('Allocatable 4')
    expect(call(series.label.formatter, { dataIndex: 2, value: 250 })).toBe('250m')
  })

  it('says there is no usage without a metrics source', () => {
    const option = capacityBarOption({ used: null, requested: 1024 ** 3, limits: 2 * 1024 ** 3, allocatable: 8 * 1024 ** 3 }, 'memory', labels, dark)
    const series = (option.series as { label: { formatter: Fn } }[])[0]
    expect(call(series.label.formatter, { dataIndex: 2, value: null })).toBe('no usage')
    expect(call(series.label.formatter, { dataIndex: 1, value: 1024 ** 3 })).toBe('1Gi')
  })
})

describe('quota bars', () => {
  it('shows percent of hard, used / hard in the unit, red when full', () => {
    expect(quotaPercent(1, 4)).toBe(25)
    expect(quotaPercent(0, 0)).toBe(0)
    expect(quotaPercent(1, 0)).toBe(100)
    const option = quotaBarOption(
      [
        { label: 'compute: requests.cpu', used: 500, hard: 2000, unit: 'cpu' },
        { label: 'compute: requests.memory', used: 1024 ** 3, hard: 1024 ** 3, unit: 'memory' },
        { label: 'objects: pods', used: 9, hard: 10, unit: 'count' },
      ],
      light,
    )
    const series = (option.series as { data: { value: number; itemStyle: { color: string } }[]; label: { formatter: Fn } }[])[0]
    expect(series.data.map((d) => d.value)).toEqual([25, 100, 90])
    expect(series.data.map((d) => d.itemStyle.color)).toEqual([light.used, light.over, light.warning])
    expect(call(series.label.formatter, { dataIndex: 0 })).toBe('500m / 2')
    expect(call(series.label.formatter, { dataIndex: 1 })).toBe('1Gi / 1Gi')
  })
})

describe('PromQL series names', () => {
  it('writes labels like Prometheus', () => {
    expect(seriesName({ __name__: 'up', job: 'kubeward' })).toBe('up{job="kubeward"}')
    expect(seriesName({ namespace: 'shop' })).toBe('{namespace="shop"}')
    expect(seriesName({})).toBe('{}')
  })
})
