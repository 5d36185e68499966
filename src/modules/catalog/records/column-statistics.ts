import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import { columnRef, datastoreTable } from './datastore-table.ts'
import { invalidQuery } from './invalid-query.ts'
import type { RecordTable } from './record-query.ts'

export interface ColumnStatistics {
  column: string
  count: number
  min: number | null
  max: number | null
  avg: number | null
  /** The column in file order, cut into at most `points` equal runs of rows, each summarised: for a chart. */
  series: { fromId: number; toId: number; min: number | null; max: number | null; avg: number | null }[]
}

/** Minimum, maximum, mean and a downsampled series of a numeric column, computed in SQL. */
export async function columnStatistics(
  db: Database,
  table: RecordTable,
  name: string,
  points: number,
): Promise<ColumnStatistics> {
  const column = table.columns.find((candidate) => candidate.name === name)
  if (!column) throw invalidQuery('column', `There is no column "${name}".`)
  if (column.type !== 'integer' && column.type !== 'number')
    throw invalidQuery('column', `"${name}" is not numeric (${column.type}); statistics are for numbers.`)
  const ref = columnRef(name)
  const from = datastoreTable(table.resourceId)
  const width = Math.max(1, Math.ceil(table.rowCount / points))
  const { rows } = await sql<{
    count: number
    min: number | null
    max: number | null
    avg: number | null
    series: ColumnStatistics['series'] | null
  }>`WITH runs AS (
      SELECT (_id - 1) / ${width} AS run, min(_id) AS "fromId", max(_id) AS "toId",
        min(${ref})::float8 AS min, max(${ref})::float8 AS max, avg(${ref})::float8 AS avg,
        count(${ref}) AS count, sum(${ref})::float8 AS sum
      FROM ${from} GROUP BY 1)
    SELECT coalesce(sum(count), 0)::int8 AS count, min(min) AS min, max(max) AS max,
      (sum(sum) / nullif(sum(count), 0))::float8 AS avg,
      json_agg(json_build_object('fromId', "fromId", 'toId', "toId", 'min', min, 'max', max, 'avg', avg)
        ORDER BY run) AS series
    FROM runs`.execute(db)
  const row = rows[0]!
  return {
    column: name,
    count: Number(row.count),
    min: row.min,
    max: row.max,
    avg: row.avg,
    series: row.series ?? [],
  }
}
