import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { Column } from '../schemas.ts'
import { DATASTORE_SCHEMA } from './datastore-table.ts'

/** Past this many columns a table gets indexes on its first ones only; each costs load time and space. */
const MOST_INDEXED_COLUMNS = 16

/**
 * Indexes every column a reader may filter or sort on, after the rows are visible: a filtered
 * datastore_search with its total then reads the index, not the whole table. Text gets a hash
 * index (equality, and no size limit on long values); geometry already has its GiST index.
 * Run as a job after each load, so the load itself stays as fast as COPY allows.
 */
export async function indexColumns(
  db: Database,
  resourceId: string,
  columns: readonly Column[],
): Promise<void> {
  const table = sql.id(DATASTORE_SCHEMA, resourceId)
  for (const [position, column] of columns.slice(0, MOST_INDEXED_COLUMNS).entries()) {
    if (column.type === 'geometry') continue
    const method = column.type === 'text' ? sql`hash` : sql`btree`
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id(`${resourceId}_c${position}`)} ON ${table}
      USING ${method} (${sql.id(column.name)})`.execute(db)
  }
  await sql`ANALYZE ${table}`.execute(db)
}
