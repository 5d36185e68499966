import { invalidQuery } from './invalid-query.ts'
import type { RecordFilters } from './record-filters.ts'

/** The `filters` parameter: a JSON object of column → value or values. */
export function parseFilters(text: string | undefined): RecordFilters | undefined {
  if (text === undefined || text.trim() === '') return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw invalidQuery('filters', 'filters must be a JSON object, e.g. {"an": 2024}.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalidQuery('filters', 'filters must be a JSON object, e.g. {"an": 2024}.')
  return parsed as RecordFilters
}

/** A comma-separated list of names, trimmed; a name may not itself hold a comma here. */
export const parseNames = (text: string | undefined): string[] | undefined =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name.length > 0)
