import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { AttributeInstance } from '../model.ts'
import { MAX_INSTANCES, type TemporalQuery } from './temporal-query.ts'
import { isoText, timeOf, timeRangeSql } from './time-range-sql.ts'

/** One stored instance in a temporal answer, its time being the query's timeproperty. */
export interface HistoryInstance {
  id: string
  entity_id: string
  attribute: string
  dataset_id: string
  at: string
  instance: AttributeInstance | { type: string; deletedAt: string; datasetId?: string }
}

export interface HistorySlice {
  instances: HistoryInstance[]
  /** Some series held more than MAX_INSTANCES in the range: only the first ones are here. */
  truncated: boolean
}

/**
 * The attributes the entities have history of, found by skipping through the
 * (tenant, entity_id, attribute, observed_at) index one attribute at a time: a few lookups however
 * long the history. Naming them lets every history query use all index columns up to the time range.
 */
export async function historyAttributes(
  db: Database,
  tenant: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return []
  const { rows } = await sql<{ attribute: string }>`
    WITH RECURSIVE found AS (
      SELECT e.id AS entity_id, (SELECT min(i.attribute) FROM context.attribute_instances i
        WHERE i.tenant = ${tenant} AND i.entity_id = e.id) AS attribute
      FROM unnest(${ids}::text[]) AS e(id)
      UNION ALL
      SELECT f.entity_id, (SELECT min(i.attribute) FROM context.attribute_instances i
        WHERE i.tenant = ${tenant} AND i.entity_id = f.entity_id AND i.attribute > f.attribute)
      FROM found f WHERE f.attribute IS NOT NULL
    )
    SELECT DISTINCT attribute FROM found WHERE attribute IS NOT NULL ORDER BY attribute`.execute(db)
  return rows.map((row) => row.attribute)
}

/**
 * The series a temporal answer reads (entity × attribute, `e.entity_id` and `a.attribute`), and the
 * condition picking one series' rows of `context.attribute_instances i` in the time range. Used as
 * `FROM series CROSS JOIN LATERAL (… WHERE condition)`, each series is one range scan of the
 * (tenant, entity_id, attribute, observed_at) index, whatever else the table holds.
 */
export function historySeries(
  tenant: string,
  ids: readonly string[],
  attrs: readonly string[],
  query: TemporalQuery,
): { series: RawBuilder<unknown>; rows: RawBuilder<boolean> } {
  return {
    series: sql`unnest(${ids}::text[]) AS e(entity_id) CROSS JOIN unnest(${attrs}::text[]) AS a(attribute)`,
    rows: sql.join(
      [
        sql<boolean>`i.tenant = ${tenant}`,
        sql<boolean>`i.entity_id = e.entity_id`,
        sql<boolean>`i.attribute = a.attribute`,
        ...timeRangeSql(query, timeOf(query.timeproperty, 'i.')),
      ],
      sql` AND `,
    ),
  }
}

/**
 * The instances of each series (entity, attribute, datasetId) in time order. With lastN only the
 * N latest of each (4.11); without it at most MAX_INSTANCES, the earliest, and `truncated` says so.
 */
export async function selectInstances(
  db: Database,
  tenant: string,
  ids: readonly string[],
  attrs: readonly string[],
  query: TemporalQuery,
): Promise<HistorySlice> {
  if (ids.length === 0 || attrs.length === 0) return { instances: [], truncated: false }
  const { series, rows: inSeries } = historySeries(tenant, ids, attrs, query)
  const time = timeOf(query.timeproperty, 'i.')
  const order = query.lastN !== undefined ? sql`DESC` : sql`ASC`
  const keep = query.lastN ?? MAX_INSTANCES + 1
  const { rows } = await sql<HistoryInstance & { rank: number }>`
    SELECT r.id::text AS id, e.entity_id, a.attribute, r.dataset_id, ${isoText(sql`r.at`)} AS at, r.instance, r.rank
    FROM ${series} CROSS JOIN LATERAL (
      SELECT * FROM (
        SELECT i.id, i.dataset_id, ${time} AS at, i.instance,
          row_number() OVER (PARTITION BY i.dataset_id ORDER BY ${time} ${order}, i.id ${order}) AS rank
        FROM context.attribute_instances i WHERE ${inSeries}
      ) ranked WHERE rank <= ${keep}
    ) r
    ORDER BY e.entity_id, a.attribute, r.dataset_id, r.at, r.id`.execute(db)
  const truncated = query.lastN === undefined && rows.some((row) => Number(row.rank) > MAX_INSTANCES)
  const instances = truncated ? rows.filter((row) => Number(row.rank) <= MAX_INSTANCES) : rows
  return { instances: instances.map(({ rank: _rank, ...row }) => row), truncated }
}
