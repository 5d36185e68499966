import type { Database } from '../../../platform/db/database.ts'
import type { Column } from '../schemas.ts'
import { csvLine } from './csv-cell.ts'
import { ROW_ID } from './datastore-table.ts'
import { type GeometrySource, toFeature } from './geometry-source.ts'
import type { RecordFilters } from './record-filters.ts'
import { queryRecords, type RecordTable } from './record-query.ts'

const BATCH = 5_000

export type ExportFormat = 'csv' | 'json' | 'geojson'

/**
 * Every matching row in file order, a batch at a time through keyset pages on _id: a download of a
 * million rows holds 5,000 in memory, and no transaction stays open while a slow client reads.
 */
async function* batches(
  db: Database,
  table: RecordTable,
  where: { filters?: RecordFilters | undefined; q?: unknown },
): AsyncGenerator<Record<string, unknown>[]> {
  const fields = table.columns.map((column) => column.name)
  let after: string | undefined
  do {
    const page = await queryRecords(db, table, { ...where, fields, limit: BATCH, after })
    if (page.records.length > 0) yield page.records
    after = page.next
  } while (after)
}

/** The export as text chunks, to stream as the response body. */
export async function* exportRecords(
  db: Database,
  table: RecordTable,
  format: ExportFormat,
  where: { filters?: RecordFilters | undefined; q?: unknown },
  geometry?: GeometrySource,
): AsyncGenerator<string> {
  const columns: Column[] = table.columns.filter((column) => column.name !== ROW_ID)
  const source = batches(db, table, where)
  // The first batch is read before anything is written, so a bad query fails before the response starts.
  const head = await source.next()
  if (format === 'csv') yield csvLine(columns.map((column) => column.name))
  else yield format === 'json' ? '[' : '{"type":"FeatureCollection","features":['
  let first = true
  const rest = async function* () {
    if (!head.done) yield head.value
    yield* source
  }
  for await (const records of rest()) {
    if (format === 'csv') {
      yield records.map((record) => csvLine(columns.map((column) => record[column.name]))).join('')
      continue
    }
    const items = records.map((record) =>
      JSON.stringify(format === 'geojson' && geometry ? toFeature(record, geometry) : record),
    )
    yield `${first ? '' : ','}${items.join(',')}`
    first = false
  }
  if (format !== 'csv') yield format === 'json' ? ']' : ']}'
}
