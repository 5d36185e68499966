import { sql } from 'kysely'
import type { Database } from '../../../../platform/db/database.ts'

export interface SigningKeyRow {
  kid: string
  private_jwk: Record<string, unknown>
  created_at: Date
  retired_at: Date | null
}

export async function insertSigningKey(db: Database, kid: string, privateJwk: object): Promise<void> {
  await sql`INSERT INTO identity.oidc_signing_keys (kid, private_jwk)
    VALUES (${kid}, ${JSON.stringify(privateJwk)}::jsonb)`.execute(db)
}

export async function retireSigningKeysExcept(db: Database, kid: string): Promise<number> {
  const result = await sql`UPDATE identity.oidc_signing_keys SET retired_at = now()
    WHERE kid <> ${kid} AND retired_at IS NULL`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/** Keys still published: unretired ones, and retired ones for as long as their tokens may live. Newest first. */
export async function selectPublishedKeys(db: Database, graceSeconds: number): Promise<SigningKeyRow[]> {
  const { rows } = await sql<SigningKeyRow>`SELECT kid, private_jwk, created_at, retired_at
    FROM identity.oidc_signing_keys
    WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => ${graceSeconds})
    ORDER BY retired_at IS NULL DESC, created_at DESC`.execute(db)
  return rows
}

export async function selectCookieSecrets(db: Database): Promise<string[]> {
  const { rows } = await sql<{ secret: string }>`SELECT secret FROM identity.oidc_cookie_keys
    ORDER BY id DESC`.execute(db)
  return rows.map((row) => row.secret)
}

export async function insertCookieSecret(db: Database, secret: string): Promise<void> {
  await sql`INSERT INTO identity.oidc_cookie_keys (secret) VALUES (${secret})`.execute(db)
}
