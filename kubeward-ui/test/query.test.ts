import { describe, expect, it } from 'vitest'
import { clampLimit, listQuery, pageCount, Pager, parseSort, sortParam, toQueryString } from '@/shared/api/query'

describe('toQueryString', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(toQueryString({ a: '', b: undefined, c: null, d: ' x y ', e: 0, f: false })).toBe('?d=x+y&e=0&f=false')
    expect(toQueryString({})).toBe('')
  })
})

describe('listQuery', () => {
  it('builds the documented list parameters', () => {
    expect(listQuery({ namespace: 'broken', problem: 'CrashLoopBackOff', labelSelector: 'app in (a,b),tier!=db' }, '-restarts', 100, 'tok/1')).toBe(
      '?namespace=broken&labelSelector=app+in+%28a%2Cb%29%2Ctier%21%3Ddb&problem=CrashLoopBackOff&sort=-restarts&limit=100&continue=tok%2F1',
    )
  })
  it('always sends a limit, never more than the server maximum', () => {
    expect(listQuery({}, undefined, 100000, null)).toBe('?limit=500')
    expect(listQuery({}, undefined, 0, null)).toBe('?limit=50')
  })
})

describe('sort', () => {
  it('maps table sort to the API sort key', () => {
    expect(sortParam('age', 'descending')).toBe('-age')
    expect(sortParam('name', 'ascending')).toBe('name')
    expect(sortParam('name', null)).toBeUndefined()
    expect(sortParam('ip', 'ascending')).toBeUndefined()
  })
  it('reads a sort key back', () => {
    expect(parseSort('-restarts')).toEqual({ prop: 'restarts', order: 'descending' })
    expect(parseSort('name')).toEqual({ prop: 'name', order: 'ascending' })
    expect(parseSort(undefined)).toBeUndefined()
  })
})

describe('Pager', () => {
  it('walks forward with continue tokens and back through the ones it saw', () => {
    const pager = new Pager()
    expect(pager.current).toBeNull()
    pager.loaded('t2')
    expect(pager.hasNext).toBe(true)
    expect(pager.next()).toBe('t2')
    expect(pager.page).toBe(2)
    pager.loaded('t3')
    expect(pager.next()).toBe('t3')
    pager.loaded(null)
    expect(pager.hasNext).toBe(false)
    expect(pager.next()).toBeNull()
    expect(pager.previous()).toBe('t2')
    expect(pager.previous()).toBeNull()
    expect(pager.hasPrevious).toBe(false)
  })
  it('resets to the first page', () => {
    const pager = new Pager()
    pager.loaded('t2')
    pager.next()
    pager.reset()
    expect(pager.page).toBe(1)
    expect(pager.current).toBeNull()
  })
})

describe('limits and pages', () => {
  it('clamps limits and counts pages', () => {
    expect(clampLimit(20)).toBe(20)
    expect(clampLimit(Number.NaN)).toBe(50)
    expect(pageCount(30000, 50)).toBe(600)
    expect(pageCount(0, 50)).toBe(1)
  })
})
