import { describe, expect, it } from 'vitest'
import type { FleetProblemPods } from '@/features/fleet/api'
import { availabilityKey, awayClusters, awayType, countsByCluster, stillLoading } from '@/features/fleet/fleet'
import en from '@/shared/i18n/en'
import zhCN from '@/shared/i18n/zh-CN'
import { translator } from './translate'

function answer(clusters: FleetProblemPods['clusters']): FleetProblemPods {
  return { items: [], total: clusters.reduce((n, c) => n + c.total, 0), complete: true, clusters }
}

function cluster(name: string, availability: FleetProblemPods['clusters'][number]['availability'], total = 0) {
  return { cluster: name, availability, total, shown: 0, code: null, message: null, details: {} }
}

describe('fleet problem pods', () => {
  const mixed = answer([
    cluster('prod', 'READY', 2),
    cluster('edge', 'READY', 9),
    cluster('lab', 'UNREACHABLE'),
    cluster('new', 'SYNCING'),
    cluster('hr', 'FORBIDDEN'),
  ])

  it('names the clusters that are not in the answer', () => {
    expect(awayClusters(mixed).map((c) => c.cluster)).toEqual(['lab', 'new', 'hr'])
    expect(awayClusters(answer([cluster('prod', 'READY')]))).toEqual([])
  })

  it('asks again only while a cluster is still loading', () => {
    expect(stillLoading(mixed)).toBe(true)
    expect(stillLoading(answer([cluster('prod', 'READY'), cluster('lab', 'UNREACHABLE')]))).toBe(false)
  })

  it('counts per cluster that answered, most problems first', () => {
    expect(countsByCluster(mixed)).toEqual([
      { cluster: 'edge', total: 9 },
      { cluster: 'prod', total: 2 },
    ])
  })

  it('says each availability in English and Chinese', () => {
    for (const availability of ['READY', 'SYNCING', 'UNREACHABLE', 'FORBIDDEN', 'FAILED'] as const) {
      const key = availabilityKey(availability)
      expect(translator(en)(key)).not.toBe(key)
      expect(translator(zhCN)(key)).not.toBe(key)
    }
    expect(translator(zhCN)('fleet.availability.unreachable')).toBe('不可达')
  })

  it('shows loading as information and an outage as an error', () => {
    expect(awayType('SYNCING')).toBe('info')
    expect(awayType('FORBIDDEN')).toBe('warning')
    expect(awayType('UNREACHABLE')).toBe('error')
  })
})
