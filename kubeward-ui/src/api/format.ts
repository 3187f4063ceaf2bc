// Display helpers for quantities and times, pure so that they are unit-tested.

type Translate = (key: string, values?: Record<string, unknown>) => string

/** "3d", "5h", "12m", "40s" from an RFC 3339 time (or seconds), relative to `now`. */
export function age(value: unknown, t: Translate, now: number = Date.now()): string {
  let seconds: number
  if (typeof value === 'number') {
    seconds = value
  } else if (typeof value === 'string' && value) {
    const time = Date.parse(value)
    if (Number.isNaN(time)) return value
    seconds = Math.max(0, Math.floor((now - time) / 1000))
  } else {
    return ''
  }
  if (seconds < 60) return t('age.s', { n: seconds })
  if (seconds < 3600) return t('age.m', { n: Math.floor(seconds / 60) })
  if (seconds < 86400) return t('age.h', { n: Math.floor(seconds / 3600) })
  return t('age.d', { n: Math.floor(seconds / 86400) })
}

export function cpu(millis: number | null | undefined): string {
  if (millis === null || millis === undefined) return '–'
  if (millis % 1000 === 0) return String(millis / 1000)
  return millis >= 1000 ? (millis / 1000).toFixed(1) : `${millis}m`
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

export function bytes(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–'
  let v = value
  let unit = 0
  while (v >= 1024 && unit < UNITS.length - 1) {
    v /= 1024
    unit++
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${UNITS[unit]}`
}

export function percent(part: number | null | undefined, whole: number | null | undefined): number {
  if (!part || !whole) return 0
  return Math.min(100, Math.round((part / whole) * 100))
}

/** "app=web, tier=db" from a label map. */
export function labels(value: unknown): string {
  if (!value || typeof value !== 'object') return ''
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')
}

function path(item: unknown, name: string): unknown {
  let value: unknown = item
  for (const part of name.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined
  }
  return value
}

/**
 * The first present field among several names (compact views differ a little per kind); generic
 * views keep kind-specific values under `fields`, which is searched too.
 */
export function field(item: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) {
    for (const value of [path(item, name), path(item.fields, name)]) {
      if (value !== undefined && value !== null && value !== '') return value
    }
  }
  return undefined
}

/** "2/3" from two numeric fields (ready of desired); empty when the first is missing. */
export function ratio(item: Record<string, unknown>, part: string, whole: string): string {
  const a = field(item, part)
  const b = field(item, whole)
  if (a === undefined) return ''
  return b === undefined ? String(a) : `${a}/${b}`
}

/** Any value as table text: arrays joined, objects as k=v, the rest as strings. */
export function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return value.map(text).join(', ')
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('kind' in record && 'name' in record) return `${record.kind}/${record.name}`
    return labels(value)
  }
  return String(value)
}

/** Lines of a unified diff with their kind, for colouring. */
export function diffLines(diff: string): { kind: 'add' | 'del' | 'hunk' | 'meta' | 'ctx'; text: string }[] {
  return diff
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return { kind: 'meta' as const, text: line }
      if (line.startsWith('@@')) return { kind: 'hunk' as const, text: line }
      if (line.startsWith('+')) return { kind: 'add' as const, text: line }
      if (line.startsWith('-')) return { kind: 'del' as const, text: line }
      return { kind: 'ctx' as const, text: line }
    })
}
