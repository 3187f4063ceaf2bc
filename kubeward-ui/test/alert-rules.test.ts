import { describe, expect, it } from 'vitest'
import { conditionType, emptyForm, formToSpec, parsePairs, problemsOf, prune, ruleObject, specToForm, toYaml } from '@/features/alerts/rules/rules'

describe('alert rule editor', () => {
  it('turns the form into the spec and back', () => {
    const form = emptyForm('AlertRule', 'shop')
    Object.assign(form, {
      name: 'crash',
      type: 'finding',
      findingRules: 'pod.crash-loop, deployment.unavailable',
      findingSeverities: ['critical'],
      selector: 'app=web',
      labels: 'team=shop\nowner=ops',
      summary: '{{ $object }} crashes',
      summaryZh: '{{ $object }} 崩溃',
    })
    const spec = formToSpec(form)
    expect(spec.condition?.finding?.rules).toEqual(['pod.crash-loop', 'deployment.unavailable'])
    expect(spec.condition?.finding?.namespaces).toBeUndefined()
    expect(spec.condition?.finding?.selector).toEqual({ matchLabels: { app: 'web' } })
    expect(spec.labels).toEqual({ team: 'shop', owner: 'ops' })
    expect(spec.annotations).toEqual({ summary: '{{ $object }} crashes', 'summary.zh-CN': '{{ $object }} 崩溃' })
    expect(conditionType(spec)).toBe('finding')
    const back = specToForm('AlertRule', 'shop', 'crash', spec)
    expect(back.findingRules).toBe('pod.crash-loop, deployment.unavailable')
    expect(back.selector).toBe('app=web')
    expect(formToSpec(back)).toEqual(spec)
  })

  it('writes the object as YAML that quotes what needs quoting', () => {
    const form = emptyForm()
    Object.assign(form, { name: 'up', type: 'promql', promql: 'up{job="x"} == 0', for: '0s', summary: 'down: {{ $labels.job }}' })
    const yaml = toYaml(ruleObject('ClusterAlertRule', null, 'up', formToSpec(form)))
    expect(yaml).toContain('apiVersion: kubeward.io/v1alpha1\nkind: ClusterAlertRule\nmetadata:\n  name: up\n')
    expect(yaml).toContain('  condition:\n    promql:\n      expr: "up{job=\\"x\\"} == 0"\n')
    expect(yaml).toContain('  for: 0s\n')
    expect(yaml).toContain('    summary: "down: {{ $labels.job }}"\n')
    expect(yaml).toContain('  enabled: true\n')
    expect(toYaml({ list: [{ key: 'a', values: ['x', 'yes'] }] })).toBe('list:\n  - key: a\n    values:\n      - x\n      - "yes"\n')
  })

  it('reads pairs and problems', () => {
    expect(parsePairs('a=1, b = 2\nnot-a-pair')).toEqual({ a: '1', b: '2' })
    expect(prune({ a: [], b: {}, c: null, d: 0 })).toEqual({ d: 0 })
    expect(problemsOf({ code: 'alert-rule.invalid', problems: [{ field: 'spec.for', message: 'too long' }] })).toEqual([
      { field: 'spec.for', message: 'too long' },
    ])
    expect(problemsOf({ code: 'other' })).toEqual([])
  })
})
