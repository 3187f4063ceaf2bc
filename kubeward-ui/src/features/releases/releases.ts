// Pure helpers of the release pages: the steps timeline and which actions a phase allows.

import type { ReleaseStep, ReleaseView } from './api'

export type StepState = 'done' | 'current' | 'pending'

export interface TimelineStep {
  index: number
  kind: 'setWeight' | 'pause' | 'analysis' | 'setHeaderRoute' | 'empty'
  detail: string
  state: StepState
}

export function stepKind(step: ReleaseStep): TimelineStep['kind'] {
  if (step.setWeight != null) return 'setWeight'
  if (step.pause != null) return 'pause'
  if (step.analysis != null) return 'analysis'
  if (step.setHeaderRoute != null) return 'setHeaderRoute'
  return 'empty'
}

function detail(step: ReleaseStep): string {
  if (step.setWeight != null) return `${step.setWeight} %`
  if (step.pause != null) return step.pause.duration ?? '∞'
  if (step.analysis != null) return `${step.analysis.checks?.length ?? 0}`
  if (step.setHeaderRoute != null)
    return (step.setHeaderRoute.match ?? []).map((m) => `${m.header ?? m.cookie}=${m.value}`).join(', ')
  return ''
}

/** The canary steps with their state: before the current one done, the current one, the rest. */
export function timeline(release: ReleaseView): TimelineStep[] {
  const steps = release.spec?.strategy?.canary?.steps ?? []
  const finished = release.phase === 'Succeeded'
  return steps.map((step, index) => ({
    index,
    kind: stepKind(step),
    detail: detail(step),
    state: finished || index < release.currentStep ? 'done' : index === release.currentStep ? 'current' : 'pending',
  }))
}

const FINISHED = ['Succeeded', 'Aborted', 'Degraded']

/** Whether an action makes sense in the Release's phase (the server decides again). */
export function allowed(release: ReleaseView, action: 'promote' | 'abort' | 'retry' | 'pause' | 'resume'): boolean {
  const finished = FINISHED.includes(release.phase)
  switch (action) {
    case 'retry':
      return release.phase === 'Aborted' || release.phase === 'Degraded'
    case 'pause':
      return !finished && !release.spec?.paused
    case 'resume':
      return !finished && !!release.spec?.paused
    default:
      return !finished
  }
}

export function phaseType(phase: string): 'success' | 'danger' | 'warning' | 'info' | 'primary' {
  switch (phase) {
    case 'Succeeded':
      return 'success'
    case 'Degraded':
    case 'Aborted':
      return 'danger'
    case 'Paused':
      return 'warning'
    case 'Progressing':
    case 'Promoting':
      return 'primary'
    default:
      return 'info'
  }
}

/** A new Release's YAML for the editor. */
export function template(namespace: string): string {
  return `apiVersion: kubeward.io/v1alpha1
kind: Release
metadata:
  name: web-v2
  namespace: ${namespace}
spec:
  deployment: web
  version:
    images: { web: "registry.example/web:2.0" }
  strategy:
    canary:
      stableService: web
      steps:
        - setWeight: 25
        - pause: {}
        - setWeight: 50
        - pause: { duration: 1m }
`
}
