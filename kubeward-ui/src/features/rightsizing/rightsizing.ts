// Pure helpers of the right-sizing page: how waste and usage read, what a row's apply sends.

import type { ApplyBody, Row } from './api'

const MI = 1024 * 1024
const GI = 1024 * MI

/** Millicores as people write them: "250m", "1.5 cores"; the sign kept ("-120m": requested too little). */
export function cpuText(millis: number): string {
  const sign = millis < 0 ? '-' : ''
  const m = Math.abs(millis)
  return m >= 1000 ? `${sign}${(m / 1000).toFixed(m % 1000 === 0 ? 0 : 2)}` : `${sign}${Math.round(m)}m`
}

/** Bytes as people write them: "96Mi", "1.5Gi". */
export function memoryText(bytes: number): string {
  const sign = bytes < 0 ? '-' : ''
  const b = Math.abs(bytes)
  if (b >= GI) return `${sign}${(b / GI).toFixed(b % GI === 0 ? 0 : 2)}Gi`
  return `${sign}${Math.round(b / MI)}Mi`
}

/** The apply (or export) of a row: its recommendation, exactly that container. */
export function applyBody(row: Row, raiseLimits = false): ApplyBody {
  return {
    namespace: row.namespace,
    kind: row.kind,
    name: row.workload,
    container: row.container,
    cpu: row.cpuRecommended ?? null,
    memory: row.memoryRecommended ?? null,
    raiseLimits,
  }
}

/** Whether a row has something to apply: a recommendation that differs from the requests. */
export function applicable(row: Row): boolean {
  return (
    !!row.cpuRecommended &&
    !!row.memoryRecommended &&
    row.verdict !== 'no-data' &&
    row.verdict !== 'right-sized'
  )
}

/** The element-plus tag type of a verdict. */
export function verdictTag(verdict: Row['verdict']): 'danger' | 'warning' | 'info' | 'success' {
  switch (verdict) {
    case 'over-committed':
    case 'no-requests':
      return 'danger'
    case 'idle':
    case 'over-provisioned':
      return 'warning'
    case 'right-sized':
      return 'success'
    default:
      return 'info'
  }
}
