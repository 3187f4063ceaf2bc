import { describe, expect, it } from 'vitest'
import { endsAfter, formatMatcher, matcherProblems, matchesEmpty, parseMatcher, withCluster } from '@/features/alerts/routing/matchers'

describe('alert routing matchers', () => {
  it('formats and parses Prometheus-style matchers', () => {
    const m = { name: 'summary', op: '=~' as const, value: 'say "hi" \\ there' }
    expect(formatMatcher(m)).toBe('summary=~"say \\"hi\\" \\\\ there"')
    expect(parseMatcher(formatMatcher(m))).toEqual(m)
    expect(parseMatcher('cluster="local"')).toEqual({ name: 'cluster', op: '=', value: 'local' })
    expect(parseMatcher('team!=ops')).toEqual({ name: 'team', op: '!=', value: 'ops' })
    expect(parseMatcher('no operator')).toBeNull()
    expect(parseMatcher('a="open')).toBeNull()
  })

  it('refuses a silence of everything, bad names and bad expressions', () => {
    expect(matchesEmpty({ name: 'a', op: '=~', value: '.*' })).toBe(true)
    expect(matchesEmpty({ name: 'a', op: '=', value: 'x' })).toBe(false)
    expect(matcherProblems([])).toContain('alertRouting.silence.needMatcher')
    expect(matcherProblems([{ name: 'a', op: '=~', value: '.*' }])).toContain('alertRouting.silence.matchesAll')
    expect(matcherProblems([{ name: '9a', op: '=', value: 'x' }])).toContain('alertRouting.silence.badName')
    expect(matcherProblems([{ name: 'a', op: '=~', value: '(' }])).toContain('alertRouting.silence.badRegex')
    expect(matcherProblems([{ name: 'alertname', op: '=', value: 'x' }])).toEqual([])
  })

  it('adds the cluster matcher that decides who may silence, unless one is there', () => {
    expect(withCluster('local', [{ name: 'alertname', op: '=', value: 'x' }])[0]).toEqual({ name: 'cluster', op: '=', value: 'local' })
    expect(withCluster('local', [{ name: 'cluster', op: '=', value: 'prod' }])).toHaveLength(1)
    expect(endsAfter(60, Date.parse('2026-12-03T10:00:00Z'))).toBe('2026-12-03T11:00:00.000Z')
  })
})
