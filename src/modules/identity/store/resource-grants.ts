import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

/** Whether the person holds a grant on this one resource, themselves or through an organisation they belong to. */
export async function hasResourceGrant(
  db: Database,
  personId: string,
  action: string,
  resource: { type: string; id: string },
): Promise<boolean> {
  const { rows } = await sql<{ granted: boolean }>`SELECT EXISTS (
      SELECT 1 FROM identity.resource_grants g
      WHERE g.resource_type = ${resource.type} AND g.resource_id = ${resource.id}
        AND (g.action = ${action} OR (right(g.action, 2) = '.*' AND starts_with(${action}, left(g.action, -1))))
        AND (g.person_id = ${personId}
          OR g.organisation_id IN (SELECT organisation_id FROM identity.memberships WHERE person_id = ${personId}))
    ) AS granted`.execute(db)
  return rows[0]?.granted ?? false
}

export async function insertResourceGrant(
  db: Database,
  grant: {
    personId?: string
    organisationId?: string
    action: string
    resourceType: string
    resourceId: string
    grantedBy: string | null
  },
): Promise<void> {
  await sql`INSERT INTO identity.resource_grants (person_id, organisation_id, action, resource_type, resource_id, granted_by)
    VALUES (${grant.personId ?? null}, ${grant.organisationId ?? null}, ${grant.action}, ${grant.resourceType},
      ${grant.resourceId}, ${grant.grantedBy})`.execute(db)
}
