// Users, their grants and the RBAC bindings made from them, for administrators (docs/API.md, "Users").

import { request } from '@/shared/api/client'
import { enc, V1 } from '@/shared/api/endpoints'
import type { Answer, Grant, NewUser } from '@/shared/api/types'

export const users = {
  list: () => request<Answer<'userList'>>('GET', `${V1}/users`),
  create: (user: NewUser) => request<Answer<'userCreate', 201>>('POST', `${V1}/users`, { body: user }),
  setGrants: (username: string, grants: Grant[]) =>
    request<Answer<'userSetGrants'>>('PUT', `${V1}/users/${enc(username)}/grants`, { body: grants }),
  resetPassword: (username: string, password: string) =>
    request<void>('POST', `${V1}/users/${enc(username)}/password`, { body: { password } }),
  disable: (username: string) =>
    request<Answer<'userDisable'>>('POST', `${V1}/users/${enc(username)}/disable`),
  enable: (username: string) =>
    request<Answer<'userEnable'>>('POST', `${V1}/users/${enc(username)}/enable`),
  remove: (username: string) => request<void>('DELETE', `${V1}/users/${enc(username)}`),
  /** The user's grant bindings per cluster, as they are and as the grants call for. */
  bindings: (username: string) => request<Answer<'userBindings'>>('GET', `${V1}/users/${enc(username)}/bindings`),
  /** Makes every user's grant bindings in one cluster, with the administrator's identity. */
  syncCluster: (cluster: string) =>
    request<Answer<'userSyncCluster'>>('POST', `${V1}/users/bindings/sync?cluster=${enc(cluster)}`),
}
