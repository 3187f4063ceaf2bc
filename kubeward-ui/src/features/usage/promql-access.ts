// Whether the signed-in user may use the PromQL explorer in a cluster: the server's answer
// (GET /promql/access), asked once per cluster and user, and a 403 from a query since.
import { reactive } from 'vue'
import * as api from './api'

const allowed = reactive(new Map<string, boolean>())
const refused = reactive(new Set<string>())
const asked = new Set<string>()

/** The answer for a cluster (undefined until it came); asks once per key (cluster and user). */
export function promqlAllowed(cluster: string, user: string): boolean | undefined {
  const key = `${user}@${cluster}`
  if (cluster && user && !asked.has(key)) {
    asked.add(key)
    api.promql
      .access(cluster)
      .then((answer) => allowed.set(key, answer.allowed))
      .catch(() => allowed.set(key, false))
  }
  return allowed.get(key)
}

export function promqlRefused(cluster: string): boolean {
  return refused.has(cluster)
}

export function rememberPromqlRefused(cluster: string): void {
  refused.add(cluster)
}
