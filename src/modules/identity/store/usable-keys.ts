import type { Database } from '../../../platform/db/database.ts'
import { type ApiKeyRow, selectUsableKey, touchApiKey } from './api-keys.ts'

/**
 * API keys found usable in the last few seconds, so a busy client (a sensor gateway sending
 * thousands of readings a second) costs no lookup per request. A revocation in this process takes
 * effect at once, an expiry on time; changes made by another node within TTL_MS.
 */
const TTL_MS = 5_000
const MAX_KEYS = 10_000

interface Remembered {
  /** The database the key was found in: a server only trusts what its own database said. */
  db: Database
  key: ApiKeyRow
  until: number
}

const remembered = new Map<string, Remembered>()

export async function findUsableKey(db: Database, hash: string): Promise<ApiKeyRow | undefined> {
  const now = Date.now()
  const known = remembered.get(hash)
  if (known && known.db === db && known.until > now) return known.key
  const key = await selectUsableKey(db, hash)
  if (!key) {
    remembered.delete(hash)
    return undefined
  }
  // Last use is kept to the minute anyway; touching once per remembered period is enough.
  await touchApiKey(db, key.id)
  if (remembered.size >= MAX_KEYS) remembered.clear()
  const expires = key.expires_at ? new Date(key.expires_at).getTime() : Number.POSITIVE_INFINITY
  remembered.set(hash, { db, key, until: Math.min(now + TTL_MS, expires) })
  return key
}

/** After a key is revoked or its owner leaves: nothing remembered is trusted again. */
export function forgetUsableKeys(): void {
  remembered.clear()
}
