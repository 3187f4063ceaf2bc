import { describe, expect, it } from 'vitest'
import { decode, ending, eofFrame, execUrl, resizeFrame, STATUS, stdinFrame, STDERR, STDOUT, statusOfClose } from '@/features/exec/protocol'

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const message = (channel: number, body: string) => {
  const payload = new TextEncoder().encode(body)
  const out = new Uint8Array(payload.length + 1)
  out[0] = channel
  out.set(payload, 1)
  return out.buffer
}

describe('exec protocol', () => {
  it('frames stdin (text and bytes), resize and end of input with their channel', () => {
    const typed = stdinFrame('ls -l\r')
    expect(typed[0]).toBe(0)
    expect(text(typed.subarray(1))).toBe('ls -l\r')
    expect(Array.from(stdinFrame(new Uint8Array([0, 255, 7])))).toEqual([0, 0, 255, 7])
    const resize = resizeFrame(120.7, 0)
    expect(resize[0]).toBe(4)
    expect(JSON.parse(text(resize.subarray(1)))).toEqual({ cols: 120, rows: 1 })
    expect(JSON.parse(text(resizeFrame(5000, 40).subarray(1)))).toEqual({ cols: 1000, rows: 40 })
    expect(Array.from(eofFrame())).toEqual([5])
  })

  it('reads output and status frames, binary-safe', () => {
    const out = decode(new Uint8Array([STDOUT, 0x1b, 0x5b, 0xff]))
    expect(out).toEqual({ kind: 'output', channel: STDOUT, data: new Uint8Array([0x1b, 0x5b, 0xff]) })
    expect(decode(message(STDERR, 'oops')).kind).toBe('output')
    expect(decode(message(STATUS, '{"type":"exit","code":3}'))).toEqual({ kind: 'status', status: { type: 'exit', code: 3 } })
    expect(decode(message(STATUS, 'not json')).kind).toBe('unknown')
    expect(decode(new Uint8Array([9])).kind).toBe('unknown')
    expect(decode(new Uint8Array([])).kind).toBe('unknown')
  })

  it('builds the socket URL on the page origin with the shell and size', () => {
    const url = execUrl(
      { cluster: 'prod', namespace: 'shop', pod: 'web 1', container: 'app', shell: '/bin/bash', cols: 80, rows: 24 },
      { protocol: 'https:', host: 'kubeward.example:8443' },
    )
    expect(url).toBe(
      'wss://kubeward.example:8443/api/v1/clusters/prod/namespaces/shop/pods/web%201/exec?container=app&shell=%2Fbin%2Fbash&cols=80&rows=24',
    )
    expect(execUrl({ cluster: 'c', namespace: 'n', pod: 'p', shell: '/bin/sh', cols: 1, rows: 1 }, { protocol: 'http:', host: 'h' })).toMatch(/^ws:\/\/h\//)
  })

  it('says how the session ended', () => {
    const problem = { status: 403, code: 'exec.disabled', title: 'Exec disabled' }
    expect(ending({ type: 'problem', problem }, 4403)).toEqual({ kind: 'refused', problem })
    expect(ending({ type: 'exit', code: 0 }, 1000)).toEqual({ kind: 'exited', code: 0 })
    expect(ending({ type: 'closed', reason: 'idle' }, 1000)).toEqual({ kind: 'closed', reason: 'idle' })
    expect(ending(null, 4429)).toEqual({ kind: 'refused', problem: { status: 429, code: undefined } })
    expect(ending(null, 1006)).toEqual({ kind: 'lost', code: 1006 })
    expect(statusOfClose(1000)).toBeNull()
  })
})
