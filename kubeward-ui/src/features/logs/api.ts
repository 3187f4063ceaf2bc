// Container logs over the API (docs/API.md, "Logs"): a streamed fetch of Server-Sent Events, so a
// refusal before the stream starts (403 without pods/log, no such container, too many streams) is a
// Problem the viewer shows, which EventSource would hide.

import { ApiError, networkProblem, toProblem } from '@/shared/api/problem'
import { parseLogEvent, SseReader, type LogEvent } from './logs'

/** Follows `url` until it ends or `signal` aborts; a refusal throws an ApiError. */
export async function followLogs(url: string, language: string, signal: AbortSignal, onEvent: (event: LogEvent) => void): Promise<void> {
  let response: Response
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'text/event-stream, application/problem+json', 'Accept-Language': language, 'X-Requested-With': 'XMLHttpRequest' },
      signal,
    })
  } catch (error) {
    if (signal.aborted) return
    throw new ApiError(networkProblem(error))
  }
  if (!response.ok || !response.body) {
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON: shown as the status
    }
    throw new ApiError(toProblem(response.status, body, response.statusText))
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const sse = new SseReader()
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      for (const event of sse.push(value)) {
        const parsed = parseLogEvent(event.name, event.data)
        if (parsed) onEvent(parsed)
      }
    }
  } catch (error) {
    if (!signal.aborted) throw new ApiError(networkProblem(error))
  }
}
