import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { MembershipRole, PlatformRole } from '../roles.ts'

export interface Standing {
  platformRoles: PlatformRole[]
  memberships: { organisationId: string; organisationSlug: string; role: MembershipRole }[]
}

/** Everything a person's permissions follow from, in one round trip. */
export async function selectStanding(db: Database, personId: string): Promise<Standing> {
  const { rows } = await sql<{ standing: Standing }>`SELECT json_build_object(
      'platformRoles', coalesce((SELECT json_agg(role ORDER BY role) FROM identity.platform_roles WHERE person_id = ${personId}), '[]'::json),
      'memberships', coalesce((SELECT json_agg(json_build_object('organisationId', m.organisation_id,
          'organisationSlug', o.slug, 'role', m.role) ORDER BY o.slug)
        FROM identity.memberships m JOIN identity.organisations o ON o.id = m.organisation_id
        WHERE m.person_id = ${personId}), '[]'::json)) AS standing`.execute(db)
  return rows[0]!.standing
}

export async function insertPlatformRole(
  db: Database,
  personId: string,
  role: PlatformRole,
  grantedBy: string | null,
): Promise<boolean> {
  const result = await sql`INSERT INTO identity.platform_roles (person_id, role, granted_by)
    VALUES (${personId}, ${role}, ${grantedBy}) ON CONFLICT DO NOTHING`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

export async function deletePlatformRole(
  db: Database,
  personId: string,
  role: PlatformRole,
): Promise<boolean> {
  const result =
    await sql`DELETE FROM identity.platform_roles WHERE person_id = ${personId} AND role = ${role}`.execute(
      db,
    )
  return Number(result.numAffectedRows ?? 0) > 0
}

export async function countPlatformRole(db: Database, role: PlatformRole): Promise<number> {
  const { rows } = await sql<{ count: number }>`SELECT count(*) AS count FROM identity.platform_roles r
    JOIN identity.people p ON p.id = r.person_id WHERE r.role = ${role} AND p.status = 'active'`.execute(db)
  return rows[0]?.count ?? 0
}

export async function upsertMembership(
  db: Database,
  personId: string,
  organisationId: string,
  role: MembershipRole,
  grantedBy: string | null,
): Promise<void> {
  await sql`INSERT INTO identity.memberships (person_id, organisation_id, role, granted_by)
    VALUES (${personId}, ${organisationId}, ${role}, ${grantedBy})
    ON CONFLICT (person_id, organisation_id) DO UPDATE SET role = EXCLUDED.role, granted_by = EXCLUDED.granted_by,
      granted_at = now()`.execute(db)
}

export async function deleteMembership(
  db: Database,
  personId: string,
  organisationId: string,
): Promise<boolean> {
  const result = await sql`DELETE FROM identity.memberships
    WHERE person_id = ${personId} AND organisation_id = ${organisationId}`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

export interface MemberRow {
  person_id: string
  display_name: string
  email: string
  role: MembershipRole
  granted_at: Date
}

export async function selectMembers(db: Database, organisationId: string): Promise<MemberRow[]> {
  const { rows } = await sql<MemberRow>`SELECT m.person_id, p.display_name, p.email, m.role, m.granted_at
    FROM identity.memberships m JOIN identity.people p ON p.id = m.person_id
    WHERE m.organisation_id = ${organisationId} AND p.status = 'active'
    ORDER BY array_position(ARRAY['owner', 'editor', 'member'], m.role), p.display_name`.execute(db)
  return rows
}
