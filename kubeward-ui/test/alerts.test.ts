import { describe, expect, it } from 'vitest'
import { annotation, otherLabels, severityTag, silenceMatchers, splitMatchers, stateTag, subject } from '@/features/alerts/alerts'

describe('alerts', () => {
  const labels = {
    alertname: 'pod-crash-looping',
    cluster: 'local',
    severity: 'warning',
    rule: 'pod-crash-looping',
    namespace: 'shop',
    pod: 'web-1',
    node: 'n1',
  }

  it('names what an alert is about', () => {
    expect(subject(labels)).toBe('shop/web-1')
    expect(subject({ node: 'n1' })).toBe('node/n1')
    expect(subject({ kind: 'Deployment', namespace: 'shop', name: 'web' })).toBe('Deployment/shop/web')
    expect(subject({ cluster: 'x' })).toBe('-')
  })

  it('picks the annotation of the console language', () => {
    const a = { summary: 'Pod web-1 crash-loops', 'summary.zh-CN': '容器组 web-1 反复崩溃' }
    expect(annotation(a, 'summary', 'zh-CN')).toBe('容器组 web-1 反复崩溃')
    expect(annotation(a, 'summary', 'en')).toBe('Pod web-1 crash-loops')
    expect(annotation({ summary: 'only' }, 'summary', 'zh-CN')).toBe('only')
    expect(annotation({}, 'description', 'en')).toBe('')
  })

  it('silences exactly one alert by its labels but its severity', () => {
    const matchers = silenceMatchers({ labels })
    expect(matchers).toContainEqual({ name: 'pod', op: '=', value: 'web-1' })
    expect(matchers.find((m) => m.name === 'severity')).toBeUndefined()
    expect(otherLabels(labels).map(([k]) => k)).toEqual(['namespace', 'pod', 'node'])
  })

  it('tags and splits matchers', () => {
    expect(stateTag('firing')).toBe('danger')
    expect(stateTag('resolved')).toBe('success')
    expect(severityTag('info')).toBe('info')
    expect(splitMatchers(' a="1"\n\nb=~"x.*" ')).toEqual(['a="1"', 'b=~"x.*"'])
  })
})
