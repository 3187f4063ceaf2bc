// The users page's comparison of a user's RBAC bindings with what the grants call for, and the
// per-cluster outcome of a save or a sync (a cluster's refusal first).

import { describe, expect, it } from 'vitest'
import { compareBindings, inLine, isAdministrator, outcomes, type BindingState } from '@/features/user/bindings'
import type { Binding } from '@/shared/api/types'
import en from '@/shared/i18n/en'
import zhCN from '@/shared/i18n/zh-CN'
import { lookup } from './translate'

const binding = (namespace: string | null, clusterRole: string): Binding => ({
  namespace,
  name: `kubeward:user:alice:${clusterRole}`,
  clusterRole,
  username: 'alice',
})

describe('bindings as they are vs. as granted', () => {
  it('marks bindings in place, missing and no longer granted, cluster-wide first', () => {
    const rows = compareBindings(
      [binding('shop', 'edit'), binding('payments', 'view')],
      [binding('shop', 'edit'), binding(null, 'view'), binding('batch', 'admin')],
    )
    expect(rows.map((r) => [r.kind, r.namespace, r.clusterRole, r.state])).toEqual([
      ['ClusterRoleBinding', null, 'view', 'missing'],
      ['RoleBinding', 'batch', 'admin', 'missing'],
      ['RoleBinding', 'payments', 'view', 'extra'],
      ['RoleBinding', 'shop', 'edit', 'in-place'],
    ])
    expect(inLine(rows)).toBe(false)
    expect(inLine(compareBindings([binding('shop', 'edit')], [binding('shop', 'edit')]))).toBe(true)
    expect(inLine(compareBindings([], []))).toBe(true)
  })

  it('has a label for every state in both languages', () => {
    for (const state of ['in-place', 'missing', 'extra'] satisfies BindingState[]) {
      expect(lookup(en, `bindings.state.${state}`), state).toBeDefined()
      expect(lookup(zhCN, `bindings.state.${state}`), state).toBeDefined()
    }
  })

  it('knows that Kubeward administrators get no binding of their own', () => {
    expect(isAdministrator([{ role: 'admin', cluster: '*', namespace: '*' }])).toBe(true)
    expect(isAdministrator([{ role: 'admin', cluster: 'dev', namespace: '*' }])).toBe(false)
    expect(isAdministrator([{ role: 'operator', cluster: '*', namespace: '*' }])).toBe(false)
  })
})

describe('what a save or a sync did', () => {
  it('merges the syncs of one cluster and puts refusals first', () => {
    const result = outcomes([
      { cluster: 'dev', created: ['RoleBinding shop/kubeward:user:alice:edit → edit'], removed: [], error: null },
      { cluster: 'prod', created: [], removed: [], error: 'rolebindings is forbidden: user "kubeward:bob" cannot bind ClusterRole admin' },
      { cluster: 'dev', created: [], removed: ['RoleBinding shop/kubeward:user:carol:view → view'], error: null },
      { cluster: 'alpha', created: [], removed: [], error: null },
    ])
    expect(result).toEqual([
      { cluster: 'prod', created: [], removed: [], errors: ['rolebindings is forbidden: user "kubeward:bob" cannot bind ClusterRole admin'] },
      { cluster: 'alpha', created: [], removed: [], errors: [] },
      {
        cluster: 'dev',
        created: ['RoleBinding shop/kubeward:user:alice:edit → edit'],
        removed: ['RoleBinding shop/kubeward:user:carol:view → view'],
        errors: [],
      },
    ])
    expect(outcomes([])).toEqual([])
  })
})
