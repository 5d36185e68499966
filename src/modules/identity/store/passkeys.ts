import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

export interface PasskeyRow {
  id: string
  person_id: string
  public_key: string
  counter: number
  transports: string[]
  name: string
  created_at: Date
  last_used_at: Date | null
}

export async function insertChallenge(
  db: Database,
  challenge: {
    id: string
    personId: string | null
    purpose: 'register' | 'sign_in'
    challenge: string
    expiresAt: Date
  },
): Promise<void> {
  await sql`DELETE FROM identity.webauthn_challenges WHERE expires_at < now()`.execute(db)
  await sql`INSERT INTO identity.webauthn_challenges (id, person_id, purpose, challenge, expires_at)
    VALUES (${challenge.id}, ${challenge.personId}, ${challenge.purpose}, ${challenge.challenge}, ${challenge.expiresAt})`.execute(
    db,
  )
}

/** Takes a challenge once: a replayed ceremony finds nothing. */
export async function consumeChallenge(
  db: Database,
  id: string,
  purpose: 'register' | 'sign_in',
  personId: string | null,
): Promise<string | undefined> {
  const { rows } = await sql<{ challenge: string }>`DELETE FROM identity.webauthn_challenges
    WHERE id = ${id} AND purpose = ${purpose} AND expires_at > now()
      AND person_id IS NOT DISTINCT FROM ${personId}::uuid
    RETURNING challenge`.execute(db)
  return rows[0]?.challenge
}

export async function insertPasskey(
  db: Database,
  passkey: {
    id: string
    personId: string
    publicKey: string
    counter: number
    transports: readonly string[]
    name: string
  },
): Promise<void> {
  await sql`INSERT INTO identity.passkeys (id, person_id, public_key, counter, transports, name)
    VALUES (${passkey.id}, ${passkey.personId}, ${passkey.publicKey}, ${passkey.counter},
      ${sql`ARRAY[${sql.join(passkey.transports.map((t) => sql`${t}`))}]::text[]`}, ${passkey.name})`.execute(
    db,
  )
}

export async function selectPasskey(db: Database, id: string): Promise<PasskeyRow | undefined> {
  const { rows } =
    await sql<PasskeyRow>`SELECT k.* FROM identity.passkeys k JOIN identity.people p ON p.id = k.person_id
    WHERE k.id = ${id} AND p.status = 'active'`.execute(db)
  return rows[0]
}

export async function selectPasskeysOf(db: Database, personId: string): Promise<PasskeyRow[]> {
  const { rows } =
    await sql<PasskeyRow>`SELECT * FROM identity.passkeys WHERE person_id = ${personId} ORDER BY created_at`.execute(
      db,
    )
  return rows
}

export async function updatePasskeyUse(db: Database, id: string, counter: number): Promise<void> {
  await sql`UPDATE identity.passkeys SET counter = ${counter}, last_used_at = now() WHERE id = ${id}`.execute(
    db,
  )
}

export async function deletePasskey(db: Database, personId: string, id: string): Promise<boolean> {
  const result =
    await sql`DELETE FROM identity.passkeys WHERE id = ${id} AND person_id = ${personId}`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}
