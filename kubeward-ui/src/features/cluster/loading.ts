// An overview served while Kubeward still loads the cluster (ADR 0057): its counts are what has
// been listed so far, `loading` is true and `kinds` says which kinds are complete. The page shows a
// banner naming the kinds still loading and asks again until the overview is complete.

import type { ClusterOverview } from '@/shared/api/types'

/** How often a loading overview is asked for again (the stream says nothing until it is complete). */
export const LOADING_REFRESH_MS = 2000

/** The kinds of the overview still in their first list, with how many objects it counts so far. */
export function stillLoading(overview: Pick<ClusterOverview, 'loading' | 'kinds'> | null | undefined) {
  if (!overview?.loading) return []
  return (overview.kinds ?? []).filter((kind) => !kind.synced).map((kind) => ({ kind: kind.kind, objects: kind.objects ?? null }))
}

/** One sentence naming each kind still loading and its objects so far, e.g. "Pods (12,000 so far)". */
export function loadingSentence(
  overview: Pick<ClusterOverview, 'loading' | 'kinds'> | null | undefined,
  t: (key: string, values?: Record<string, unknown>) => string,
  locale = 'en',
): string {
  return stillLoading(overview)
    .map(({ kind, objects }) => {
      const name = t(`loading.kind.${kind}`)
      return objects === null ? name : t('loading.soFar', { kind: name, n: objects.toLocaleString(locale) })
    })
    .join(t('loading.separator'))
}
