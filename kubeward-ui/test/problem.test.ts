import { describe, expect, it } from 'vitest'
import { actionFor, ApiError, codeOfStatus, describeProblem, networkProblem, toProblem } from '@/shared/api/problem'
import en from '@/shared/i18n/en'
import { translator } from './translate'

const t = translator(en)

describe('toProblem', () => {
  it('keeps a problem+json body with its localized title, detail and code', () => {
    const problem = toProblem(400, {
      type: 'urn:kubeward:problem:resource.malformed',
      title: 'YAML 格式错误',
      status: 400,
      detail: '第 3 行无法解析',
      code: 'resource.malformed',
      line: 3,
      column: 7,
    })
    expect(problem).toMatchObject({ status: 400, code: 'resource.malformed', title: 'YAML 格式错误', line: 3, column: 7 })
  })

  it('derives the code from the type when the code member is missing', () => {
    expect(toProblem(503, { type: 'urn:kubeward:problem:cluster.unreachable', title: 'x' }).code).toBe('cluster.unreachable')
  })

  it('falls back to a code per status for bodies that are not problems', () => {
    expect(toProblem(502, '<html>Bad gateway</html>', 'Bad Gateway')).toEqual({ status: 502, code: 'server', detail: 'Bad Gateway' })
    expect(toProblem(404, undefined)).toEqual({ status: 404, code: 'not-found' })
    expect(toProblem(409, { message: 'nope' }).code).toBe('conflict')
  })

  it('uses a short plain-text body as the detail', () => {
    expect(toProblem(400, 'limit must be a number').detail).toBe('limit must be a number')
  })
})

describe('actionFor', () => {
  it('sends a 401 to sign-in except for the sign-in request itself', () => {
    expect(actionFor({ status: 401 })).toBe('sign-in')
    expect(actionFor({ status: 401 }, true)).toBe('show')
  })
  it('says forbidden for 403 and retry for 429 and 503', () => {
    expect(actionFor({ status: 403 })).toBe('forbidden')
    expect(actionFor({ status: 429 })).toBe('retry-later')
    expect(actionFor({ status: 503 })).toBe('retry-later')
    expect(actionFor({ status: 400 })).toBe('show')
  })
})

describe('describeProblem', () => {
  it('prefers the server text and adds the YAML position', () => {
    const text = describeProblem({ status: 400, title: 'Malformed YAML', detail: 'mapping values are not allowed', line: 4, column: 9 }, t)
    expect(text).toEqual({ title: 'Malformed YAML', detail: 'mapping values are not allowed', position: 'line 4, column 9' })
  })

  it('falls back to the console message for the status', () => {
    expect(describeProblem({ status: 413, code: 'too-large' }, t).title).toBe('Too large')
    expect(describeProblem({ status: 500 }, t).title).toBe('Server error')
    expect(describeProblem({ status: 418 }, t).title).toBe('Request failed')
  })

  it('says what was not allowed on a 403', () => {
    const text = describeProblem({ status: 403, title: 'Forbidden', detail: 'viewer may not apply in shop.' }, t, 'apply Deployment shop/web')
    expect(text.detail).toBe('viewer may not apply in shop. Not allowed: apply Deployment shop/web.')
  })

  it('explains a network failure', () => {
    expect(describeProblem(networkProblem(new TypeError('Failed to fetch')), t).title).toBe('No connection')
  })
})

describe('ApiError', () => {
  it('carries the problem and its status', () => {
    const error = new ApiError({ status: 403, detail: 'no' })
    expect(error.status).toBe(403)
    expect(error.message).toBe('no')
  })
  it('has a code for every status the API documents', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 429, 503]) expect(codeOfStatus(status)).not.toBe('unknown')
  })
})
