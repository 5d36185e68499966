/** The `?return=` target when it is a path on this site; anything else goes to the account. */
export function safeReturnPath(value: string | null, fallback = '/account'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback
  try {
    const url = new URL(value, window.location.origin)
    return url.origin === window.location.origin ? url.pathname + url.search + url.hash : fallback
  } catch {
    return fallback
  }
}
