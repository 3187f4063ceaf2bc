// The workload toolbar's pure parts: which operations a kind offers, which RBAC request each makes
// (so a refused one is disabled), the local set-image preview, and both languages' texts.

import { describe, expect, it } from 'vitest'
import type { Permissions, PermissionRule } from '@/shared/api/types'
import { actionsOf, actionVerdict, imageDiff, kindFacts, requestOf } from '@/features/workloads/ops/actions'
import en from '@/shared/i18n/en'
import zhCN from '@/shared/i18n/zh-CN'

const rule = (verbs: string[], apiGroups: string[], resources: string[]): PermissionRule => ({
  verbs,
  apiGroups,
  resources,
  resourceNames: [],
})

function answer(rules: PermissionRule[]): Permissions {
  return {
    cluster: 'dev',
    namespace: 'shop',
    access: { mode: 'impersonate', reason: '', code: 'impersonating', missing: [], checkedAt: '2026-12-03T10:00:00Z' },
    source: 'cluster',
    rules,
    incomplete: false,
    evaluationError: null,
    actions: {
      listNodes: false,
      cordonNodes: false,
      editNodeMetadata: false,
      previewDrains: false,
      drainNodes: false,
      listMaintenances: false,
      createMaintenances: false,
      changeMaintenances: false,
    },
  } as Permissions
}

describe('workload operations', () => {
  it('offers per kind what the API accepts', () => {
    expect(actionsOf('Deployment', false, null)).toEqual(['scale', 'restart', 'pause', 'image', 'rollback', 'delete'])
    expect(actionsOf('deployments', true, null)).toContain('resume')
    expect(actionsOf('daemonsets', null, null)).toEqual(['restart', 'image', 'rollback', 'delete'])
    expect(actionsOf('CronJob', null, true)).toEqual(['image', 'unsuspend', 'trigger', 'delete'])
    expect(actionsOf('jobs', null, null)).toEqual(['delete'])
    expect(actionsOf('pods', null, null)).toEqual([])
    expect(kindFacts('StatefulSet')?.plural).toBe('statefulsets')
  })

  it('disables what the rules refuse: patch for changes, create jobs for a trigger', () => {
    const readOnly = answer([rule(['get', 'list', 'watch'], ['apps', 'batch'], ['*'])])
    expect(actionVerdict(readOnly, 'deployments', 'scale', 'web')).toBe('denied')
    expect(actionVerdict(readOnly, 'cronjobs', 'trigger', 'report')).toBe('denied')
    const editor = answer([rule(['*'], ['apps', 'batch'], ['*'])])
    expect(actionVerdict(editor, 'deployments', 'rollback', 'web')).toBe('allowed')
    expect(requestOf('cronjobs', 'trigger')).toEqual({ verb: 'create', group: 'batch', resource: 'jobs' })
    expect(requestOf('deployments', 'delete').verb).toBe('delete')
  })

  it('previews a set image as a diff of the changed containers only', () => {
    expect(imageDiff({ app: 'a:1', side: 's:1' }, { app: 'a:2' })).toContain('-    image: a:1\n+    image: a:2')
    expect(imageDiff({ app: 'a:1' }, { app: 'a:1' })).toBe('')
  })

  it('has every text in English and 简体中文', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
    expect(keys(zhCN.workloadOps)).toEqual(keys(en.workloadOps))
  })
})
