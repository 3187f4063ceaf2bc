// What the console hides: the matching of SelfSubjectRulesReview rules, the verdicts of the
// permissions answer, the YAML editor's verdicts, the read-only banner and the permissions store
// (asked again per scope, after its TTL and after an invalidation; nothing hidden without an answer).

import { describe, expect, it } from 'vitest'
import { actionVerdict, groupOf, readOnlyNotice, ruleAllows, ruleVerdict, shown, type ActionName } from '@/shared/access'
import type { Cluster, KindInfo, Permissions, PermissionRule } from '@/shared/api/types'
import { createPermissionStore, permissionKey } from '@/shared/state/permission-store'
import { editorVerdicts, namespaceForRules, refusal, targetOf } from '@/features/resource/permissions'
import en from '@/shared/i18n/en'
import zhCN from '@/shared/i18n/zh-CN'
import { lookup } from './translate'

const rule = (verbs: string[], apiGroups: string[], resources: string[], resourceNames: string[] = []): PermissionRule => ({
  verbs,
  apiGroups,
  resources,
  resourceNames,
})

const ACTIONS: Permissions['actions'] = {
  listNodes: false,
  cordonNodes: false,
  editNodeMetadata: false,
  previewDrains: false,
  drainNodes: false,
  listMaintenances: false,
  createMaintenances: false,
  changeMaintenances: false,
}

function answer(extra: Partial<Permissions> = {}): Permissions {
  return {
    cluster: 'dev',
    namespace: 'shop',
    access: { mode: 'impersonate', reason: 'Kubeward impersonates', code: 'impersonating', missing: [], checkedAt: '2026-12-03T10:00:00Z' },
    source: 'cluster',
    rules: [],
    incomplete: false,
    evaluationError: null,
    actions: { ...ACTIONS },
    ...extra,
  }
}

describe('rule matching', () => {
  const patchDeployments = { verb: 'patch', group: 'apps', resource: 'deployments' }

  it('needs the verb, the API group and the resource, each listed or *', () => {
    expect(ruleAllows(rule(['get', 'patch'], ['apps'], ['deployments']), patchDeployments)).toBe(true)
    expect(ruleAllows(rule(['*'], ['*'], ['*']), patchDeployments)).toBe(true)
    expect(ruleAllows(rule(['patch'], ['*'], ['deployments']), patchDeployments)).toBe(true)
    expect(ruleAllows(rule(['get', 'list', 'watch'], ['apps'], ['deployments']), patchDeployments)).toBe(false)
    expect(ruleAllows(rule(['patch'], [''], ['deployments']), patchDeployments)).toBe(false)
    expect(ruleAllows(rule(['patch'], ['apps'], ['statefulsets', 'deployments/scale']), patchDeployments)).toBe(false)
  })

  it('tells the core group "" from the others', () => {
    expect(ruleAllows(rule(['get'], [''], ['secrets']), { verb: 'get', group: '', resource: 'secrets' })).toBe(true)
    expect(ruleAllows(rule(['get'], ['apps'], ['secrets']), { verb: 'get', group: '', resource: 'secrets' })).toBe(false)
    expect(groupOf('v1')).toBe('')
    expect(groupOf('apps/v1')).toBe('apps')
    expect(groupOf('kubeward.io/v1alpha1')).toBe('kubeward.io')
  })

  it('applies a rule limited to resourceNames only to the objects it names', () => {
    const named = rule(['get'], [''], ['secrets'], ['ledger-credentials'])
    expect(ruleAllows(named, { verb: 'get', group: '', resource: 'secrets' })).toBe(false)
    expect(ruleAllows(named, { verb: 'get', group: '', resource: 'secrets', name: 'other' })).toBe(false)
    expect(ruleAllows(named, { verb: 'get', group: '', resource: 'secrets', name: 'ledger-credentials' })).toBe(true)
  })
})

describe('verdicts', () => {
  const get = { verb: 'get', group: '', resource: 'secrets' }

  it('allows what a rule allows and denies the rest when the rules are complete', () => {
    const edit = answer({ rules: [rule(['get', 'list'], [''], ['secrets', 'configmaps'])] })
    expect(ruleVerdict(edit, get)).toBe('allowed')
    expect(ruleVerdict(edit, { ...get, verb: 'delete' })).toBe('denied')
    expect(shown('denied')).toBe(false)
    expect(shown('allowed')).toBe(true)
  })

  it('hides nothing without an answer, without rules (no namespace asked) or with incomplete rules', () => {
    expect(ruleVerdict(null, get)).toBe('unknown')
    expect(ruleVerdict(answer({ namespace: null, rules: [] }), get)).toBe('unknown')
    const incomplete = answer({ incomplete: true, evaluationError: 'webhook: no opinion', rules: [rule(['get'], [''], ['pods'])] })
    expect(ruleVerdict(incomplete, get)).toBe('unknown')
    expect(ruleVerdict(incomplete, { ...get, resource: 'pods' })).toBe('allowed')
    expect(shown('unknown')).toBe(true)
  })

  it("takes the cluster's answer for each action", () => {
    const operator = answer({ actions: { ...ACTIONS, listNodes: true, cordonNodes: true } })
    expect(actionVerdict(operator, 'cordonNodes')).toBe('allowed')
    expect(actionVerdict(operator, 'drainNodes')).toBe('denied')
    expect(actionVerdict(null, 'drainNodes')).toBe('unknown')
  })

  it('has a tooltip for every action in both languages', () => {
    for (const action of Object.keys(ACTIONS) as ActionName[]) {
      expect(lookup(en, `permissions.actions.${action}`), action).toBeDefined()
      expect(lookup(zhCN, `permissions.actions.${action}`), action).toBeDefined()
    }
  })
})

