import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import { historySeries } from './temporal-history.ts'
import type { Aggregation, AggregationMethod, Duration, TemporalQuery } from './temporal-query.ts'
import { isDeletion, isoText, timeOf } from './time-range-sql.ts'

/** One period of one series (entity, attribute, datasetId) with the asked methods' results. */
export interface AggregateRow {
  entity_id: string
  attribute: string
  dataset_id: string
  /** The attribute's kind (Property, Relationship…), for the answer's `type`. */
  kind: string
  start: string
  end: string
  values: Partial<Record<AggregationMethod, number | null>>
}

/** Any value member of a stored instance, so that distinctCount works for every kind. */
const VALUE = sql`coalesce(instance -> 'value', instance -> 'object', instance -> 'languageMap',
  instance -> 'valueList', instance -> 'objectList', instance -> 'json', instance -> 'vocab')`

/**
 * NGSI-LD 4.5.19: the SQL of each method. totalCount and distinctCount count instances of any kind
 * (deletions left out); the others read the `number` column, so only numeric values take part.
 * stddev is the population standard deviation (defined for a single value: 0).
 */
const METHOD_SQL: Record<AggregationMethod, RawBuilder<number>> = {
  totalCount: sql<number>`count(*) FILTER (WHERE NOT ${isDeletion()})`,
  distinctCount: sql<number>`count(DISTINCT ${VALUE})`,
  sum: sql<number>`sum(number)`,
  avg: sql<number>`avg(number)`,
  min: sql<number>`min(number)`,
  max: sql<number>`max(number)`,
  stddev: sql<number>`stddev_pop(number)`,
  sumsq: sql<number>`sum(number * number)`,
}

const interval = (duration: Duration) =>
  sql`make_interval(months => ${duration.months}::int, days => ${duration.days}::int, secs => ${duration.seconds}::float8)`

/** Periods without months start at timeAt (after, between), else on the UTC epoch grid, so PT1H gives whole hours. */
const EPOCH = '1970-01-01T00:00:00Z'

/**
 * The aggregated values of every series, per period, computed in SQL: `date_bin` for fixed periods
 * (one index range scan, one hash aggregate); periods with months or years, whose length varies,
 * are generated as calendar ranges from the first month (or timeAt) in UTC and joined to the rows.
 * Without a period, one period spans the query's time range (or the series' first to last instance).
 */
