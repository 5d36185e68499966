import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import { type EntityFilter, filterToSql } from '../query/entity-filter.ts'
import { guardedQuery, type Page, scopeToSql } from '../query/entity-query.ts'
import { geoQueryToSql } from '../query/geo-sql.ts'
import { qToJsonPath } from '../query/q-sql.ts'
import type { ReadScope } from '../visibility.ts'
import type { TemporalQuery } from './temporal-query.ts'
import { TEMPORAL_ENTITY_COLUMNS, type TemporalEntityRow } from './temporal-store.ts'
import { isDeletion, timeOf, timeRangeSql } from './time-range-sql.ts'

/**
 * NGSI-LD 5.7.4 query temporal evolution: which temporal entities answer. An entity answers when it
 * has at least one instance in the time range (of one of `attrs`, when given). `q` and geoQ look at
 * the instances in the range: an entity matches when some instance of each attribute the
 * expression names satisfies it, not necessarily at the same instant (the history is not replayed
 * into states); deletions never match.
 */
export async function selectTemporalEntities(
  db: Database,
  tenant: string,
  filter: EntityFilter,
  terms: TermMap,
  scope: ReadScope,
  query: TemporalQuery,
  page: Page,
): Promise<{ entities: TemporalEntityRow[]; count: number | undefined }> {
  const where = sql.join(selectionSql(tenant, filter, terms, scope, query), sql` AND `)
  return guardedQuery(async () => {
    const { rows } =
      page.limit === 0
        ? { rows: [] as TemporalEntityRow[] }
        : await sql<TemporalEntityRow>`
            SELECT ${TEMPORAL_ENTITY_COLUMNS} FROM context.temporal_entities e WHERE ${where}
            ORDER BY e.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db)
    let count: number | undefined
    if (page.count) {
      const counted = await sql<{ count: number }>`
        SELECT count(*)::int AS count FROM context.temporal_entities e WHERE ${where}`.execute(db)
      count = counted.rows[0]?.count ?? 0
    }
    return { entities: rows, count }
  })
}

/** Conditions over `context.temporal_entities e`; the history subqueries name every column they use. */
function selectionSql(
  tenant: string,
  filter: EntityFilter,
  terms: TermMap,
  scope: ReadScope,
  query: TemporalQuery,
): RawBuilder<boolean>[] {
  const expand = (name: string) => terms.expand(name)
  // id, idPattern and type read the same columns on temporal_entities as on entities.
  const { ids, idPattern, type } = filter
  const conditions = [
    sql<boolean>`e.tenant = ${tenant}`,
    ...scopeToSql(scope),
    ...filterToSql(
      { ...(ids ? { ids } : {}), ...(idPattern ? { idPattern } : {}), ...(type ? { type } : {}) },
      terms,
    ),
  ]
  const inRange = [
    sql<boolean>`i.tenant = e.tenant`,
    sql<boolean>`i.entity_id = e.id`,
    ...timeRangeSql(query, timeOf(query.timeproperty, 'i.')),
  ]
  const attrs = filter.attrs?.map(expand)
  conditions.push(
    sql<boolean>`EXISTS (SELECT 1 FROM context.attribute_instances i WHERE ${sql.join(
      [...inRange, ...(attrs ? [sql<boolean>`i.attribute = ANY(${attrs}::text[])`] : [])],
      sql` AND `,
    )})`,
  )
  if (filter.q) {
    const states = sql`(SELECT jsonb_object_agg(s.attribute, s.instances) FROM (
      SELECT i.attribute, jsonb_agg(i.instance) AS instances FROM context.attribute_instances i
      WHERE ${sql.join([...inRange, sql<boolean>`NOT ${isDeletion('i.')}`], sql` AND `)}
      GROUP BY i.attribute) s)`
    conditions.push(sql<boolean>`${states} @@ ${qToJsonPath(filter.q, expand)}::jsonpath`)
  }
  if (filter.geo) {
    // CASE, so that only GeoProperty values ever reach the GeoJSON parser.
    const geometry = sql`CASE WHEN i.instance ->> 'type' = 'GeoProperty'
      THEN ST_SetSRID(ST_GeomFromGeoJSON(i.instance ->> 'value'), 4326) END`
    conditions.push(
      sql<boolean>`EXISTS (SELECT 1 FROM context.attribute_instances i WHERE ${sql.join(
        [
          ...inRange,
          sql<boolean>`i.attribute = ${expand(filter.geo.geoproperty)}`,
          geoQueryToSql(filter.geo, geometry),
        ],
        sql` AND `,
      )})`,
    )
  }
  return conditions
}
