// Building list queries: the console never loads a whole list; every page is one server query
// with filters, a sort key and a continue token (docs/API.md, "Lists").

export type QueryValue = string | number | boolean | null | undefined

/** A query string from a record, leaving out empty values; keys keep their order. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue
    const text = typeof value === 'string' ? value.trim() : String(value)
    if (text === '') continue
    search.append(key, text)
  }
  const query = search.toString()
  return query ? `?${query}` : ''
}

export interface ListFilters {
  namespace?: string
  labelSelector?: string
  name?: string
  node?: string
  phase?: string
  problem?: string
}

export const PAGE_SIZES = [20, 50, 100, 200, 500] as const
export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 500

/** Sort keys the server accepts (docs/API.md); the rest are asked for ascending only. */
export const SORT_KEYS = ['name', 'namespace', 'age', 'restarts', 'status'] as const
export type SortKey = (typeof SORT_KEYS)[number]

/** Element Plus' sort-change ({prop, order}) as the API's `sort` parameter. */
export function sortParam(
  key: string | null | undefined,
  order: 'ascending' | 'descending' | null | undefined,
): string | undefined {
  if (!key || !order || !(SORT_KEYS as readonly string[]).includes(key)) return undefined
  return order === 'descending' ? `-${key}` : key
}

/** The API's `sort` parameter as Element Plus' default-sort. */
export function parseSort(
  sort: string | undefined,
): { prop: string; order: 'ascending' | 'descending' } | undefined {
  if (!sort) return undefined
  return sort.startsWith('-')
    ? { prop: sort.substring(1), order: 'descending' }
    : { prop: sort, order: 'ascending' }
}

export function clampLimit(limit: number | undefined): number {
  if (!limit || !Number.isFinite(limit) || limit < 1) return DEFAULT_LIMIT
  return Math.min(Math.floor(limit), MAX_LIMIT)
}

export function listQuery(
  filters: ListFilters,
  sort: string | undefined,
  limit: number | undefined,
  continueToken: string | null | undefined,
): string {
  return toQueryString({
    namespace: filters.namespace,
    labelSelector: filters.labelSelector,
    name: filters.name,
    node: filters.node,
    phase: filters.phase,
    problem: filters.problem,
    sort,
    limit: clampLimit(limit),
    continue: continueToken,
  })
}

/**
 * Paging with opaque continue tokens: the tokens of the pages seen so far form a stack, so the
 * console can go forward (the server's token) and back (the previous token), never by offset.
 */
export class Pager {
  private tokens: (string | null)[] = [null]
  private nextToken: string | null = null

  /** The token that loads the current page (null for the first). */
  get current(): string | null {
    return this.tokens[this.tokens.length - 1]
  }
  /** 1-based number of the current page. */
  get page(): number {
    return this.tokens.length
  }
  get hasNext(): boolean {
    return this.nextToken !== null
  }
  get hasPrevious(): boolean {
    return this.tokens.length > 1
  }
  /** Records the server's `continue` of the page just loaded. */
  loaded(nextToken: string | null): void {
    this.nextToken = nextToken
  }
  /** Moves forward; returns the token to load, or null if there is no next page. */
  next(): string | null {
    if (this.nextToken === null) return null
    this.tokens.push(this.nextToken)
    this.nextToken = null
    return this.current
  }
  previous(): string | null {
    if (this.tokens.length > 1) this.tokens.pop()
    this.nextToken = null
    return this.current
  }
  /** Back to the first page (after a filter or sort change). */
  reset(): void {
    this.tokens = [null]
    this.nextToken = null
  }
}

/** How many pages `total` items make at `limit` per page (at least 1). */
export function pageCount(total: number, limit: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, limit)))
}
