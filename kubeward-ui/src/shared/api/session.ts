// The signed-in user's own endpoints (/auth: sign-in, password, API tokens) and the clusters they
// see and what they may do there: what the session state needs, so that it depends on no feature.

import { request } from './client'
import { enc, V1 } from './endpoints'
import type { Answer, TokenScope } from './types'

export const auth = {
  login: (username: string, password: string) =>
    request<Answer<'authLogin'>>('POST', `${V1}/auth/login`, { body: { username, password }, signIn: true }),
  logout: () => request<void>('POST', `${V1}/auth/logout`),
  me: () => request<Answer<'authMe'>>('GET', `${V1}/auth/me`),
  changePassword: (currentPassword: string, newPassword: string, revokeTokens = true) =>
    request<void>('POST', `${V1}/auth/password`, { body: { currentPassword, newPassword, revokeTokens } }),
  tokens: () => request<Answer<'authTokens'>>('GET', `${V1}/auth/tokens`),
  createToken: (name: string, expiresInDays: number, scope?: Partial<TokenScope>) =>
    request<Answer<'authCreateToken', 201>>('POST', `${V1}/auth/tokens`, {
      body: { name, expiresInDays, ...scope },
    }),
  revokeToken: (id: string) => request<void>('DELETE', `${V1}/auth/tokens/${enc(id)}`),
}

export const clusters = {
  list: () => request<Answer<'clusterClusters'>>('GET', `${V1}/clusters`),
  /** What the caller may do in the cluster; with a namespace also the rules there (for hiding actions). */
  permissions: (cluster: string, namespace: string | null) =>
    request<Answer<'permissions'>>(
      'GET',
      `${V1}/clusters/${enc(cluster)}/permissions${namespace ? `?namespace=${enc(namespace)}` : ''}`,
    ),
}
