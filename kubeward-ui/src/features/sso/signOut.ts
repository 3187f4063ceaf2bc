// Sign-out through /api/v1/auth/sso/logout (issue 18): audited, and for a single sign-on user the
// identity provider's end-session address.
import { forget } from '@/shared/state/session'
import { sso } from './api'

/**
 * Ends the session (local or single sign-on, audited) and forgets the user; answers where to go to
 * end the identity provider's session too, or null.
 */
export async function signOutEverywhere(): Promise<string | null> {
  try {
    return (await sso.logout()).endSessionUrl
  } finally {
    forget()
  }
}
