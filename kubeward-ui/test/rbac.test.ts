import { describe, expect, it } from 'vitest'
import { splitGroups } from '@/features/rbac/api'
import { bindingText, ruleText, severityTag, subjectName } from '@/features/rbac/rbac'

describe('rbac helpers', () => {
  it('writes a rule in one line with the core group named', () => {
    expect(ruleText({ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] })).toBe('get, list pods, pods/log (core)')
    expect(ruleText({ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get'] })).toBe(
      'get configmaps [settings] (core)',
    )
    expect(ruleText({ verbs: ['get'], nonResourceUrls: ['/healthz'] })).toBe('get /healthz')
  })

  it('names bindings and service accounts with their namespace', () => {
    expect(bindingText({ kind: 'RoleBinding', namespace: 'team-a', name: 'devs' })).toBe('RoleBinding team-a/devs')
    expect(bindingText({ kind: 'ClusterRoleBinding', namespace: null, name: 'admins' })).toBe('ClusterRoleBinding admins')
    expect(subjectName({ kind: 'SERVICE_ACCOUNT', namespace: 'ci', name: 'bot' })).toBe('ci/bot')
    expect(subjectName({ kind: 'USER', name: 'alice' })).toBe('alice')
  })

  it('splits the known groups and colours severities', () => {
    expect(splitGroups(' devs, ops,, ')).toEqual(['devs', 'ops'])
    expect(severityTag('critical')).toBe('danger')
    expect(severityTag('high')).toBe('warning')
  })
})
