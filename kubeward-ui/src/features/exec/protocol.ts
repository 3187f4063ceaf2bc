// The exec WebSocket protocol of Kubeward (ADR 0025), pure: binary frames whose first byte is the
// channel. Client → server: 0 stdin, 4 resize {"cols","rows"}, 5 end of input. Server → client:
// 1 stdout, 2 stderr, 3 a JSON status (open, exit, closed, problem). A problem closes the socket
// with code 4000 + its HTTP status.

import type { Problem } from '@/shared/api/problem'

export const STDIN = 0
export const STDOUT = 1
export const STDERR = 2
export const STATUS = 3
export const RESIZE = 4
export const EOF = 5

/** The shells the server accepts (its allow-list); the settings answer repeats it. */
export const SHELLS = ['/bin/sh', '/bin/bash', '/bin/ash', '/bin/zsh'] as const

export type Status =
  | { type: 'open'; command?: string; tty?: boolean }
  | { type: 'exit'; code: number }
  | { type: 'closed'; reason: string }
  | { type: 'problem'; problem: Problem }

export type Frame =
  | { kind: 'output'; channel: typeof STDOUT | typeof STDERR; data: Uint8Array }
  | { kind: 'status'; status: Status }
  | { kind: 'unknown'; channel: number }

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function frame(channel: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 1)
  out[0] = channel
  out.set(payload, 1)
  return out
}

/** What the user typed (xterm's onData gives text; onBinary gives latin-1 strings of bytes). */
export function stdinFrame(data: string | Uint8Array): Uint8Array {
  return frame(STDIN, typeof data === 'string' ? encoder.encode(data) : data)
}

/** A resize to whole columns and rows, clamped to what the server accepts (1–1000). */
export function resizeFrame(cols: number, rows: number): Uint8Array {
  const clamp = (n: number) => Math.min(1000, Math.max(1, Math.floor(n) || 1))
  return frame(RESIZE, encoder.encode(JSON.stringify({ cols: clamp(cols), rows: clamp(rows) })))
}

export function eofFrame(): Uint8Array {
  return frame(EOF, new Uint8Array(0))
}

/** Reads one message from the server. */
export function decode(message: ArrayBuffer | Uint8Array): Frame {
  const bytes = message instanceof Uint8Array ? message : new Uint8Array(message)
  if (bytes.length === 0) return { kind: 'unknown', channel: -1 }
  const channel = bytes[0]
  const payload = bytes.subarray(1)
  if (channel === STDOUT || channel === STDERR) return { kind: 'output', channel, data: payload }
  if (channel === STATUS) {
    try {
      return { kind: 'status', status: JSON.parse(decoder.decode(payload)) as Status }
    } catch {
      return { kind: 'unknown', channel }
    }
  }
  return { kind: 'unknown', channel }
}

export interface ExecTarget {
  cluster: string
  namespace: string
  pod: string
  container?: string
  shell: string
  cols: number
  rows: number
}

/** The socket's URL on the page's own origin (the server checks the Origin of a session). */
export function execUrl(target: ExecTarget, location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const enc = encodeURIComponent
  const query = new URLSearchParams()
  if (target.container) query.set('container', target.container)
  query.set('shell', target.shell)
  query.set('cols', String(Math.max(1, Math.floor(target.cols))))
  query.set('rows', String(Math.max(1, Math.floor(target.rows))))
  return (
    `${scheme}//${location.host}/api/v1/clusters/${enc(target.cluster)}/namespaces/${enc(target.namespace)}` +
    `/pods/${enc(target.pod)}/exec?${query.toString()}`
  )
}

/** The HTTP status a close code stands for (4000 + status), or null for an ordinary close. */
export function statusOfClose(code: number): number | null {
  return code >= 4100 && code < 4600 ? code - 4000 : null
}

/** What the terminal shows after the socket closed, from the last status and the close code. */
export type Ending =
  | { kind: 'exited'; code: number }
  | { kind: 'closed'; reason: string }
  | { kind: 'refused'; problem: Problem }
  | { kind: 'lost'; code: number }

export function ending(last: Status | null, closeCode: number): Ending {
  if (last?.type === 'problem') return { kind: 'refused', problem: last.problem }
  if (last?.type === 'exit') return { kind: 'exited', code: last.code }
  if (last?.type === 'closed') return { kind: 'closed', reason: last.reason }
  const status = statusOfClose(closeCode)
  if (status !== null) return { kind: 'refused', problem: { status, code: undefined } }
  return { kind: 'lost', code: closeCode }
}
