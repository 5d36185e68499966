import { type RawBuilder, sql } from 'kysely'
import { searchWords } from '../../../platform/text/fold.ts'
import type { Column } from '../schemas.ts'
import { columnRef, typedValue } from './datastore-table.ts'
import { invalidQuery } from './invalid-query.ts'

/** Exact matches per column; a list matches any of its values (CKAN's `filters`). */
export type RecordFilters = Record<string, unknown>

const PATTERNS: Partial<Record<Column['type'], RegExp>> = {
  integer: /^-?\d{1,18}$/,
  number: /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i,
  boolean: /^(true|false)$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
}

/** A filter value checked against its column's type, so a wrong value is the caller's error, never the database's. */
function filterValue(column: Column, value: unknown): string | number | boolean {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    throw invalidQuery('filters', `The filter on "${column.name}" must be a value or a list of values.`)
  const text = String(value).trim()
  const pattern = PATTERNS[column.type]
  const fits =
    column.type === 'text' ||
    (column.type === 'timestamp' && !Number.isNaN(Date.parse(text))) ||
    (pattern?.test(text) ?? false)
  if (!fits)
    throw invalidQuery('filters', `"${text}" is not a valid ${column.type} for column "${column.name}".`)
  return column.type === 'text' ? String(value) : text
}

export function filterConditions(filters: RecordFilters, columns: readonly Column[]): RawBuilder<boolean>[] {
  return Object.entries(filters).map(([name, wanted]) => {
    const column = columns.find((candidate) => candidate.name === name)
    if (!column) throw invalidQuery('filters', `There is no column "${name}" to filter on.`)
    if (column.type === 'geometry')
      throw invalidQuery('filters', `A geometry column ("${name}") cannot be filtered by value.`)
    const values = Array.isArray(wanted) ? wanted : [wanted]
    if (values.length === 0 || values.length > 1000)
      throw invalidQuery('filters', `The filter on "${name}" needs between 1 and 1000 values.`)
    const typed = values.map((value) => typedValue(filterValue(column, value), column.type))
    return values.length === 1
      ? sql<boolean>`${columnRef(name)} = ${typed[0]}`
      : sql<boolean>`${columnRef(name)} IN (${sql.join(typed)})`
  })
}

/** The text a word is looked for in: the given text columns joined, lowercase and without diacritics. */
const foldedText = (columns: readonly Column[]): RawBuilder<string> =>
  sql`lower(public.unaccent(concat_ws(' ', ${sql.join(columns.map((column) => columnRef(column.name)))})))`

function wordsIn(text: string, columns: readonly Column[]): RawBuilder<boolean>[] {
  if (columns.length === 0) return [sql<boolean>`false`]
  // Words hold only letters and digits (searchWords), so they need no LIKE escaping.
  return searchWords(text).map((word) => sql<boolean>`${foldedText(columns)} LIKE ${`%${word}%`}`)
}

/**
 * Full text over the text columns, with or without diacritics (both sides folded): every word must
 * appear. `q` may also be an object of column → words, as CKAN allows.
 */
export function textConditions(q: unknown, columns: readonly Column[]): RawBuilder<boolean>[] {
  if (q === undefined || q === null || q === '') return []
  const textColumns = columns.filter((column) => column.type === 'text')
  if (typeof q === 'string') return wordsIn(q, textColumns)
  if (typeof q !== 'object' || Array.isArray(q))
    throw invalidQuery('q', 'q must be words to find, or an object of column names and words.')
  return Object.entries(q).flatMap(([name, words]) => {
    const column = columns.find((candidate) => candidate.name === name)
    if (!column) throw invalidQuery('q', `There is no column "${name}" to search in.`)
    if (typeof words !== 'string') throw invalidQuery('q', `The words to find in "${name}" must be text.`)
    if (column.type === 'geometry')
      throw invalidQuery('q', `A geometry column ("${name}") cannot be searched.`)
    return wordsIn(words, [column])
  })
}
