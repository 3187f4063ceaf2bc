import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { findings, rules } from '@/features/diagnostics/api'
import { filterFromQuery, filterToQuery, inLanguage, objectPath, severityTag } from '@/features/diagnostics/diagnostics'

describe('diagnostics helpers', () => {
  it('picks the text of the console language', () => {
    const text = { en: 'Container in a crash loop', zh: '容器反复崩溃' }
    expect(inLanguage(text, 'zh-CN')).toBe('容器反复崩溃')
    expect(inLanguage(text, 'en')).toBe('Container in a crash loop')
    expect(inLanguage(null, 'en')).toBe('')
  })

  it('tags severities', () => {
    expect(severityTag('CRITICAL')).toBe('danger')
    expect(severityTag('WARNING')).toBe('warning')
    expect(severityTag('INFO')).toBe('info')
  })

  it('reads the filter from the URL, dropping unknown values, and writes back only what is set', () => {
    const filter = filterFromQuery({ severity: 'CRITICAL,BOGUS', state: 'later', namespace: ' shop ', rule: 'pod.crash-loop' })
    expect(filter).toEqual({
      severity: 'CRITICAL',
      rule: 'pod.crash-loop',
      namespace: 'shop',
      kind: undefined,
      name: undefined,
      state: undefined,
      text: undefined,
    })
    expect(filterToQuery(filter)).toEqual({ severity: 'CRITICAL', rule: 'pod.crash-loop', namespace: 'shop' })
  })

  it('links a subject to its object page', () => {
    expect(objectPath({ kind: 'Pod', namespace: 'shop', name: 'web-1' })).toBe('/objects/Pod/web-1?namespace=shop')
    expect(objectPath({ kind: 'Node', namespace: null, name: 'n1' })).toBe('/objects/Node/n1')
  })
})

describe('diagnostics api', () => {
  let urls: string[]
  beforeEach(() => {
    urls = []
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      urls.push(`${init.method ?? 'GET'} ${url}`)
      return new Response('{"items":[]}', { status: 200, headers: { 'Content-Type': 'application/json' } })
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('asks the server with the filters, the page and the object', async () => {
    await findings.list('c1', { severity: 'CRITICAL,WARNING', namespace: 'shop', state: 'all' }, 50, 100)
    await findings.about('c1', 'Pod', 'shop', 'web-1')
    await rules.runbook('pod.crash-loop')
    expect(urls).toEqual([
      'GET /api/v1/clusters/c1/findings?severity=CRITICAL%2CWARNING&namespace=shop&state=all&limit=50&offset=100',
      'GET /api/v1/clusters/c1/findings/object?kind=Pod&namespace=shop&name=web-1',
      'GET /api/v1/diagnostics/rules/pod.crash-loop/runbook',
    ])
    expect(findings.exportUrl('c1', { rule: 'pod.image-pull' }, 'csv')).toBe('/api/v1/clusters/c1/findings/export?rule=pod.image-pull&format=csv')
  })
})
