import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { Organisation, PackOrganisation } from '../schemas/organisations.ts'

const organisationJson = sql<Organisation>`json_build_object(
  'id', o.id, 'slug', o.slug, 'name', o.name->>'ro', 'names', o.name, 'shortName', o.short_name,
  'kind', o.kind, 'parent', p.slug, 'website', o.website)`

export async function selectOrganisations(
  db: Database,
  filter: { kind?: string | undefined; parent?: string | undefined },
): Promise<Organisation[]> {
  const { rows } = await sql<{ organisation: Organisation }>`
    SELECT ${organisationJson} AS organisation
    FROM identity.organisations o LEFT JOIN identity.organisations p ON p.id = o.parent_id
    WHERE (${filter.kind ?? null}::text IS NULL OR o.kind = ${filter.kind ?? null})
      AND (${filter.parent ?? null}::text IS NULL OR p.slug = ${filter.parent ?? null})
    ORDER BY o.name->>'ro'`.execute(db)
  return rows.map((row) => row.organisation)
}

export async function selectOrganisation(db: Database, slug: string): Promise<Organisation | undefined> {
  const { rows } = await sql<{ organisation: Organisation }>`
    SELECT ${organisationJson} AS organisation
    FROM identity.organisations o LEFT JOIN identity.organisations p ON p.id = o.parent_id
    WHERE o.slug = ${slug}`.execute(db)
  return rows[0]?.organisation
}

/** Creates or updates by slug; the parent must already exist. */
export async function upsertOrganisation(db: Database, organisation: PackOrganisation): Promise<void> {
  await sql`INSERT INTO identity.organisations (slug, name, short_name, kind, parent_id, website)
    VALUES (${organisation.slug}, ${JSON.stringify(organisation.name)}::jsonb, ${organisation.shortName ?? null},
      ${organisation.kind},
      (SELECT id FROM identity.organisations WHERE slug = ${organisation.parent ?? null}),
      ${organisation.website ?? null})
    ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name,
      kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id, website = EXCLUDED.website, updated_at = now()`.execute(
    db,
  )
}

export async function countOrganisations(db: Database): Promise<number> {
  const { rows } = await sql<{ count: number }>`SELECT count(*) AS count FROM identity.organisations`.execute(
    db,
  )
  return rows[0]?.count ?? 0
}

/** The organisation that runs the platform for the city: its city hall, when the pack names one. */
export async function selectOperatorId(db: Database): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM identity.organisations WHERE kind = 'city_hall'
    ORDER BY created_at LIMIT 1`.execute(db)
  return rows[0]?.id ?? null
}
