// The one HTTP client of the console: same-origin requests with the session cookie, the CSRF
// header on mutating requests, Accept-Language from the console's language, and every failure
// turned into an ApiError carrying a Problem (see problem.ts).

import { ApiError, networkProblem, toProblem } from './problem'

export const CSRF_COOKIE = 'XSRF-TOKEN'
export const CSRF_HEADER = 'X-XSRF-TOKEN'

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export interface RequestOptions {
  body?: unknown
  /** Sent as-is when a string (e.g. YAML), else as JSON. */
  contentType?: string
  accept?: string
  /** For the sign-in request: a 401 means wrong credentials, not an expired session. */
  signIn?: boolean
}

interface ClientHooks {
  language: () => string
  onUnauthenticated: () => void
}

const hooks: ClientHooks = {
  language: () => 'en',
  onUnauthenticated: () => {},
}

export function configureClient(configured: Partial<ClientHooks>): void {
  Object.assign(hooks, configured)
}

/** A cookie's value from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const index = part.indexOf('=')
    if (index < 0) continue
    if (part.substring(0, index).trim() === name) {
      return decodeURIComponent(part.substring(index + 1).trim())
    }
  }
  return null
}

function csrfToken(): string | null {
  return typeof document === 'undefined' ? null : readCookie(document.cookie, CSRF_COOKIE)
}

/** Makes the server issue the XSRF-TOKEN cookie if we have none yet (it is set on any answer). */
async function ensureCsrfCookie(): Promise<void> {
  if (csrfToken()) return
  try {
    await fetch('/api/v1/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  } catch {
    // the real request below reports the failure
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json, application/problem+json',
    'Accept-Language': hooks.language(),
    'X-Requested-With': 'XMLHttpRequest',
  }
  let body: BodyInit | undefined
  if (options.body !== undefined) {
    if (typeof options.body === 'string') {
      body = options.body
      headers['Content-Type'] = options.contentType ?? 'text/plain'
    } else {
      body = JSON.stringify(options.body)
      headers['Content-Type'] = options.contentType ?? 'application/json'
    }
  }
  if (MUTATING.has(method)) {
    await ensureCsrfCookie()
    const token = csrfToken()
    if (token) headers[CSRF_HEADER] = token
  }
  let response: Response
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' })
  } catch (error) {
    throw new ApiError(networkProblem(error))
  }
  if (!response.ok) {
    const problem = toProblem(response.status, await readBody(response), response.statusText)
    if (response.status === 401 && !options.signIn) hooks.onUnauthenticated()
    throw new ApiError(problem)
  }
  if (response.status === 204 || response.status === 202) {
    return (await readBody(response)) as T
  }
  return (await readBody(response)) as T
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  return text
}
