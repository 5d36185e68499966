import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import { scopeToSql } from './query/entity-query.ts'
import type { ReadScope } from './visibility.ts'

export interface TypeSummary {
  type: string
  entityCount: number
}

export interface AttributeSummary {
  attribute: string
  attributeCount: number
  attributeTypes: string[]
  typeNames: string[]
}

const visible = (tenant: string, scope: ReadScope) =>
  sql.join([sql`tenant = ${tenant}`, ...scopeToSql(scope)], sql` AND `)

/** NGSI-LD 5.7.5/5.7.6: the entity types present, with how many entities each. */
export async function listTypes(db: Database, tenant: string, scope: ReadScope): Promise<TypeSummary[]> {
  const { rows } = await sql<{ type: string; entity_count: number }>`
    SELECT t AS type, count(*)::int AS entity_count
    FROM context.entities, unnest(types) AS t WHERE ${visible(tenant, scope)}
    GROUP BY t ORDER BY t`.execute(db)
  return rows.map((row) => ({ type: row.type, entityCount: row.entity_count }))
}

/** NGSI-LD 5.7.7/5.7.8: the attributes present, their kinds and the types that have them. */
export async function listAttributes(
  db: Database,
  tenant: string,
  scope: ReadScope,
  options: { type?: string; attribute?: string } = {},
): Promise<AttributeSummary[]> {
  const { rows } = await sql<{
    attribute: string
    attribute_count: number
    kinds: string[]
    type_names: string[]
  }>`
    SELECT a.key AS attribute, count(DISTINCT e.id)::int AS attribute_count,
      array_agg(DISTINCT i ->> 'type') AS kinds,
      array_agg(DISTINCT t) AS type_names
    FROM context.entities e
      CROSS JOIN LATERAL jsonb_each(e.attrs) AS a(key, instances)
      CROSS JOIN LATERAL jsonb_array_elements(a.instances) AS i
      CROSS JOIN LATERAL unnest(e.types) AS t
    WHERE ${visible(tenant, scope)}
      ${options.type ? sql`AND ${options.type} = ANY(e.types)` : sql``}
      ${options.attribute ? sql`AND a.key = ${options.attribute}` : sql``}
    GROUP BY a.key ORDER BY a.key`.execute(db)
  return rows.map((row) => ({
    attribute: row.attribute,
    attributeCount: row.attribute_count,
    attributeTypes: row.kinds.filter(Boolean).sort(),
    typeNames: row.type_names.sort(),
  }))
}
