import { type RawBuilder, sql } from 'kysely'
import type { Column, ColumnType } from '../schemas.ts'

/** The schema that holds one typed table per loaded resource, named by the resource's id. */
export const DATASTORE_SCHEMA = 'catalog_datastore'
/** The 1-based row number in file order: the primary key, and the key for keyset paging. */
export const ROW_ID = '_id'

export const datastoreTable = (resourceId: string): RawBuilder<unknown> =>
  sql.id(DATASTORE_SCHEMA, resourceId)

/** A column by its exact name; quoted, so any header a file had is safe here. */
export const columnRef = (name: string): RawBuilder<unknown> => sql.id(name)

export const SQL_TYPES: Record<ColumnType, string> = {
  integer: 'bigint',
  number: 'double precision',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamptz',
  text: 'text',
  geometry: 'geometry',
}

export const ROW_ID_COLUMN: Column = { name: ROW_ID, type: 'integer' }

/** How a value leaves the database: JSON-ready and the same on both backends (dates as ISO text, geometry as GeoJSON). */
export function outputExpression(column: Column): RawBuilder<unknown> {
  const ref = columnRef(column.name)
  switch (column.type) {
    case 'date':
      return sql`to_char(${ref}, 'YYYY-MM-DD')`
    case 'timestamp':
      return sql`to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    case 'geometry':
      return sql`public.ST_AsGeoJSON(${ref})::json`
    default:
      return ref
  }
}

/** A caller's value as a typed SQL parameter of the column's type. */
export const typedValue = (value: string | number | boolean, type: ColumnType): RawBuilder<unknown> =>
  sql`CAST(${value} AS ${sql.raw(SQL_TYPES[type])})`
