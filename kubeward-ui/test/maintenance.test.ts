import { describe, expect, it } from 'vitest'
import {
  drainCounts,
  emptyForm,
  initialLive,
  isFinished,
  labelKeyProblem,
  labelsFromRows,
  labelValueProblem,
  LOG_LIMIT,
  minutesDuration,
  parseMaintenanceEvent,
  parseSelector,
  progressOf,
  reduceLive,
  specFromForm,
  taintProblem,
} from '@/features/maintenance/maintenance'
import type { Maintenance, MaintenanceNode, PodProgress } from '@/shared/api/types'

const pod = (name: string, state: PodProgress['state'], extra: Partial<PodProgress> = {}): PodProgress => ({ namespace: 'shop', name, state, attempts: 0, ...extra })

function view(phase: Maintenance['phase'], nodes: MaintenanceNode[]): Maintenance {
  return {
    name: 'pool-a',
    conditions: [],
    spec: { nodes: nodes.map((n) => n.name), concurrency: 1, action: { type: 'None' }, drain: { force: false, deleteEmptyDirData: false }, uncordon: true },
    phase,
    nodes,
  }
}

describe('progress', () => {
  it('counts finished nodes and gone or skipped pods', () => {
    const v = view('Running', [
      { name: 'n1', step: 'Done', drain: { node: 'n1', state: 'SUCCEEDED', pods: [pod('a', 'GONE'), pod('ds', 'SKIPPED')], blockers: [] } },
      { name: 'n2', step: 'Draining', drain: { node: 'n2', state: 'RUNNING', pods: [pod('b', 'EVICTING'), pod('c', 'BLOCKED', { pdb: 'web' })], blockers: [] } },
      { name: 'n3', step: 'Pending' },
    ])
    expect(progressOf(v)).toEqual({ nodesDone: 1, nodesTotal: 3, podsDone: 2, podsTotal: 4, percent: 33 })
    expect(drainCounts(v.nodes![1].drain)).toEqual({ EVICTING: 1, BLOCKED: 1 })
  })
  it('is complete when the maintenance succeeded and empty without a view', () => {
    expect(progressOf(view('Succeeded', [{ name: 'n1', step: 'Done' }])).percent).toBe(100)
    expect(progressOf(null)).toEqual({ nodesDone: 0, nodesTotal: 0, podsDone: 0, podsTotal: 0, percent: 0 })
  })
  it('knows the final phases', () => {
    expect(['Succeeded', 'Failed', 'Cancelled'].every(isFinished)).toBe(true)
    expect(['Running', 'Paused', 'Cancelling', 'WaitingForLock', null].some(isFinished)).toBe(false)
  })
})

describe('live reducer', () => {
  it('logs node steps and pod states pod by pod as the stream sends views', () => {
    let state = initialLive()
    state = reduceLive(state, view('Running', [{ name: 'n1', step: 'Pending' }, { name: 'n2', step: 'Pending' }]), 1)
    expect(state.log).toEqual([])
    state = reduceLive(state, view('Running', [{ name: 'n1', step: 'Cordoning' }, { name: 'n2', step: 'Pending' }]), 2)
    const draining = (pods: PodProgress[], step: MaintenanceNode['step'] = 'Draining') =>
      view('Running', [{ name: 'n1', step, drain: { node: 'n1', state: 'RUNNING', pods, blockers: [] } }, { name: 'n2', step: 'Pending' }])
    state = reduceLive(state, draining([pod('a', 'PENDING'), pod('b', 'PENDING')]), 3)
    state = reduceLive(state, draining([pod('a', 'EVICTING'), pod('b', 'BLOCKED', { message: 'PDB web allows 0' })]), 4)
    state = reduceLive(state, draining([pod('a', 'GONE'), pod('b', 'BLOCKED', { attempts: 2 })]), 5)
    expect(state.log.map((e) => `${e.at} ${e.node} ${e.pod ?? '-'} ${e.from} → ${e.to}`)).toEqual([
      '2 n1 - Pending → Cordoning',
      '3 n1 - Cordoning → Draining',
      '4 n1 shop/a PENDING → EVICTING',
      '4 n1 shop/b PENDING → BLOCKED',
      '5 n1 shop/a EVICTING → GONE',
    ])
    expect(state.log[3].message).toBe('PDB web allows 0')
    expect(state.finished).toBe(false)
    expect(state.view?.nodes?.[0].drain?.pods[1].attempts).toBe(2)
  })

  it('starts mid-way with what already moved and ends on a final phase', () => {
    const first = reduceLive(initialLive(), view('Running', [{ name: 'n1', step: 'Done' }, { name: 'n2', step: 'Pending' }]), 1)
    expect(first.log.map((e) => `${e.node} ${e.from} → ${e.to}`)).toEqual(['n1 null → Done'])
    const last = reduceLive(first, view('Succeeded', [{ name: 'n1', step: 'Done' }, { name: 'n2', step: 'Done' }]), 2)
    expect(last.finished).toBe(true)
    expect(last.log).toHaveLength(2)
  })

  it('keeps the log bounded and leaves the previous state untouched', () => {
    let state = initialLive()
    for (let i = 0; i < LOG_LIMIT + 20; i++) {
      state = reduceLive(state, view('Running', [{ name: 'n1', step: i % 2 ? 'Draining' : 'Cordoning' }]), i)
    }
    expect(state.log).toHaveLength(LOG_LIMIT)
    const before = state
    reduceLive(before, view('Running', [{ name: 'n1', step: 'Done' }]), 9999)
    expect(before.log).toHaveLength(LOG_LIMIT)
  })

  it('parses maintenance events and rejects others', () => {
    expect(parseMaintenanceEvent(JSON.stringify(view('Running', [])))?.name).toBe('pool-a')
    expect(parseMaintenanceEvent('{"kind":"Pod","name":"x"}')).toBeNull()
    expect(parseMaintenanceEvent('nope')).toBeNull()
  })
})

