// The NetworkPolicy view of a pod (ADR 0045); types written here until the OpenAPI types are
// regenerated after the merge.

import { request } from '@/shared/api/client'
import { clusterPath as cluster, enc } from '@/shared/api/endpoints'

export interface NetworkPeer {
  kind: 'pods' | 'namespaces' | 'ip-block'
  pods?: string
  namespaces?: string
  matchingNamespaces: string[]
  cidr?: string
  except: string[]
  en: string
  zh: string
}
export interface NetworkRule { peers: NetworkPeer[]; ports: string[]; en: string; zh: string }
export interface SelectingPolicy {
  name: string
  podSelector: string
  ingress: boolean
  egress: boolean
  ingressRules: NetworkRule[]
  egressRules: NetworkRule[]
}
export interface TrafficDirection {
  isolated: boolean
  denyAll: boolean
  allowed: { policy: string; rule: NetworkRule }[]
  en: string
  zh: string
}
export interface PodNetworkView {
  namespace: string
  pod: string
  labels: Record<string, string>
  selecting: SelectingPolicy[]
  notSelecting: string[]
  ingress: TrafficDirection
  egress: TrafficDirection
}

export const netpol = {
  pod: (c: string, namespace: string, pod: string) =>
    request<PodNetworkView>('GET', `${cluster(c)}/netpol/namespaces/${enc(namespace)}/pods/${enc(pod)}`),
}

export interface GraphNode { id: string; name: string; category: number }
export interface GraphLink { source: string; target: string; label: string }

/**
 * The small graph: the pod in the middle, a node per peer (or "anywhere"), an arrow per allowed
 * rule from the peer to the pod (ingress) or from the pod to the peer (egress).
 */
export function graphOf(view: PodNetworkView, anywhere: string): { nodes: GraphNode[]; links: GraphLink[] } {
  const pod = `${view.namespace}/${view.pod}`
  const nodes = new Map<string, GraphNode>([[pod, { id: pod, name: pod, category: 0 }]])
  const links: GraphLink[] = []
  const add = (direction: TrafficDirection, ingress: boolean) => {
    for (const { rule } of direction.allowed) {
      const peers = rule.peers.length ? rule.peers.map((p) => p.cidr ?? `${p.namespaces ?? view.namespace}: ${p.pods || '*'}`) : [anywhere]
      const label = rule.ports.length ? rule.ports.join(', ') : '*'
      for (const peer of peers) {
        const id = `${ingress ? 'in' : 'out'}:${peer}`
        nodes.set(id, { id, name: peer, category: ingress ? 1 : 2 })
        links.push(ingress ? { source: id, target: pod, label } : { source: pod, target: id, label })
      }
    }
  }
  add(view.ingress, true)
  add(view.egress, false)
  return { nodes: [...nodes.values()], links }
}
