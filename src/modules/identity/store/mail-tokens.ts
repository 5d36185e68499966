import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

export type MailPurpose = 'verify_email' | 'reset_password'

export async function insertMailToken(
  db: Database,
  token: { hash: string; personId: string; purpose: MailPurpose; expiresAt: Date },
): Promise<void> {
  await sql`INSERT INTO identity.mail_tokens (token_hash, person_id, purpose, expires_at)
    VALUES (${token.hash}, ${token.personId}, ${token.purpose}, ${token.expiresAt})`.execute(db)
}

/** Uses a token once: returns its person only if it was unused, unexpired and of this purpose. */
export async function consumeMailToken(
  db: Database,
  hash: string,
  purpose: MailPurpose,
): Promise<string | undefined> {
  const { rows } = await sql<{ person_id: string }>`UPDATE identity.mail_tokens SET used_at = now()
    WHERE token_hash = ${hash} AND purpose = ${purpose} AND used_at IS NULL AND expires_at > now()
    RETURNING person_id`.execute(db)
  return rows[0]?.person_id
}
