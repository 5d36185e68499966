import { type RawBuilder, sql } from 'kysely'
import type { TemporalQuery, TimeProperty } from './temporal-query.ts'

/**
 * The instant of an attribute instance a temporal query compares (4.11 timeproperty), as SQL over
 * `context.attribute_instances`. observedAt is the indexed `observed_at` column (observedAt, else the
 * write time); createdAt and modifiedAt are read from the stored instance, a deletion standing at its
 * deletedAt.
 */
export function timeOf(property: TimeProperty, table = ''): RawBuilder<Date> {
  // `table` is an alias prefix written in this module's callers ('i.'), never caller input.
  const column = (name: string) => sql.raw(`${table}${name}`)
  if (property === 'observedAt') return sql<Date>`${column('observed_at')}`
  return sql<Date>`coalesce((${column('instance')} ->> ${property})::timestamptz,
    (${column('instance')} ->> 'deletedAt')::timestamptz, ${column('recorded_at')})`
}

/**
 * NGSI-LD 4.11 timerel as a half-open range, so that `before T` and `after T` split the history
 * without overlap: before is `< timeAt`, after is `>= timeAt`, between is `[timeAt, endTimeAt)`.
 */
export function timeRangeSql(query: TemporalQuery, time: RawBuilder<Date>): RawBuilder<boolean>[] {
  switch (query.timerel) {
    case 'before':
      return [sql<boolean>`${time} < ${query.timeAt}::timestamptz`]
    case 'after':
      return [sql<boolean>`${time} >= ${query.timeAt}::timestamptz`]
    case 'between':
      return [
        sql<boolean>`${time} >= ${query.timeAt}::timestamptz`,
        sql<boolean>`${time} < ${query.endTimeAt}::timestamptz`,
      ]
    default:
      return []
  }
}

/** A timestamptz as ISO 8601 UTC text with milliseconds, the same on both backends. */
export const isoText = (time: RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`to_char((${time}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The SQL test for a stored deletion record (`{type, deletedAt}`, see entity-changes.ts). */
export const isDeletion = (table = ''): RawBuilder<boolean> =>
  sql<boolean>`(${sql.raw(`${table}instance`)} ? 'deletedAt')`