describe('label selectors', () => {
  it('reads kubectl syntax', () => {
    expect(parseSelector('pool=a, zone in (z1, z2),!spot,gpu,tier!=cache,env==prod')).toEqual({
      matchLabels: { pool: 'a', env: 'prod' },
      matchExpressions: [
        { key: 'zone', operator: 'In', values: ['z1', 'z2'] },
        { key: 'spot', operator: 'DoesNotExist' },
        { key: 'gpu', operator: 'Exists' },
        { key: 'tier', operator: 'NotIn', values: ['cache'] },
      ],
    })
    expect(parseSelector('')).toEqual({})
    expect(() => parseSelector('a b c')).toThrow()
  })
})

describe('label and taint hints', () => {
  it('accepts Kubernetes keys and values and names what is wrong', () => {
    expect(labelKeyProblem('node-role.kubernetes.io/worker')).toBeNull()
    expect(labelKeyProblem('pool')).toBeNull()
    expect(labelKeyProblem('')).toBe('nodes.edit.keyRequired')
    expect(labelKeyProblem('-pool')).toBe('nodes.edit.badKey')
    expect(labelKeyProblem('Example.COM/x')).toBe('nodes.edit.badPrefix')
    expect(labelKeyProblem('a'.repeat(64))).toBe('nodes.edit.badKey')
    expect(labelValueProblem('')).toBeNull()
    expect(labelValueProblem('v1.2_3')).toBeNull()
    expect(labelValueProblem('has space')).toBe('nodes.edit.badValue')
    expect(taintProblem({ key: 'dedicated', value: 'db', effect: 'NoExecute' })).toBeNull()
    expect(taintProblem({ key: 'dedicated', value: 'db', effect: 'Sometimes' })).toBe('nodes.edit.badEffect')
  })
  it('turns label rows into a map, flagging duplicates', () => {
    const result = labelsFromRows([
      { key: ' pool ', value: 'a' },
      { key: 'pool', value: 'b' },
      { key: 'bad key', value: '' },
    ])
    expect(result.labels).toEqual({ pool: 'a' })
    expect(result.problems).toEqual([null, 'nodes.edit.duplicate', 'nodes.edit.badKey'])
  })
})

describe('create form', () => {
  it('builds the spec of a node selection with defaults', () => {
    const result = specFromForm(emptyForm(['n1', 'n2']))
    expect(result.problems).toEqual([])
    expect(result.spec).toEqual({
      nodes: ['n1', 'n2'],
      concurrency: 1,
      action: { type: 'None' },
      drain: { force: false, deleteEmptyDirData: false },
      uncordon: true,
    })
  })
  it('builds selector, action, windows, blockers and drain options', () => {
    const form = {
      ...emptyForm(),
      target: 'selector' as const,
      selector: 'pool=a',
      concurrency: 2,
      actionType: 'Job' as const,
      jobImage: 'busybox',
      jobCommand: 'sh -c reboot',
      windows: [{ days: ['Sat' as const], start: '02:00', end: '05:00', timeZone: 'Asia/Shanghai' }],
      blockerSelector: 'app=backup',
      force: true,
      gracePeriodSeconds: 30,
      timeoutMinutes: 90,
      blockedReportAfterMinutes: 5,
      uncordon: false,
    }
    expect(specFromForm(form).spec).toEqual({
      nodeSelector: { matchLabels: { pool: 'a' } },
      concurrency: 2,
      action: { type: 'Job', job: { image: 'busybox', command: ['sh', '-c', 'reboot'] } },
      windows: [{ days: ['Sat'], start: '02:00', end: '05:00', timeZone: 'Asia/Shanghai' }],
      blockers: { podSelector: { matchLabels: { app: 'backup' } } },
      drain: { force: true, deleteEmptyDirData: false, gracePeriodSeconds: 30, timeout: '1h30m', blockedReportAfter: '5m' },
      uncordon: false,
    })
  })
  it('names every problem of an incomplete form', () => {
    const form = { ...emptyForm(), concurrency: 0, actionType: 'WaitForAnnotation' as const, windows: [{ days: [], start: '2', end: '05:00', timeZone: '' }] }
    expect(specFromForm(form).problems).toEqual([
      'maintenance.form.needNodes',
      'maintenance.form.badConcurrency',
      'maintenance.form.needAnnotation',
      'maintenance.form.badWindow',
    ])
    expect(specFromForm({ ...emptyForm(), target: 'selector', selector: '' }).problems).toEqual(['maintenance.form.needSelector'])
  })
  it('writes minutes as Kubernetes durations', () => {
    expect(minutesDuration(5)).toBe('5m')
    expect(minutesDuration(60)).toBe('1h')
    expect(minutesDuration(135)).toBe('2h15m')
  })
})

