import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

/** Someone another module names in an official role (a juror, an editor): never shown on open APIs. */
export interface Colleague {
  id: string
  displayName: string
  email: string
}

export async function findColleagueByEmail(db: Database, email: string): Promise<Colleague | undefined> {
  const { rows } = await sql<Colleague>`SELECT id, display_name AS "displayName", email FROM identity.people
    WHERE lower(email) = lower(${email}) AND status = 'active'`.execute(db)
  return rows[0]
}

export async function colleaguesByIds(db: Database, ids: readonly string[]): Promise<Map<string, Colleague>> {
  if (ids.length === 0) return new Map()
  const { rows } = await sql<Colleague>`SELECT id, display_name AS "displayName", email FROM identity.people
    WHERE id = ANY(${[...ids]}::uuid[])`.execute(db)
  return new Map(rows.map((row) => [row.id, row]))
}

/** Whether the person belongs to the organisation in any role (owner, editor, member). */
export async function isMember(db: Database, personId: string, organisationId: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM identity.memberships
    WHERE person_id = ${personId} AND organisation_id = ${organisationId}`.execute(db)
  return rows.length > 0
}
