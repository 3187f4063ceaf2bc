// A page's current failure, shown by <ProblemBanner>. One per view, made by useProblem(). A 403
// also makes the permissions be asked again: the console showed an action the cluster refused.

import { ref } from 'vue'
import { ApiError, networkProblem, type Problem } from '@/shared/api/problem'
import { permissionsChanged } from './permissions'

export function useProblem() {
  const problem = ref<Problem | null>(null)
  const action = ref<string | undefined>(undefined)
  return {
    problem,
    action,
    /** Shows a failure; `what` names the attempted action for a 403 ("apply Deployment shop/web"). */
    show(error: unknown, what?: string) {
      problem.value = error instanceof ApiError ? error.problem : networkProblem(error)
      action.value = what
      if (problem.value.status === 403) permissionsChanged()
    },
    clear() {
      problem.value = null
      action.value = undefined
    },
  }
}
