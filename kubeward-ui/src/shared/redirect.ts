/** Where to go after signing in: a path inside the console from `?redirect=`, never another site. */
export function safeRedirect(value: unknown, fallback = '/overview'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback
  }
  if (value.startsWith('/login') || value.startsWith('/password')) return fallback
  return value
}
