import { sql } from 'kysely'
import type { AssuranceLevel } from '../../../platform/access/access.ts'
import type { Database } from '../../../platform/db/database.ts'

export interface PersonRow {
  id: string
  email: string
  email_verified_at: Date | null
  password_hash: string | null
  display_name: string
  preferred_language: 'ro' | 'en' | 'hu'
  assurance_level: AssuranceLevel
  assurance_method: string
  status: 'active' | 'deleted'
  failed_sign_ins: number
  locked_until: Date | null
  created_at: Date
}

export async function selectPersonByEmail(db: Database, email: string): Promise<PersonRow | undefined> {
  const { rows } = await sql<PersonRow>`SELECT * FROM identity.people
    WHERE lower(email) = lower(${email}) AND status = 'active'`.execute(db)
  return rows[0]
}

export async function selectPerson(db: Database, id: string): Promise<PersonRow | undefined> {
  const { rows } =
    await sql<PersonRow>`SELECT * FROM identity.people WHERE id = ${id} AND status = 'active'`.execute(db)
  return rows[0]
}

export async function insertPerson(
  db: Database,
  person: { email: string; passwordHash: string; displayName: string; preferredLanguage: string },
): Promise<PersonRow> {
  const { rows } =
    await sql<PersonRow>`INSERT INTO identity.people (email, password_hash, display_name, preferred_language)
    VALUES (${person.email}, ${person.passwordHash}, ${person.displayName}, ${person.preferredLanguage})
    RETURNING *`.execute(db)
  return rows[0]!
}

export async function updateProfile(
  db: Database,
  id: string,
  profile: { displayName?: string | undefined; preferredLanguage?: string | undefined },
): Promise<void> {
  await sql`UPDATE identity.people SET
      display_name = coalesce(${profile.displayName ?? null}, display_name),
      preferred_language = coalesce(${profile.preferredLanguage ?? null}, preferred_language),
      updated_at = now()
    WHERE id = ${id}`.execute(db)
}

export async function markEmailVerified(db: Database, id: string): Promise<void> {
  await sql`UPDATE identity.people SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
    WHERE id = ${id}`.execute(db)
}

export async function setPasswordHash(db: Database, id: string, passwordHash: string): Promise<void> {
  await sql`UPDATE identity.people SET password_hash = ${passwordHash}, failed_sign_ins = 0, locked_until = NULL,
      updated_at = now() WHERE id = ${id}`.execute(db)
}

/** Counts a failed sign-in; the account locks for a while once the limit is reached. */
export async function recordFailedSignIn(
  db: Database,
  id: string,
  limit: number,
  lockMinutes: number,
): Promise<Date | null> {
  const { rows } = await sql<{ locked_until: Date | null }>`UPDATE identity.people SET
      failed_sign_ins = failed_sign_ins + 1,
      locked_until = CASE WHEN failed_sign_ins + 1 >= ${limit}
        THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END
    WHERE id = ${id} RETURNING locked_until`.execute(db)
  return rows[0]?.locked_until ?? null
}

export async function clearFailedSignIns(db: Database, id: string): Promise<void> {
  await sql`UPDATE identity.people SET failed_sign_ins = 0, locked_until = NULL WHERE id = ${id}`.execute(db)
}

export async function setAssurance(
  db: Database,
  id: string,
  level: AssuranceLevel,
  method: string,
): Promise<void> {
  await sql`UPDATE identity.people SET assurance_level = ${level}, assurance_method = ${method}, updated_at = now()
    WHERE id = ${id}`.execute(db)
}

export interface PersonSummaryRow {
  id: string
  email: string
  display_name: string
  assurance_level: AssuranceLevel
  email_verified_at: Date | null
  created_at: Date
}

/** Staff search by name or email, for the clerk's and the administrator's screens. */
export async function searchPeople(db: Database, query: string, limit: number): Promise<PersonSummaryRow[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const { rows } =
    await sql<PersonSummaryRow>`SELECT id, email, display_name, assurance_level, email_verified_at, created_at
    FROM identity.people
    WHERE status = 'active' AND (email ILIKE ${pattern} OR unaccent(display_name) ILIKE unaccent(${pattern}))
    ORDER BY display_name LIMIT ${limit}`.execute(db)
  return rows
}

export async function countPeopleAtLevel(db: Database, levels: readonly AssuranceLevel[]): Promise<number> {
  const { rows } = await sql<{ count: number }>`SELECT count(*) AS count FROM identity.people
    WHERE status = 'active' AND assurance_level IN (${sql.join(levels)})`.execute(db)
  return rows[0]?.count ?? 0
}
