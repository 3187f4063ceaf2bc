// Pure helpers of the Helm pages (tested in test/helm.test.ts).

import type { ChartSource } from './api'

/** Element Plus tag type for a Helm status. */
export function statusType(status: string): 'success' | 'warning' | 'danger' | 'info' {
  if (status === 'deployed') return 'success'
  if (status === 'failed') return 'danger'
  if (status.startsWith('pending') || status === 'uninstalling') return 'warning'
  return 'info'
}

/** Element Plus tag type for a hook's last run phase. */
export function phaseType(phase: string): 'success' | 'warning' | 'danger' | 'info' {
  if (phase === 'Succeeded') return 'success'
  if (phase === 'Failed') return 'danger'
  if (phase === 'Running') return 'warning'
  return 'info'
}

export type SourceKind = 'repository' | 'oci' | 'upload'

/** The form's fields as the one chart source the API accepts (empty strings left out). */
export function chartSource(kind: SourceKind, form: { repository: string; chart: string; oci: string; version: string }, archive?: { base64: string; fileName: string } | null): ChartSource {
  const version = form.version.trim() || null
  if (kind === 'oci') return { oci: form.oci.trim(), version }
  if (kind === 'upload') return { archive: archive?.base64 ?? null, fileName: archive?.fileName ?? null }
  return { repository: form.repository.trim(), chart: form.chart.trim(), version }
}

/** Base64 of a file's bytes (for an uploaded chart). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}
