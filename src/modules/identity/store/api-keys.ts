import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import { forgetUsableKeys } from './usable-keys.ts'

export interface ApiKeyRow {
  id: string
  prefix: string
  name: string
  person_id: string | null
  organisation_id: string | null
  organisation_slug: string | null
  scopes: string[]
  created_at: Date
  expires_at: Date | null
  revoked_at: Date | null
  last_used_at: Date | null
}

export async function insertApiKey(
  db: Database,
  key: {
    prefix: string
    hash: string
    name: string
    personId: string | null
    organisationId: string | null
    scopes: readonly string[]
    createdBy: string | null
    expiresAt: Date | null
  },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`INSERT INTO identity.api_keys
      (prefix, key_hash, name, person_id, organisation_id, scopes, created_by, expires_at)
    VALUES (${key.prefix}, ${key.hash}, ${key.name}, ${key.personId}, ${key.organisationId},
      ${sql`ARRAY[${sql.join(key.scopes.map((scope) => sql`${scope}`))}]::text[]`}, ${key.createdBy}, ${key.expiresAt})
    RETURNING id`.execute(db)
  return rows[0]!.id
}

const columns = sql`k.id, k.prefix, k.name, k.person_id, k.organisation_id, o.slug AS organisation_slug, k.scopes,
  k.created_at, k.expires_at, k.revoked_at, k.last_used_at`

/** A key that is neither revoked nor expired, and whose owner still exists. */
export async function selectUsableKey(db: Database, hash: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await sql<ApiKeyRow>`SELECT ${columns}
    FROM identity.api_keys k
      LEFT JOIN identity.organisations o ON o.id = k.organisation_id
      LEFT JOIN identity.people p ON p.id = k.person_id
    WHERE k.key_hash = ${hash} AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
      AND (k.person_id IS NULL OR p.status = 'active')`.execute(db)
  return rows[0]
}

export async function touchApiKey(db: Database, id: string): Promise<void> {
  await sql`UPDATE identity.api_keys SET last_used_at = now() WHERE id = ${id}
    AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`.execute(db)
}

export async function selectKeysOf(
  db: Database,
  owner: { personId?: string; organisationId?: string },
): Promise<ApiKeyRow[]> {
  const { rows } = await sql<ApiKeyRow>`SELECT ${columns}
    FROM identity.api_keys k LEFT JOIN identity.organisations o ON o.id = k.organisation_id
    WHERE (${owner.personId ?? null}::uuid IS NOT NULL AND k.person_id = ${owner.personId ?? null}::uuid)
       OR (${owner.organisationId ?? null}::uuid IS NOT NULL AND k.organisation_id = ${owner.organisationId ?? null}::uuid)
    ORDER BY k.created_at DESC`.execute(db)
  return rows
}

export async function selectKey(db: Database, id: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await sql<ApiKeyRow>`SELECT ${columns}
    FROM identity.api_keys k LEFT JOIN identity.organisations o ON o.id = k.organisation_id WHERE k.id = ${id}`.execute(
    db,
  )
  return rows[0]
}

export async function revokeApiKey(db: Database, id: string): Promise<boolean> {
  const result =
    await sql`UPDATE identity.api_keys SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL`.execute(
      db,
    )
  forgetUsableKeys()
  return Number(result.numAffectedRows ?? 0) > 0
}
