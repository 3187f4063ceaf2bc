import { describe, expect, it } from 'vitest'
import { chartSource, phaseType, statusType, toBase64 } from '@/features/helm/helm'

describe('helm helpers', () => {
  it('colours statuses and hook phases', () => {
    expect(statusType('deployed')).toBe('success')
    expect(statusType('failed')).toBe('danger')
    expect(statusType('pending-upgrade')).toBe('warning')
    expect(statusType('superseded')).toBe('info')
    expect(phaseType('Succeeded')).toBe('success')
    expect(phaseType('Failed')).toBe('danger')
    expect(phaseType('Unknown')).toBe('info')
  })

  it('sends exactly one chart source', () => {
    const form = { repository: ' http://h/ ', chart: 'demo', oci: 'oci://r/demo', version: '' }
    expect(chartSource('repository', form)).toEqual({ repository: 'http://h/', chart: 'demo', version: null })
    expect(chartSource('oci', { ...form, version: '1.0.0' })).toEqual({ oci: 'oci://r/demo', version: '1.0.0' })
    expect(chartSource('upload', form, { base64: 'H4s=', fileName: 'demo.tgz' })).toEqual({ archive: 'H4s=', fileName: 'demo.tgz' })
  })

  it('encodes bytes as base64', () => {
    expect(toBase64(new Uint8Array([0x1f, 0x8b, 0x08]))).toBe('H4sI')
  })
})
