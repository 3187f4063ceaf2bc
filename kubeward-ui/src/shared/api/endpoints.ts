// What every feature's API module shares: the version prefix, path encoding and list answers.

export const V1 = '/api/v1'
export const enc = encodeURIComponent
export const clusterPath = (name: string) => `${V1}/clusters/${enc(name)}`

/** A list answer as `{items: [...]}` or a bare array (both are accepted, the contract says items). */
export function itemsOf<T>(body: { items?: T[] } | T[] | undefined | null): T[] {
  if (Array.isArray(body)) return body
  return body?.items ?? []
}
