import { describe, expect, it } from 'vitest'
import { paletteOf } from '@/shared/charts/palette'
import { outlookText, poolBarOption } from '@/features/capacity/options'
import type { Forecast } from '@/features/capacity/api'

const labels = { allocatable: 'Allocatable', requested: 'Requested', used: 'Used', headroom: 'Headroom', noUsage: 'No usage' }

describe('poolBarOption', () => {
  it('draws the headroom line at allocatable minus headroom and flags requests beyond it', () => {
    const p = paletteOf('light')
    const option = poolBarOption({ allocatable: 10000, requested: 9500, used: null, headroom: 1000, requestable: 0 }, 'cpu', labels, p) as {
      series: { data: { value: number; itemStyle: { color: string } }[]; markLine: { data: { xAxis: number }[] } }[]
      yAxis: { data: string[] }
    }
    expect(option.series[0].markLine.data[0].xAxis).toBe(9000)
    expect(option.series[0].data[1].itemStyle.color).toBe(p.over)
    expect(option.yAxis.data[2]).toBe('No usage')
  })
})

describe('outlookText', () => {
  const base: Forecast = {
    resource: 'cpu', method: 'linear-trend', points: 100, days: 7, slopePerDay: 1, limit: 1, horizonDays: 90,
    outlook: 'within-horizon', daysToExhaustion: 12.7, history: [], projection: [],
  }
  it('says in how many whole days demand reaches the limit, or that it does not within the horizon', () => {
    expect(outlookText(base)).toEqual({ key: 'capacity.outlook.within', params: { days: 12 } })
    expect(outlookText({ ...base, outlook: 'not-within-horizon', daysToExhaustion: null })).toEqual({
      key: 'capacity.outlook.notWithin',
      params: { days: 90 },
    })
  })
})
