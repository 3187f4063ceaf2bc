// Single sign-on (issue 18, ADR 0054): whether the sign-in page offers it, and the sign-out that
// also ends the identity provider's session when the provider has an end-session endpoint.

import { request } from '@/shared/api/client'
import { V1 } from '@/shared/api/endpoints'

export interface SsoSettings {
  enabled: boolean
  displayName: string
  localSignIn: boolean
}

export interface SignedOut {
  endSessionUrl: string | null
}

/** A full-page navigation target, not a fetch: Kubeward redirects to the identity provider. */
export const SSO_AUTHORIZE_URL = `${V1}/auth/sso/authorize`

/** The problem codes the callback can send back in `?sso-error=`. */
export const SSO_ERRORS = [
  'sso.invalid-token',
  'sso.token-expired',
  'sso.invalid-state',
  'sso.provider-error',
  'sso.provider-unavailable',
  'sso.invalid-username',
  'sso.invalid-groups',
  'sso.no-access',
  'sso.local-user',
  'sso.disabled',
  'auth.user-disabled',
] as const

export const sso = {
  settings: () => request<SsoSettings>('GET', `${V1}/auth/sso`),
  logout: () => request<SignedOut>('POST', `${V1}/auth/sso/logout`),
}

/** The i18n key of a callback's error code, or the generic one for an unknown code. */
export function ssoErrorKey(code: unknown): string | null {
  if (typeof code !== 'string' || code === '') return null
  return (SSO_ERRORS as readonly string[]).includes(code) ? `sso.error.${code.replace(/[.-]/g, '_')}` : 'sso.error.unknown'
}
