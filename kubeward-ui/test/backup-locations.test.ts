import { describe, expect, it } from 'vitest'
import { validName, where, type BackupLocation } from '@/features/backups/locations/api'

const base: BackupLocation = {
  name: 'x',
  type: 's3',
  prefix: '',
  pathStyle: true,
  hasCredentials: true,
  allowPrivateAddresses: false,
  builtIn: false,
}

describe('backup locations', () => {
  it('says where a location keeps its files', () => {
    expect(where({ ...base, type: 'local', builtIn: true, directory: '/data/backups' })).toBe('/data/backups')
    expect(where({ ...base, endpoint: 'http://127.0.0.1:7070', bucket: 'kw', prefix: 'site/' })).toBe(
      'http://127.0.0.1:7070 · kw/site/',
    )
    expect(where({ ...base, bucket: 'kw' })).toBe('AWS S3 · kw/')
  })

  it('accepts DNS labels only as names', () => {
    expect(validName('offsite-1')).toBe(true)
    expect(validName('Offsite')).toBe(false)
    expect(validName('-a')).toBe(false)
    expect(validName('a'.repeat(64))).toBe(false)
  })
})