describe('the YAML editor', () => {
  const kind = (group: string, version: string, k: string, plural: string, namespaced = true): KindInfo => ({
    group,
    version,
    kind: k,
    plural,
    namespaced,
    secret: k === 'Secret',
    verbs: ['get', 'list', 'patch', 'delete'],
  })
  const KINDS = [
    kind('', 'v1', 'Secret', 'secrets'),
    kind('', 'v1', 'Node', 'nodes', false),
    kind('apps', 'v1', 'Deployment', 'deployments'),
    kind('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers'),
    kind('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers'),
  ]

  it('finds the resource of a kind in the discovery', () => {
    expect(targetOf(KINDS, 'apps/v1', 'Deployment')).toEqual({ group: 'apps', resource: 'deployments', namespaced: true })
    expect(targetOf(KINDS, 'v1', 'Node')).toEqual({ group: '', resource: 'nodes', namespaced: false })
    expect(targetOf(KINDS, 'autoscaling/v2', 'HorizontalPodAutoscaler')?.resource).toBe('horizontalpodautoscalers')
    expect(targetOf(KINDS, 'apps/v1', 'Secret')).toBeNull()
    expect(targetOf(KINDS, 'example.com/v1', 'Widget')).toBeNull()
  })

  it("asks the rules of the object's namespace (default when it has none or is cluster-scoped)", () => {
    const deployment = targetOf(KINDS, 'apps/v1', 'Deployment')
    expect(namespaceForRules(deployment, { namespace: 'shop' })).toBe('shop')
    expect(namespaceForRules(deployment, { namespace: null })).toBe('default')
    expect(namespaceForRules(targetOf(KINDS, 'v1', 'Node'), { namespace: 'shop' })).toBe('default')
    expect(namespaceForRules(null, { namespace: 'shop' })).toBe('shop')
  })

  it("enables apply, delete and reveal by the namespace's rules", () => {
    const deployment = targetOf(KINDS, 'apps/v1', 'Deployment')
    // The built-in `view` role: reading, no secrets.
    const view = answer({ rules: [rule(['get', 'list', 'watch'], ['', 'apps'], ['pods', 'deployments', 'configmaps'])] })
    expect(editorVerdicts(view, deployment, 'cart')).toEqual({ apply: 'denied', delete: 'denied', reveal: 'denied' })
    // The built-in `edit` role.
    const edit = answer({
      rules: [rule(['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], ['', 'apps'], ['pods', 'deployments', 'secrets'])],
    })
    expect(editorVerdicts(edit, deployment, 'cart')).toEqual({ apply: 'allowed', delete: 'allowed', reveal: 'allowed' })
    // cluster-admin.
    expect(editorVerdicts(answer({ rules: [rule(['*'], ['*'], ['*'])] }), deployment, 'cart')).toEqual({
      apply: 'allowed',
      delete: 'allowed',
      reveal: 'allowed',
    })
  })

  it('disables nothing for an unknown kind, without an answer or with incomplete rules', () => {
    expect(editorVerdicts(answer(), null, 'w')).toEqual({ apply: 'unknown', delete: 'unknown', reveal: 'denied' })
    expect(editorVerdicts(null, targetOf(KINDS, 'apps/v1', 'Deployment'), 'cart')).toEqual({ apply: 'unknown', delete: 'unknown', reveal: 'unknown' })
    expect(editorVerdicts(answer({ incomplete: true }), targetOf(KINDS, 'v1', 'Secret'), 's')).toEqual({
      apply: 'unknown',
      delete: 'unknown',
      reveal: 'unknown',
    })
  })

  it('says why: read-only mode, or the verb the cluster refuses', () => {
    expect(refusal(answer({ source: 'grants' }), 'patch', 'deployments', 'shop')).toEqual({ key: 'permissions.readOnly', values: {} })
    expect(refusal(answer(), 'patch', 'deployments', 'shop')).toEqual({
      key: 'permissions.denied',
      values: { verb: 'patch', resource: 'deployments', namespace: 'shop' },
    })
    expect(refusal(answer(), 'delete', 'nodes', null)).toEqual({ key: 'permissions.deniedClusterWide', values: { verb: 'delete', resource: 'nodes' } })
  })
})

describe('read-only banner', () => {
  const cluster = (access: Partial<Cluster['access']>): Pick<Cluster, 'name' | 'access'> => ({
    name: 'prod',
    access: { mode: 'impersonate', reason: 'r', code: 'impersonating', missing: [], checkedAt: null, ...access },
  })
  const readOnly = cluster({
    mode: 'read-only',
    reason: 'Kubeward 不能模拟用户身份',
    code: 'impersonation-not-granted',
    missing: ['impersonate users', 'impersonate groups'],
  })

  it('is shown only for a read-only cluster, with the reason as the server worded it', () => {
    expect(readOnlyNotice(cluster({}), false)).toBeNull()
    expect(readOnlyNotice(null, true)).toBeNull()
    expect(readOnlyNotice(readOnly, false)).toEqual({
      cluster: 'prod',
      reason: 'Kubeward 不能模拟用户身份',
      code: 'impersonation-not-granted',
      missing: [],
      admin: false,
    })
  })

  it('tells administrators what the cluster administrator must grant', () => {
    expect(readOnlyNotice(readOnly, true)?.missing).toEqual(['impersonate users', 'impersonate groups'])
    expect(readOnlyNotice(cluster({ mode: 'read-only', code: 'not-checked', reason: 'not checked yet' }), true)).toMatchObject({
      code: 'not-checked',
      missing: [],
      admin: true,
    })
  })
})

describe('permission store', () => {
  function store(ttlMs = 30_000) {
    const calls: [string, string | null][] = []
    const answers: Permissions[] = []
    let clock = 0
    let failing = false
    const s = createPermissionStore({
      fetch: async (cluster, namespace) => {
        calls.push([cluster, namespace])
        if (failing) throw new Error('403')
        return answer({ cluster, namespace, actions: { ...ACTIONS, listNodes: calls.length > 1 } })
      },
      now: () => clock,
      ttlMs,
      onAnswer: (a) => answers.push(a),
    })
    return {
      s,
      calls,
      answers,
      tick: (ms: number) => (clock += ms),
      fail: (on: boolean) => (failing = on),
    }
  }
  const scope = (cluster = 'dev', namespace: string | null = null, user = 'alice') => ({ user, cluster, namespace })

  it('asks once per user, cluster and namespace while the answer is fresh', async () => {
    const { s, calls, answers } = store()
    expect(s.get(scope())).toBeNull()
    await Promise.all([s.ensure(scope()), s.ensure(scope())])
    await s.ensure(scope())
    expect(calls).toEqual([['dev', null]])
    expect(s.get(scope())?.cluster).toBe('dev')
    await s.ensure(scope('dev', 'shop'))
    await s.ensure(scope('prod'))
    await s.ensure(scope('dev', null, 'bob'))
    expect(calls).toEqual([
      ['dev', null],
      ['dev', 'shop'],
      ['prod', null],
      ['dev', null],
    ])
    expect(answers).toHaveLength(4)
    expect(permissionKey(scope('dev', 'shop'))).not.toBe(permissionKey(scope('dev', null)))
  })

  it('asks again once the answer is older than the TTL', async () => {
    const { s, calls, tick } = store(30_000)
    await s.ensure(scope())
    tick(29_999)
    await s.ensure(scope())
    expect(calls).toHaveLength(1)
    tick(1)
    await s.ensure(scope())
    expect(calls).toHaveLength(2)
    expect(s.get(scope())?.actions.listNodes).toBe(true)
  })

  it('asks again after an invalidation (a 403), also when a request was under way', async () => {
    const { s, calls } = store()
    await s.ensure(scope())
    const before = s.generation.value
    s.invalidate()
    expect(s.generation.value).toBe(before + 1)
    // The last answer stays visible until the new one comes.
    expect(s.get(scope())).not.toBeNull()
    await s.ensure(scope())
    expect(calls).toHaveLength(2)

    const pending = s.ensure(scope('dev', 'shop'))
    s.invalidate()
    await Promise.all([pending, s.ensure(scope('dev', 'shop'))])
    expect(calls.filter(([, ns]) => ns === 'shop')).toHaveLength(2)
  })

  it('forgets the answer when the server refuses, so that nothing is hidden, and asks again next time', async () => {
    const { s, calls, fail, tick } = store()
    await s.ensure(scope())
    tick(60_000)
    fail(true)
    expect(await s.ensure(scope())).toBeNull()
    expect(s.get(scope())).toBeNull()
    fail(false)
    await s.ensure(scope())
    expect(calls).toHaveLength(3)
    expect(s.get(scope())).not.toBeNull()
  })

  it('is settled once a request ended, with an answer or not', async () => {
    const { s, fail } = store()
    expect(s.settled(scope())).toBe(false)
    const pending = s.ensure(scope())
    expect(s.settled(scope())).toBe(false)
    await pending
    expect(s.settled(scope())).toBe(true)
    fail(true)
    await s.ensure(scope('prod'))
    expect(s.settled(scope('prod'))).toBe(true)
    expect(s.get(scope('prod'))).toBeNull()
  })

  it('asks nothing without a user or a cluster', async () => {
    const { s, calls } = store()
    expect(await s.ensure(scope(''))).toBeNull()
    expect(await s.ensure(scope('dev', null, ''))).toBeNull()
    expect(calls).toEqual([])
  })
})
