import { describe, expect, it } from 'vitest'
import { parseList, parsePairs } from '@/features/tenancy/api'
import { graphOf, type PodNetworkView } from '@/features/netpol/api'

describe('tenancy form parsing', () => {
  it('reads resource=quantity pairs and skips blanks', () => {
    expect(parsePairs('requests.cpu=4, pods=10,,\nmemory = 1Gi')).toEqual({ 'requests.cpu': '4', pods: '10', memory: '1Gi' })
  })
  it('reads comma or line separated names', () => {
    expect(parseList(' alice, bob\n\ncarol ')).toEqual(['alice', 'bob', 'carol'])
  })
})

describe('network policy graph', () => {
  it('draws an arrow per allowed peer: into the pod for ingress, out of it for egress', () => {
    const rule = (peers: PodNetworkView['ingress']['allowed'][number]['rule']['peers'], ports: string[]) => ({ peers, ports, en: '', zh: '' })
    const view: PodNetworkView = {
      namespace: 'shop',
      pod: 'web-0',
      labels: {},
      selecting: [],
      notSelecting: [],
      ingress: {
        isolated: true,
        denyAll: false,
        allowed: [{ policy: 'p', rule: rule([{ kind: 'pods', pods: 'role=frontend', matchingNamespaces: ['shop'], except: [], en: '', zh: '' }], ['8080/TCP']) }],
        en: '',
        zh: '',
      },
      egress: { isolated: true, denyAll: false, allowed: [{ policy: 'dns', rule: rule([], ['53/UDP']) }], en: '', zh: '' },
    }
    const graph = graphOf(view, 'anywhere')
    expect(graph.links).toEqual([
      { source: 'in:shop: role=frontend', target: 'shop/web-0', label: '8080/TCP' },
      { source: 'shop/web-0', target: 'out:anywhere', label: '53/UDP' },
    ])
    expect(graph.nodes.map((n) => n.name)).toEqual(['shop/web-0', 'shop: role=frontend', 'anywhere'])
  })
})
