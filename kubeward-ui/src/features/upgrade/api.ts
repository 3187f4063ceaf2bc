// Cluster upgrade readiness (issue 18, ADR 0055). The shapes mirror the server's UpgradeReadiness,
// UpgradeStep and UpgradeFinding schemas; written out here until the API document is regenerated
// with them (the lead's merge step).

import { request } from '@/shared/api/client'
import { clusterPath as cluster } from '@/shared/api/endpoints'
import { toQueryString } from '@/shared/api/query'

export type UpgradeStatus = 'pass' | 'warn' | 'fail' | 'unknown'

export interface UpgradeFinding {
  status: UpgradeStatus
  code: string
  subject: string
  text: string
}

export interface UpgradeStep {
  id: string
  number: number
  status: UpgradeStatus
  title: string
  advice: string
  findings: UpgradeFinding[]
}

export interface UpgradeReadiness {
  cluster: string
  controlPlaneVersion: string
  current: string
  target: string
  path: string[]
  overall: UpgradeStatus
  overallText: string
  generatedAt: string
  steps: UpgradeStep[]
}

/** The targets a user may pick: the current minor to three ahead, e.g. 1.34 → 1.34..1.37. */
export function targetsFrom(current: string): string[] {
  const [major, minor] = current.split('.').map((n) => Number.parseInt(n, 10))
  if (!Number.isFinite(major) || !Number.isFinite(minor)) {
    return []
  }
  return [0, 1, 2, 3].map((ahead) => `${major}.${minor + ahead}`)
}

export const upgradeApi = {
  readiness: (clusterName: string, target?: string) =>
    request<UpgradeReadiness>(
      'GET',
      `${cluster(clusterName)}/upgrade-readiness${toQueryString({ target: target || undefined })}`,
    ),
  downloadUrl: (clusterName: string, target: string, format: 'markdown' | 'json') =>
    `${cluster(clusterName)}/upgrade-readiness/report${toQueryString({ target, format })}`,
}
