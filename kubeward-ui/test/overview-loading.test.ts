import { describe, expect, it } from 'vitest'
import { loadingSentence, stillLoading } from '@/features/cluster/loading'
import en from '@/shared/i18n/en'
import zhCN from '@/shared/i18n/zh-CN'
import { translator } from './translate'

const kinds = (pods: boolean, podsSoFar: number, nodes: number | null = 3) => [
  { kind: 'nodes', synced: true, objects: nodes },
  { kind: 'namespaces', synced: true, objects: 4 },
  { kind: 'pods', synced: pods, objects: podsSoFar },
  { kind: 'deployments', synced: true, objects: 2 },
  { kind: 'services', synced: true, objects: 1 },
]

describe('an overview served while the cluster is loading', () => {
  it('names the kinds still loading with what is counted so far', () => {
    const overview = { loading: true, kinds: kinds(false, 12000) }

    expect(stillLoading(overview)).toEqual([{ kind: 'pods', objects: 12000 }])
    expect(loadingSentence(overview, translator(en), 'en')).toBe('Pods (12,000 so far)')
    expect(loadingSentence(overview, translator(zhCN), 'zh-CN')).toBe('容器组（已读取 12,000 个）')
  })

  it('names a kind the user may not count without a number', () => {
    const overview = { loading: true, kinds: [{ kind: 'nodes', synced: false, objects: null }, ...kinds(false, 5).slice(1)] }

    expect(loadingSentence(overview, translator(en), 'en')).toBe('Nodes, Pods (5 so far)')
  })

  it('says nothing once the overview is complete', () => {
    expect(stillLoading({ loading: false, kinds: kinds(true, 30000) })).toEqual([])
    expect(loadingSentence({ loading: false, kinds: kinds(true, 30000) }, translator(en))).toBe('')
    expect(stillLoading(null)).toEqual([])
  })

  it('has the banner in both languages', () => {
    const zh = translator(zhCN)
    expect(translator(en)('loading.detail', { kinds: 'Pods (5 so far)' })).toContain('Still loading: Pods (5 so far).')
    expect(zh('loading.title')).toBe('仍在加载此集群：以下数字尚不完整')
  })
})
