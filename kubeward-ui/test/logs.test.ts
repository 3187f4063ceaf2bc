import { describe, expect, it } from 'vitest'
import { asText, downloadUrl, findMatches, highlight, LineBuffer, parseLogEvent, podColour, POD_COLOURS, SseReader, stepMatch, streamUrl, type ViewLine } from '@/features/logs/logs'

const line = (text: string, pod = 'web-1'): Omit<ViewLine, 'seq'> => ({ pod, container: 'app', colour: 3, timestamp: null, text, truncated: false })

describe('LineBuffer', () => {
  it('keeps the last lines only and counts what it dropped', () => {
    const buffer = new LineBuffer(3)
    for (let i = 0; i < 5; i++) buffer.push(line(`l${i}`))
    expect(buffer.lines().map((l) => l.text)).toEqual(['l2', 'l3', 'l4'])
    expect(buffer.lines().map((l) => l.seq)).toEqual([2, 3, 4])
    expect(buffer.dropped).toBe(2)
    buffer.clear()
    expect(buffer.lines()).toHaveLength(0)
  })
})

describe('SseReader', () => {
  it('reads events split anywhere across chunks and skips comments', () => {
    const reader = new SseReader()
    expect(reader.push(': connected\n\nevent: li')).toEqual([])
    const events = reader.push('nes\ndata: {"a":1}\n\nevent:finished\ndata:{"reason":"idle"}\n\n')
    expect(events).toEqual([
      { name: 'lines', data: '{"a":1}' },
      { name: 'finished', data: '{"reason":"idle"}' },
    ])
    expect(parseLogEvent('finished', '{"reason":"idle"}')).toEqual({ type: 'finished', reason: 'idle' })
    expect(parseLogEvent('lines', '{broken')).toBeNull()
  })
})

describe('search', () => {
  const lines: ViewLine[] = ['GET /a 200', 'error: boom', 'Error again', 'fine'].map((t, i) => ({ ...line(t), seq: i }))
  it('finds lines ignoring case and steps through them, wrapping', () => {
    const found = findMatches(lines, 'error')
    expect(found).toEqual([1, 2])
    expect(stepMatch(found, -1, 1)).toBe(0)
    expect(stepMatch(found, 1, 1)).toBe(0)
    expect(stepMatch(found, 0, -1)).toBe(1)
    expect(stepMatch([], 0, 1)).toBe(-1)
    expect(findMatches(lines, '')).toEqual([])
  })
  it('highlights each occurrence', () => {
    expect(highlight('Error, error!', 'error')).toEqual([
      { text: 'Error', match: true },
      { text: ', ', match: false },
      { text: 'error', match: true },
      { text: '!', match: false },
    ])
    expect(highlight('abc', '')).toEqual([{ text: 'abc', match: false }])
  })
})

describe('urls and colours', () => {
  it('builds the stream and download requests', () => {
    const options = { follow: true, previous: false, timestamps: true, since: '', tailLines: 100, container: 'app' }
    expect(streamUrl('local', { namespace: 'shop', pod: 'web-1' }, options)).toBe(
      '/api/v1/clusters/local/namespaces/shop/pods/web-1/logs/stream?follow=true&container=app&timestamps=true&tailLines=100',
    )
    expect(streamUrl('local', { namespace: 'shop', selector: 'app=web' }, { ...options, container: '' })).toBe(
      '/api/v1/clusters/local/namespaces/shop/logs/stream?follow=true&timestamps=true&tailLines=100&selector=app%3Dweb',
    )
    expect(downloadUrl('local', { namespace: 'shop', pod: 'web-1' }, { ...options, tailLines: null, since: '1h' })).toBe(
      '/api/v1/clusters/local/namespaces/shop/pods/web-1/logs?container=app&timestamps=true&since=1h',
    )
  })
  it('gives a pod the same colour as the server index says, and text with prefixes', () => {
    expect(podColour(3)).toBe(POD_COLOURS[3])
    expect(podColour(15)).toBe(POD_COLOURS[3])
    const lines: ViewLine[] = [{ ...line('hello'), seq: 0, timestamp: '2026-12-03T10:00:00Z' }, { ...line('joined'), seq: 1, note: 'joined' }]
    expect(asText(lines, true)).toBe('web-1 app 2026-12-03T10:00:00Z hello')
  })
})
