import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import {
  anyMatches,
  MEMBERSHIP_ROLES,
  type MembershipRole,
  PLATFORM_ROLES,
  type PlatformRole,
} from '../roles.ts'

/** Someone another module writes to in their official role (a digest, a reminder). */
export interface Addressee {
  personId: string
  displayName: string
  email: string
  language: 'ro' | 'en' | 'hu'
  /** Every organisation, through a platform role; otherwise only these organisations' ids. */
  everywhere: boolean
  organisationIds: string[]
}

/** The people whose role allows `action`, anywhere or in some organisations (roles only, not grants). */
export async function peopleWhoMay(db: Database, action: string): Promise<Addressee[]> {
  const { rows } = await sql<{
    person_id: string
    display_name: string
    email: string
    preferred_language: Addressee['language']
    platform_roles: PlatformRole[] | null
    memberships: { organisationId: string; role: MembershipRole }[] | null
  }>`SELECT p.id AS person_id, p.display_name, p.email, p.preferred_language,
      (SELECT array_agg(r.role) FROM identity.platform_roles r WHERE r.person_id = p.id) AS platform_roles,
      (SELECT json_agg(json_build_object('organisationId', m.organisation_id, 'role', m.role))
        FROM identity.memberships m WHERE m.person_id = p.id) AS memberships
    FROM identity.people p WHERE p.status = 'active' ORDER BY p.display_name`.execute(db)
  const addressees: Addressee[] = []
  for (const row of rows) {
    const everywhere = (row.platform_roles ?? []).some((role) => anyMatches(PLATFORM_ROLES[role], action))
    const organisationIds = (row.memberships ?? [])
      .filter((membership) => anyMatches(MEMBERSHIP_ROLES[membership.role], action))
      .map((membership) => membership.organisationId)
    if (!everywhere && organisationIds.length === 0) continue
    addressees.push({
      personId: row.person_id,
      displayName: row.display_name,
      email: row.email,
      language: row.preferred_language,
      everywhere,
      organisationIds,
    })
  }
  return addressees
}

/** The name a person shows to colleagues; undefined for someone deleted or unknown. */
export async function displayNameOf(db: Database, personId: string): Promise<string | undefined> {
  const { rows } = await sql<{ display_name: string }>`SELECT display_name FROM identity.people
    WHERE id = ${personId} AND status = 'active'`.execute(db)
  return rows[0]?.display_name
}
