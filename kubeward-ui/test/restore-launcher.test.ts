import { describe, expect, it } from 'vitest'
import { describe as describeRef, parseMapping } from '@/features/backups/restore/api'

describe('restore launcher helpers', () => {
  it('parses a namespace mapping written as from=to pairs', () => {
    expect(parseMapping('')).toEqual({})
    expect(parseMapping('shop=shop-copy, a=b')).toEqual({ 'shop': 'shop-copy', a: 'b' })
    expect(parseMapping('shop')).toBeNull()
    expect(parseMapping('a=b=c')).toBeNull()
    expect(parseMapping('=b')).toBeNull()
  })

  it('describes objects as kind namespace/name', () => {
    expect(describeRef({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'a' })).toBe('ConfigMap shop/a')
    expect(describeRef({ apiVersion: 'v1', kind: 'Namespace', name: 'shop' })).toBe('Namespace shop')
  })
})
