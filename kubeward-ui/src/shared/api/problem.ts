// Failures of the API as the console shows them. The server answers application/problem+json
// (RFC 9457) with `title`/`detail` already in the language of our Accept-Language header; this
// module turns any failed response (or a network error) into one Problem and says what to do with it.

/**
 * A failure as the console shows it. The server's own problems are the API document's `Problem`
 * (type, title, status and code always set); this type also holds what the console makes of an
 * answer that is no problem (a proxy's error page) and of a request that got no answer.
 */
export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  code?: string
  line?: number
  column?: number
  [property: string]: unknown
}

/** What the console does with a failure. */
export type ProblemAction = 'sign-in' | 'forbidden' | 'retry-later' | 'show'

export class ApiError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`)
    this.name = 'ApiError'
    this.problem = problem
  }
  get status(): number {
    return this.problem.status
  }
}

const PROBLEM_TYPE_PREFIX = 'urn:kubeward:problem:'

/** Builds a Problem from a status and a body that may or may not be problem+json. */
export function toProblem(status: number, body: unknown, statusText = ''): Problem {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const raw = body as Record<string, unknown>
    const problem: Problem = { ...raw, status: typeof raw.status === 'number' ? raw.status : status }
    if (!problem.code && typeof raw.type === 'string' && raw.type.startsWith(PROBLEM_TYPE_PREFIX)) {
      problem.code = raw.type.substring(PROBLEM_TYPE_PREFIX.length)
    }
    if (typeof raw.title === 'string' || typeof raw.detail === 'string') {
      return problem
    }
    // A JSON body that is not a problem (e.g. a proxy's error): keep the status, fall back below.
    return { ...problem, code: problem.code ?? codeOfStatus(status) }
  }
  const problem: Problem = { status, code: codeOfStatus(status) }
  if (typeof body === 'string' && body.trim() && body.length < 300 && !body.trimStart().startsWith('<')) {
    problem.detail = body.trim()
  } else if (statusText) {
    problem.detail = statusText
  }
  return problem
}

/** A Problem for a request that got no answer at all (server down, network gone). */
export function networkProblem(error: unknown): Problem {
  return {
    status: 0,
    code: 'network',
    detail: error instanceof Error ? error.message : String(error),
  }
}

/** Fallback codes when the server gave no problem body; the console has messages for each. */
export function codeOfStatus(status: number): string {
  switch (status) {
    case 0:
      return 'network'
    case 400:
      return 'invalid'
    case 401:
      return 'unauthenticated'
    case 403:
      return 'forbidden'
    case 404:
      return 'not-found'
    case 409:
      return 'conflict'
    case 413:
      return 'too-large'
    case 429:
      return 'throttled'
    case 503:
      return 'unavailable'
    default:
      return status >= 500 ? 'server' : 'unknown'
  }
}

/**
 * What to do: a 401 sends to the sign-in page (except for the sign-in request itself, whose 401
 * means wrong credentials and is shown), a 403 says what is not allowed, 429/503 ask to retry.
 */
export function actionFor(problem: Problem, isSignInRequest = false): ProblemAction {
  if (problem.status === 401 && !isSignInRequest) return 'sign-in'
  if (problem.status === 403) return 'forbidden'
  if (problem.status === 429 || problem.status === 503) return 'retry-later'
  return 'show'
}

export interface ProblemText {
  title: string
  detail: string
  /** "line 3, column 7" for YAML/JSON errors, else empty. */
  position: string
}

type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * The banner text: the server's localized title/detail when present, else the console's own message
 * for the status. `what` names the attempted action for 403s ("apply Deployment shop/web").
 */
export function describeProblem(problem: Problem, t: Translate, what?: string): ProblemText {
  const fallbackKey = `problem.${problem.code && KNOWN_CODES.has(problem.code) ? problem.code : codeOfStatus(problem.status)}`
  let title = problem.title?.trim() || t(`${fallbackKey}.title`)
  let detail = problem.detail?.trim() || t(`${fallbackKey}.detail`)
  if (problem.status === 403 && what) {
    detail = `${detail} ${t('problem.forbidden.action', { action: what })}`
  }
  if (problem.status === 0) {
    title = t('problem.network.title')
    detail = t('problem.network.detail')
  }
  const position =
    typeof problem.line === 'number'
      ? t('problem.position', { line: problem.line, column: problem.column ?? 1 })
      : ''
  return { title, detail, position }
}

export const KNOWN_CODES = new Set([
  'network',
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'too-large',
  'throttled',
  'unavailable',
  'server',
  'unknown',
])
