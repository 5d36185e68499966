import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

/** Records past their use: ignored by every reader already, removed here so tables stay small. */
export async function deleteExpiredRecords(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  const remove = async (name: string, statement: ReturnType<typeof sql>) => {
    counts[name] = Number((await statement.execute(db)).numAffectedRows ?? 0)
  }
  await remove('oidc records', sql`DELETE FROM identity.oidc_payloads WHERE expires_at < now()`)
  await remove('passkey challenges', sql`DELETE FROM identity.webauthn_challenges WHERE expires_at < now()`)
  await remove(
    'mail links',
    sql`DELETE FROM identity.mail_tokens WHERE expires_at < now() - interval '7 days'`,
  )
  // Ended sessions stay a month, so a person can still see where they were signed in recently.
  await remove(
    'sessions',
    sql`DELETE FROM identity.sessions WHERE coalesce(revoked_at, expires_at) < now() - interval '30 days'`,
  )
  return counts
}
