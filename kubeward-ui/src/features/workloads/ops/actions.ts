// Which workload operations a kind offers and which RBAC request each one makes, so the toolbar can
// disable (with the reason) what the cluster would refuse. Pure; the server still decides.

import { ruleVerdict, type Verdict } from '@/shared/access'
import type { Permissions } from '@/shared/api/types'

export type WorkloadAction =
  | 'scale'
  | 'restart'
  | 'pause'
  | 'resume'
  | 'image'
  | 'rollback'
  | 'suspend'
  | 'unsuspend'
  | 'trigger'
  | 'delete'

export interface KindFacts {
  plural: string
  group: string
  scalable: boolean
  rollsOut: boolean
}

const KINDS: Record<string, KindFacts> = {
  deployments: { plural: 'deployments', group: 'apps', scalable: true, rollsOut: true },
  statefulsets: { plural: 'statefulsets', group: 'apps', scalable: true, rollsOut: true },
  daemonsets: { plural: 'daemonsets', group: 'apps', scalable: false, rollsOut: true },
  replicasets: { plural: 'replicasets', group: 'apps', scalable: true, rollsOut: false },
  jobs: { plural: 'jobs', group: 'batch', scalable: false, rollsOut: false },
  cronjobs: { plural: 'cronjobs', group: 'batch', scalable: false, rollsOut: false },
}

/** The facts of a kind given as a plural (`deployments`) or a kind (`Deployment`); null if unknown. */
export function kindFacts(kind: string): KindFacts | null {
  const lower = kind.toLowerCase()
  return KINDS[lower] ?? KINDS[`${lower}s`] ?? null
}

/** The operations the kind offers, in toolbar order. */
export function actionsOf(kind: string, paused: boolean | null | undefined, suspended: boolean | null | undefined): WorkloadAction[] {
  const facts = kindFacts(kind)
  if (!facts) return []
  const list: WorkloadAction[] = []
  if (facts.scalable) list.push('scale')
  if (facts.rollsOut) list.push('restart')
  if (facts.plural === 'deployments') list.push(paused ? 'resume' : 'pause')
  if (facts.plural !== 'jobs') list.push('image')
  if (facts.rollsOut) list.push('rollback')
  if (facts.plural === 'cronjobs') list.push(suspended ? 'unsuspend' : 'suspend', 'trigger')
  list.push('delete')
  return list
}

/** The RBAC request an operation makes: verb and resource (triggering creates a Job). */
export function requestOf(kind: string, action: WorkloadAction): { verb: string; group: string; resource: string } {
  const facts = kindFacts(kind) ?? { plural: kind, group: 'apps', scalable: false, rollsOut: false }
  if (action === 'trigger') return { verb: 'create', group: 'batch', resource: 'jobs' }
  if (action === 'delete') return { verb: 'delete', group: facts.group, resource: facts.plural }
  return { verb: 'patch', group: facts.group, resource: facts.plural }
}

export function actionVerdict(permissions: Permissions | null | undefined, kind: string, action: WorkloadAction, name: string): Verdict {
  const r = requestOf(kind, action)
  return ruleVerdict(permissions, { verb: r.verb, group: r.group, resource: r.resource, name: action === 'trigger' ? undefined : name })
}

/** A local preview of a set-image change: one line per container, as a unified diff. */
export function imageDiff(current: Record<string, string>, wanted: Record<string, string>): string {
  const lines: string[] = []
  for (const [container, image] of Object.entries(wanted)) {
    const before = current[container]
    if (before === image) continue
    lines.push(`@@ ${container} @@`, `-    image: ${before ?? ''}`, `+    image: ${image}`)
  }
  return lines.length ? ['--- live', '+++ wanted', ...lines].join('\n') + '\n' : ''
}
