// Live updates of a list page from the cluster stream. The server filters and sorts, so the
// console only patches rows it already shows (MODIFIED replaces, DELETED removes) and counts
// additions, which the user loads with a refresh; it never inserts into a server-sorted page.

import type { ChangeEvent, ResourceView } from '@/shared/api/types'

export interface LiveResult {
  items: ResourceView[]
  /** Objects added since the page was loaded (shown as "n new — refresh"). */
  added: number
  /** Whether anything shown changed. */
  changed: boolean
}

function sameObject(a: { namespace?: string | null; name: string }, b: { namespace?: string | null; name: string }) {
  return a.name === b.name && (a.namespace ?? null) === (b.namespace ?? null)
}

export function applyChange(items: ResourceView[], event: ChangeEvent): LiveResult {
  const index = items.findIndex((item) => sameObject(item, event))
  switch (event.type) {
    case 'MODIFIED':
    case 'ADDED':
      if (index >= 0 && event.view) {
        const next = items.slice()
        next[index] = { ...items[index], ...event.view }
        return { items: next, added: 0, changed: true }
      }
      return { items, added: event.type === 'ADDED' && index < 0 ? 1 : 0, changed: false }
    case 'DELETED':
      if (index >= 0) {
        return { items: items.filter((_, i) => i !== index), added: 0, changed: true }
      }
      return { items, added: 0, changed: false }
    default:
      return { items, added: 0, changed: false }
  }
}

/** Parses a stream message's data; null for anything that is not a change event. */
export function parseChange(data: string): ChangeEvent | null {
  try {
    const value = JSON.parse(data) as Partial<ChangeEvent>
    if (typeof value.kind !== 'string' || typeof value.name !== 'string' || typeof value.type !== 'string') {
      return null
    }
    return {
      kind: value.kind,
      type: value.type,
      namespace: value.namespace ?? null,
      name: value.name,
      view: value.view ?? null,
    }
  } catch {
    return null
  }
}
