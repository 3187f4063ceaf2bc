// Whether the server refused the PromQL explorer to this user in a cluster (a 403 from /promql):
// the navigation then stops offering it for the session.
import { reactive } from 'vue'

const refused = reactive(new Set<string>())

export function promqlRefused(cluster: string): boolean {
  return refused.has(cluster)
}

export function rememberPromqlRefused(cluster: string): void {
  refused.add(cluster)
}
