// Label matchers as Prometheus and Alertmanager write them (name="value", !=, =~, !~), the silence
// form's values and durations: pure helpers of the silence dialog and the policy page.

export type MatcherOp = '=' | '!=' | '=~' | '!~'
export interface Matcher {
  name: string
  op: MatcherOp
  value: string
}

export const OPS: MatcherOp[] = ['=', '!=', '=~', '!~']
const NAME = /^[a-zA-Z_][a-zA-Z0-9_.-]*$/

/** The matcher in Prometheus' form, the value quoted with \ and " escaped. */
export function formatMatcher(m: Matcher): string {
  const value = m.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
  return `${m.name}${m.op}"${value}"`
}

/** Parses name="value" (also !=, =~, !~); null when it is not a matcher. */
export function parseMatcher(text: string): Matcher | null {
  const match = /^\s*([a-zA-Z_][a-zA-Z0-9_.-]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/.exec(text)
  if (!match) return null
  const [, name, op, raw] = match
  let value = raw
  if (raw.startsWith('"')) {
    if (raw.length < 2 || !raw.endsWith('"')) return null
    value = raw.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c))
  } else if (/[\s"]/.test(raw)) {
    return null
  }
  return { name, op: op as MatcherOp, value }
}

/** Whether a matcher matches the empty value (a label the alert lacks). */
export function matchesEmpty(m: Matcher): boolean {
  switch (m.op) {
    case '=':
      return m.value === ''
    case '!=':
      return m.value !== ''
    case '=~':
    case '!~': {
      let re: RegExp
      try {
        re = new RegExp(`^(?:${m.value})$`)
      } catch {
        return false
      }
      return m.op === '=~' ? re.test('') : !re.test('')
    }
  }
}

/**
 * The problems of a silence's matchers as message keys (checked again by the server): at least
 * one, valid names and expressions, and not all of them matching the empty value.
 */
export function matcherProblems(matchers: Matcher[]): string[] {
  const problems: string[] = []
  if (matchers.length === 0) problems.push('alertRouting.silence.needMatcher')
  if (matchers.some((m) => !NAME.test(m.name))) problems.push('alertRouting.silence.badName')
  if (
    matchers.some((m) => {
      if (m.op !== '=~' && m.op !== '!~') return false
      try {
        new RegExp(m.value)
        return false
      } catch {
        return true
      }
    })
  )
    problems.push('alertRouting.silence.badRegex')
  if (matchers.length > 0 && matchers.every(matchesEmpty)) problems.push('alertRouting.silence.matchesAll')
  return problems
}

/** Durations offered by the dialog, in minutes. */
export const DURATIONS = [30, 60, 120, 240, 480, 1440, 4320, 10080]

/** The end of a silence starting now and lasting `minutes`, as ISO-8601. */
export function endsAfter(minutes: number, now: number = Date.now()): string {
  return new Date(now + minutes * 60_000).toISOString()
}

/** Adds cluster="<cluster>" unless a cluster matcher is there: who may create it is decided by it. */
export function withCluster(cluster: string, matchers: Matcher[]): Matcher[] {
  if (!cluster || matchers.some((m) => m.name === 'cluster')) return matchers
  return [{ name: 'cluster', op: '=', value: cluster }, ...matchers]
}
