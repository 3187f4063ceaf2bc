// Kubernetes units for every number a chart or a usage table shows: CPU in cores or millicores
// ("250m", "1.5"), memory in binary suffixes without "B" ("512Mi", "1.5Gi"), as kubectl writes them.
// The API sends CPU in millicores and memory in bytes (ADR 0019); this is the one place that turns
// them into text, for tables, axes and tooltips alike. Pure, unit-tested (test/units.test.ts).

/** What a number measures; decides how it is written. */
export type Unit = 'cpu' | 'memory' | 'bytes-per-second' | 'count' | 'ratio' | 'number'

const BINARY = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

/** Up to `digits` decimals, trailing zeros dropped: 1.50 → "1.5", 2.00 → "2". */
function trim(value: number, digits: number): string {
  const text = value.toFixed(digits)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

const missing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || Number.isNaN(value)

/**
 * CPU from millicores: below one core in millicores ("250m", "0" for nothing), from one core on in
 * cores with at most two decimals ("1.5", "12"). Negative values keep their sign.
 */
export function formatCpu(millicores: number | null | undefined): string {
  if (missing(millicores)) return '–'
  const sign = millicores < 0 ? '-' : ''
  const m = Math.abs(millicores)
  if (m === 0) return '0'
  // Sub-millicore usage (a few µcores) still reads as something, not as zero.
  if (m < 1) return `${sign}${trim(m, 2)}m`
  if (Math.round(m) < 1000) return `${sign}${Math.round(m)}m`
  return sign + trim(m / 1000, 2)
}

/** Memory from bytes: "0", "512Ki", "128Mi", "1.5Gi" (binary, at most two significant decimals). */
export function formatMemory(bytes: number | null | undefined): string {
  if (missing(bytes)) return '–'
  const sign = bytes < 0 ? '-' : ''
  let v = Math.abs(bytes)
  if (v === 0) return '0'
  let unit = 0
  while (v >= 1024 && unit < BINARY.length - 1) {
    v /= 1024
    unit++
  }
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2
  return sign + trim(v, digits) + BINARY[unit]
}

/** A rate of bytes: "0/s", "12Ki/s", "1.2Mi/s". */
export function formatBytesPerSecond(value: number | null | undefined): string {
  if (missing(value)) return '–'
  return `${formatMemory(value)}/s`
}

/** A count with thousands grouped lightly: "7", "1,024"; fractions to two decimals. */
export function formatCount(value: number | null | undefined): string {
  if (missing(value)) return '–'
  const rounded = Number.isInteger(value) ? value : Number(trim(value, 2))
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** A ratio as a percentage: 0.456 → "46%", 1.5 → "150%". */
export function formatRatio(value: number | null | undefined): string {
  if (missing(value)) return '–'
  return `${Math.round(value * 100)}%`
}

/** Any value in its unit. */
export function formatValue(unit: Unit, value: number | null | undefined): string {
  switch (unit) {
    case 'cpu':
      return formatCpu(value)
    case 'memory':
      return formatMemory(value)
    case 'bytes-per-second':
      return formatBytesPerSecond(value)
    case 'count':
      return formatCount(value)
    case 'ratio':
      return formatRatio(value)
    default:
      return missing(value) ? '–' : trim(value, 3)
  }
}

/**
 * The console's unit of a unit name the API sends with a series (`millicores`, `bytes`,
 * `bytes/s`, `count`, ...) or of a metric name when the unit is absent.
 */
export function unitOf(apiUnit: string | null | undefined, metric?: string | null): Unit {
  const u = (apiUnit ?? '').toLowerCase()
  if (u.includes('core') || u === 'm' || u === 'cpu') return 'cpu'
  if (u.includes('byte') && (u.includes('/s') || u.includes('per') || u.includes('sec'))) return 'bytes-per-second'
  if (u.includes('byte') || u === 'memory') return 'memory'
  if (u === 'ratio' || u === 'percent') return 'ratio'
  if (u === 'count' || u === 'pods' || u === '1') return 'count'
  switch (metric) {
    case 'cpu':
      return 'cpu'
    case 'memory':
    case 'filesystem':
      return 'memory'
    case 'network-receive':
    case 'network-transmit':
      return 'bytes-per-second'
    case 'pods':
      return 'count'
    default:
      return 'number'
  }
}

/**
 * The unit of a ResourceQuota's resource name: `requests.cpu`/`limits.cpu`/`cpu` in millicores,
 * memory and storage in bytes, everything else (`pods`, `count/deployments.apps`, `services`) a count.
 */
export function unitOfResource(resource: string): Unit {
  const r = resource.toLowerCase()
  if (r.startsWith('count/')) return 'count'
  if (r === 'cpu' || r.endsWith('.cpu')) return 'cpu'
  if (r === 'memory' || r.endsWith('.memory') || r.includes('storage')) return 'memory'
  return 'count'
}

/**
 * Parses a Kubernetes quantity ("250m", "1.5", "512Mi", "2G", "1e3") into the API's base numbers:
 * millicores for CPU (`cpu` true), else plain units (bytes, counts). Null when it is no quantity.
 */
export function parseQuantity(text: string, cpu = false): number | null {
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?\s*$/.exec(text)
  if (!match) return null
  const number = Number(match[1])
  const suffix = match[2] ?? ''
  const factors: Record<string, number> = {
    '': 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
    Pi: 1024 ** 5,
    Ei: 1024 ** 6,
  }
  const value = number * factors[suffix]
  return cpu ? Math.round(value * 1000 * 1000) / 1000 : value
}

/** `part / whole`, null when either is missing or the whole is not positive. */
export function ratio(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (missing(part) || missing(whole) || whole <= 0) return null
  return part / whole
}
