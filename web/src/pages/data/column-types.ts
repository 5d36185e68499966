import type { Column, ColumnType } from './catalog-api.ts'

/** The datastore's column types (schemas.ts ColumnTypeSchema), in the order a publisher chooses from. */
export const COLUMN_TYPES: ColumnType[] = [
  'text',
  'integer',
  'number',
  'boolean',
  'date',
  'timestamp',
  'geometry',
]

const YEAR = /^(an|anul|year|ev|év|évszám)$/i

/** A whole-number column of years (an, year, év): written without thousands separators, and a chart's natural axis. */
export const isYearColumn = (column: Column) => column.type === 'integer' && YEAR.test(column.name.trim())