export async function selectAggregates(
  db: Database,
  tenant: string,
  ids: readonly string[],
  attrs: readonly string[],
  query: TemporalQuery,
  aggregation: Aggregation,
): Promise<AggregateRow[]> {
  if (ids.length === 0 || attrs.length === 0) return []
  // Each series (entity × attribute) is aggregated in a LATERAL subquery: an index range scan on
  // (tenant, entity_id, attribute, observed_at) grouped by datasetId and period only, narrow enough
  // for the planner to hash it in memory rather than sort the rows.
  const { series, rows: where } = historySeries(tenant, ids, attrs, query)
  const time = timeOf(query.timeproperty, 'i.')
  const methods = sql.join(
    aggregation.methods.map((method) => sql`${METHOD_SQL[method]} AS ${sql.ref(method)}`),
  )
  const results = sql.join(aggregation.methods.map((method) => sql`g.${sql.ref(method)}`))
  const origin = query.timerel === 'after' || query.timerel === 'between' ? query.timeAt : undefined
  const period = aggregation.period
  // Only totalCount and distinctCount read the stored instance; the others stay on the narrow columns.
  const needsInstance = aggregation.methods.some(
    (method) => method === 'totalCount' || method === 'distinctCount',
  )
  const columns = sql`i.dataset_id, i.number${needsInstance ? sql`, i.instance` : sql``}`
  type Row = Omit<AggregateRow, 'values' | 'kind'> & Record<string, unknown>
  let rows: Row[]
  if (!period) {
    const start = origin ? sql`${origin}::timestamptz` : sql`min(${time})`
    const end =
      query.timerel === 'between'
        ? sql`${query.endTimeAt}::timestamptz`
        : query.timerel === 'before'
          ? sql`${query.timeAt}::timestamptz`
          : sql`max(${time})`
    ;({ rows } = await sql<Row>`
      SELECT e.entity_id, a.attribute, g.dataset_id, ${isoText(sql`g.start`)} AS start,
        ${isoText(sql`g.stop`)} AS end, ${results}
      FROM ${series} CROSS JOIN LATERAL (
        SELECT i.dataset_id, ${start} AS start, ${end} AS stop, ${methods}
        FROM context.attribute_instances i WHERE ${where} GROUP BY i.dataset_id
      ) g
      ORDER BY e.entity_id, a.attribute, g.dataset_id`.execute(db))
  } else if (period.months === 0) {
    // Days as 86 400 s: fixed periods must not stretch over a daylight saving change of the session zone.
    const stride = interval({ months: 0, days: 0, seconds: period.days * 86_400 + period.seconds })
    ;({ rows } = await sql<Row>`
      SELECT e.entity_id, a.attribute, g.dataset_id, ${isoText(sql`g.bucket`)} AS start,
        ${isoText(sql`g.bucket + ${stride}`)} AS end, ${results}
      FROM ${series} CROSS JOIN LATERAL (
        SELECT dataset_id, bucket, ${methods} FROM (
          SELECT ${columns}, date_bin(${stride}, ${time}, ${origin ?? EPOCH}::timestamptz) AS bucket
          FROM context.attribute_instances i WHERE ${where}
        ) binned
        GROUP BY dataset_id, bucket
      ) g
      ORDER BY e.entity_id, a.attribute, g.dataset_id, g.bucket`.execute(db))
  } else {
    // Calendar arithmetic in UTC timestamps, so a month is a calendar month whatever the session time zone.
    const stride = interval(period)
    const first = origin
      ? sql`(${origin}::timestamptz AT TIME ZONE 'UTC')`
      : sql`date_trunc('month', (SELECT min(at) FROM selected))`
    const last =
      query.timerel === 'between'
        ? sql`(${query.endTimeAt}::timestamptz AT TIME ZONE 'UTC')`
        : sql`(SELECT max(at) FROM selected)`
    ;({ rows } = await sql<Row>`
      WITH selected AS MATERIALIZED (
        SELECT e.entity_id, a.attribute, r.* FROM ${series} CROSS JOIN LATERAL (
          SELECT ${columns}, (${time}) AT TIME ZONE 'UTC' AS at
          FROM context.attribute_instances i WHERE ${where}
        ) r
      ), periods AS (
        SELECT p AS start, p + ${stride} AS stop FROM generate_series(${first}, ${last}, ${stride}) p
      )
      SELECT entity_id, attribute, dataset_id, ${isoText(sql`periods.start AT TIME ZONE 'UTC'`)} AS start,
        ${isoText(sql`periods.stop AT TIME ZONE 'UTC'`)} AS end, ${methods}
      FROM selected JOIN periods ON selected.at >= periods.start AND selected.at < periods.stop
      GROUP BY entity_id, attribute, dataset_id, periods.start, periods.stop
      ORDER BY entity_id, attribute, dataset_id, periods.start`.execute(db))
  }
  const kinds = await seriesKinds(db, tenant, rows)
  return rows.map((row) => ({
    entity_id: row.entity_id,
    attribute: row.attribute,
    dataset_id: row.dataset_id,
    kind: kinds.get(seriesKey(row)) ?? 'Property',
    start: row.start,
    end: row.end,
    values: Object.fromEntries(
      aggregation.methods.map((method) => [method, row[method] === null ? null : Number(row[method])]),
    ),
  }))
}

type Series = Pick<AggregateRow, 'entity_id' | 'attribute' | 'dataset_id'>
const seriesKey = (row: Series) => JSON.stringify([row.entity_id, row.attribute, row.dataset_id])

/** The kind of each series, from its latest instance: one index lookup per series, not a read of every row. */
async function seriesKinds(
  db: Database,
  tenant: string,
  rows: readonly Series[],
): Promise<Map<string, string>> {
  const series = [...new Map(rows.map((row) => [seriesKey(row), row])).values()].map(
    ({ entity_id, attribute, dataset_id }) => ({ entity_id, attribute, dataset_id }),
  )
  if (series.length === 0) return new Map()
  const { rows: kinds } = await sql<Series & { kind: string | null }>`
    SELECT s.entity_id, s.attribute, s.dataset_id, (
      SELECT i.instance ->> 'type' FROM context.attribute_instances i
      WHERE i.tenant = ${tenant} AND i.entity_id = s.entity_id AND i.attribute = s.attribute
        AND i.dataset_id = s.dataset_id AND NOT ${isDeletion('i.')}
      ORDER BY i.observed_at DESC LIMIT 1) AS kind
    FROM jsonb_to_recordset(${JSON.stringify(series)}::jsonb) AS s(entity_id text, attribute text, dataset_id text)`.execute(
    db,
  )
  return new Map(kinds.flatMap((row) => (row.kind ? [[seriesKey(row), row.kind] as const] : [])))
}
