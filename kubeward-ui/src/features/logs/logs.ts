// Container logs in the console (ADR 0024): the pure parts of the log viewer — the stream's events,
// a bounded buffer of lines, search with highlight, the colour of a pod, the URLs — kept apart from
// the component so that vitest can check them.

import { clusterPath, enc } from '@/shared/api/endpoints'

/** The server's palette size (PodColours.PALETTE): a pod's colour index is below it. */
export const POD_COLOURS = [
  '#0f9bd7', '#d4a106', '#2ba84a', '#b05cc6', '#3a6fe0', '#d9534f',
  '#17a2a2', '#c27c0e', '#6c9a1f', '#d6458e', '#5b6ee1', '#b55a30',
]

export function podColour(index: number): string {
  return POD_COLOURS[((index % POD_COLOURS.length) + POD_COLOURS.length) % POD_COLOURS.length]
}

/** One line as the viewer keeps it. `seq` grows by one per line (a stable key). */
export interface ViewLine {
  seq: number
  pod: string
  container: string
  colour: number
  timestamp: string | null
  text: string
  truncated: boolean
  /** A note of the viewer itself (pod joined/left, more pods than followed, a refusal). */
  note?: 'joined' | 'left' | 'capped' | 'ended' | 'finished'
}

/** The events of GET .../logs/stream (see LogsController). */
export type LogEvent =
  | { type: 'lines'; pod: string; container: string; colour: number; lines: { timestamp: string | null; text: string; truncated: boolean }[] }
  | { type: 'joined'; pod: string; containers: string[]; colour: number; initial: boolean }
  | { type: 'left'; pod: string; reason: string }
  | { type: 'capped'; matched: number; followed: number; skipped: string[] }
  | { type: 'ended'; pod: string; container: string; reason: string; code: string | null; message: string | null }
  | { type: 'finished'; reason: string }
  | { type: 'closed'; reason: string }
  | { type: 'overflow' }

/** The last `capacity` lines: older ones are dropped (and counted), so memory stays bounded. */
export class LineBuffer {
  private items: ViewLine[] = []
  private next = 0
  dropped = 0
  constructor(readonly capacity = 10_000) {}

  push(line: Omit<ViewLine, 'seq'>): ViewLine {
    const kept = { ...line, seq: this.next++ }
    this.items.push(kept)
    if (this.items.length > this.capacity) {
      const extra = this.items.length - this.capacity
      this.items.splice(0, extra)
      this.dropped += extra
    }
    return kept
  }

  lines(): readonly ViewLine[] {
    return this.items
  }

  clear(): void {
    this.items = []
    this.dropped = 0
  }
}

/** Reads Server-Sent Events from text chunks as they arrive (a chunk may end mid-line). */
export class SseReader {
  private rest = ''
  private name = ''
  private data: string[] = []

  /** The complete events in `chunk` (and what was left over before). */
  push(chunk: string): { name: string; data: string }[] {
    const events: { name: string; data: string }[] = []
    const text = this.rest + chunk
    const lines = text.split(/\r\n|\n|\r/)
    this.rest = lines.pop() ?? ''
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) events.push({ name: this.name || 'message', data: this.data.join('\n') })
        this.name = ''
        this.data = []
      } else if (line.startsWith(':')) {
        // a comment (connected, keep-alive)
      } else {
        const colon = line.indexOf(':')
        const field = colon < 0 ? line : line.substring(0, colon)
        let value = colon < 0 ? '' : line.substring(colon + 1)
        if (value.startsWith(' ')) value = value.substring(1)
        if (field === 'event') this.name = value
        else if (field === 'data') this.data.push(value)
      }
    }
    return events
  }
}

/** An event's JSON as a LogEvent, or null for anything else. */
export function parseLogEvent(name: string, data: string): LogEvent | null {
  try {
    const body = data ? JSON.parse(data) : {}
    return { ...body, type: name } as LogEvent
  } catch {
    return null
  }
}

/** A case-insensitive search: the indexes (into `lines`) of the lines that contain `query`. */
export function findMatches(lines: readonly ViewLine[], query: string): number[] {
  if (!query) return []
  const q = query.toLowerCase()
  const found: number[] = []
  lines.forEach((line, i) => {
    if (!line.note && line.text.toLowerCase().includes(q)) found.push(i)
  })
  return found
}

/** The text cut into pieces, the ones equal to `query` (ignoring case) marked. */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  if (!query) return [{ text, match: false }]
  const lower = text.toLowerCase()
  const q = query.toLowerCase()
  const parts: { text: string; match: boolean }[] = []
  let at = 0
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    if (i > at) parts.push({ text: text.substring(at, i), match: false })
    parts.push({ text: text.substring(i, i + q.length), match: true })
    at = i + q.length
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.substring(at), match: false })
  return parts
}

/** The next (or previous) match after `current`, wrapping around; -1 if there is none. */
export function stepMatch(matches: number[], current: number, direction: 1 | -1): number {
  if (matches.length === 0) return -1
  if (current < 0) return direction === 1 ? 0 : matches.length - 1
  return (current + direction + matches.length) % matches.length
}

/** What the viewer asks for; blanks are not sent. */
export interface LogQuery {
  container?: string
  follow: boolean
  previous: boolean
  timestamps: boolean
  since?: string
  tailLines?: number | null
}

export interface LogTarget {
  namespace: string
  pod?: string
  selector?: string
  workloadKind?: string
  workloadName?: string
}

function query(target: LogTarget, options: LogQuery, download = false): string {
  const params = new URLSearchParams()
  if (!download) params.set('follow', String(options.follow))
  if (options.container) params.set('container', options.container)
  if (options.previous) params.set('previous', 'true')
  if (options.timestamps) params.set('timestamps', 'true')
  if (options.since) params.set('since', options.since)
  if (options.tailLines !== undefined && options.tailLines !== null) params.set('tailLines', String(options.tailLines))
  if (!target.pod) {
    if (target.selector) params.set('selector', target.selector)
    if (target.workloadKind) params.set('workloadKind', target.workloadKind)
    if (target.workloadName) params.set('workloadName', target.workloadName)
  }
  return params.toString()
}

/** The SSE stream of one pod's container, or of the pods of a selector/workload. */
export function streamUrl(cluster: string, target: LogTarget, options: LogQuery): string {
  const ns = `${clusterPath(cluster)}/namespaces/${enc(target.namespace)}`
  const path = target.pod ? `${ns}/pods/${enc(target.pod)}/logs/stream` : `${ns}/logs/stream`
  return `${path}?${query(target, options)}`
}

/** The plain-text download of one pod's container (never followed). */
export function downloadUrl(cluster: string, target: LogTarget & { pod: string }, options: LogQuery): string {
  return `${clusterPath(cluster)}/namespaces/${enc(target.namespace)}/pods/${enc(target.pod)}/logs?${query(target, options, true)}`
}

/** The visible lines as text (for a download of a multi-pod view), prefixed with pod/container. */
export function asText(lines: readonly ViewLine[], prefixed: boolean): string {
  return lines
    .filter((l) => !l.note)
    .map((l) => `${prefixed ? `${l.pod} ${l.container} ` : ''}${l.timestamp ? `${l.timestamp} ` : ''}${l.text}`)
    .join('\n')
}
