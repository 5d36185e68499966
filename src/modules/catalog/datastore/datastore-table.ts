import { type Kysely, sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { ColumnType } from '../schemas.ts'

export const DATASTORE_SCHEMA = 'catalog_datastore'

const SQL_TYPES: Record<ColumnType, string> = {
  integer: 'bigint',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
  text: 'text',
  geometry: 'geometry(Geometry, 4326)',
}

const table = (name: string) => sql.id(DATASTORE_SCHEMA, name)

/** The table a load fills before it replaces the resource's: `<resource id>_<load id, first 8>`. */
export const stagingName = (resourceId: string, loadId: string) => `${resourceId}_${loadId.slice(0, 8)}`

export async function createStagingTable(
  db: Database,
  name: string,
  columns: readonly { name: string; type: ColumnType }[],
): Promise<void> {
  const definitions = columns.map((column) => sql`${sql.id(column.name)} ${sql.raw(SQL_TYPES[column.type])}`)
  await sql`DROP TABLE IF EXISTS ${table(name)}`.execute(db)
  await sql`CREATE TABLE ${table(name)} (_id bigint NOT NULL, ${sql.join(definitions)})`.execute(db)
}

export async function dropTable(db: Database, name: string): Promise<void> {
  await sql`DROP TABLE IF EXISTS ${table(name)}`.execute(db)
}

/** Indexes built once the rows are in (cheaper than keeping them during COPY), then fresh statistics. */
export async function finishStagingTable(
  db: Database,
  name: string,
  columns: readonly { name: string; type: ColumnType }[],
): Promise<void> {
  await sql`ALTER TABLE ${table(name)} ADD CONSTRAINT ${sql.id(`${name}_pkey`)} PRIMARY KEY (_id)`.execute(db)
  for (const [index, column] of columns.entries()) {
    if (column.type !== 'geometry') continue
    await sql`CREATE INDEX ${sql.id(`${name}_g${index}`)} ON ${table(name)} USING gist (${sql.id(column.name)})`.execute(
      db,
    )
  }
  await sql`ANALYZE ${table(name)}`.execute(db)
}

/**
 * Inside the swap's transaction: the resource's table is replaced by the staging one at once, so a
 * reader sees the old rows or the new, never a part.
 */
export async function replaceTable(trx: Kysely<object>, resourceId: string, staging: string): Promise<void> {
  const db = trx as Database
  await sql`DROP TABLE IF EXISTS ${table(resourceId)}`.execute(db)
  await sql`ALTER TABLE ${table(staging)} RENAME TO ${sql.id(resourceId)}`.execute(db)
  await sql`ALTER INDEX ${sql.id(DATASTORE_SCHEMA, `${staging}_pkey`)} RENAME TO ${sql.id(`${resourceId}_pkey`)}`.execute(
    db,
  )
}
