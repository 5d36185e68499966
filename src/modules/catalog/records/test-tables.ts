import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { Column } from '../schemas.ts'
import { insertDataset, UNDESCRIBED, updateDatasetStatus } from '../store/datasets.ts'
import { insertResource, updateResourceDatastore } from '../store/resources.ts'
import { columnRef, datastoreTable, SQL_TYPES } from './datastore-table.ts'

/** For tests: a table of rows to load, values as PostgreSQL reads them (GeoJSON objects for geometry). */
export interface TestTable {
  columns: Column[]
  rows: unknown[][]
}

export interface TestDatasetOptions {
  name: string
  organisationId: string
  accessLevel?: 'open' | 'private'
  status?: 'draft' | 'published' | 'archived'
  title?: { ro: string; en?: string; hu?: string }
  keywords?: string[]
  themes?: string[]
  licence?: string
  tables?: TestTable[]
}

const cellSql = (value: unknown, column: Column) =>
  value === null || value === undefined
    ? sql`NULL`
    : column.type === 'geometry'
      ? sql`public.ST_SetSRID(public.ST_GeomFromGeoJSON(${JSON.stringify(value)}), 4326)`
      : sql`CAST(${String(value)} AS ${sql.raw(SQL_TYPES[column.type])})`

/**
 * A published dataset with one resource per table, each loaded as the datastore convention says
 * (catalog_datastore."<resource id>" with _id first); written in SQL until tests load through the upload path.
 */
export async function createTestDataset(
  db: Database,
  options: TestDatasetOptions,
): Promise<{ datasetId: string; resourceIds: string[] }> {
  const datasetId = await insertDataset(db, {
    name: options.name,
    organisationId: options.organisationId,
    createdBy: null,
    ...UNDESCRIBED,
    title: options.title ?? { ro: options.name },
    description: { ro: `Date de test: ${options.name}` },
    keywords: options.keywords ?? [],
    themes: options.themes ?? [],
    licence: options.licence ?? 'cc-by-4.0',
    accessLevel: options.accessLevel ?? 'open',
  })
  await updateDatasetStatus(db, datasetId, options.status ?? 'published')
  const resourceIds: string[] = []
  for (const [index, table] of (options.tables ?? []).entries()) {
    const id = await insertResource(db, {
      datasetId,
      kind: 'upload',
      title: { ro: `Tabel ${index + 1}` },
      format: 'CSV',
      mediaType: 'text/csv',
    })
    await createTestTable(db, id, table)
    await updateResourceDatastore(db, id, { columns: table.columns, rowCount: table.rows.length })
    resourceIds.push(id)
  }
  return { datasetId, resourceIds }
}

/** The typed table alone, under the resource id given. */
export async function createTestTable(db: Database, resourceId: string, table: TestTable): Promise<void> {
  const definitions = table.columns.map((column) =>
    column.type === 'geometry'
      ? sql`${columnRef(column.name)} public.geometry(Geometry, 4326)`
      : sql`${columnRef(column.name)} ${sql.raw(SQL_TYPES[column.type])}`,
  )
  await sql`CREATE TABLE ${datastoreTable(resourceId)} (_id bigint PRIMARY KEY, ${sql.join(definitions)})`.execute(
    db,
  )
  for (let start = 0; start < table.rows.length; start += 500) {
    const chunk = table.rows.slice(start, start + 500)
    const values = chunk.map(
      (row, offset) =>
        sql`(${start + offset + 1}, ${sql.join(table.columns.map((column, at) => cellSql(row[at], column)))})`,
    )
    await sql`INSERT INTO ${datastoreTable(resourceId)} VALUES ${sql.join(values)}`.execute(db)
  }
}
