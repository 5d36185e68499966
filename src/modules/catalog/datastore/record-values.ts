import type { FileFormat, SourceRecord } from './read-source.ts'

/** Where a column's values come from: a CSV position, a JSON key, or a GeoJSON feature's geometry. */
export type FieldSource = string | null

export type RecordValues =
  | { values: (string | null)[]; error?: undefined }
  | { error: string; values?: undefined }

/** A JSON value as the text a column holds: objects and arrays as JSON, null as null. */
export function jsonText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The properties of a JSON item or GeoJSON feature, or why the item is not one. */
export function itemProperties(
  format: FileFormat,
  item: unknown,
): { properties: Record<string, unknown>; geometry?: unknown } | { error: string } {
  if (!isObject(item)) return { error: 'The item is not an object.' }
  if (format === 'json') return { properties: item }
  if (item.type !== 'Feature') return { error: 'The item is not a GeoJSON Feature.' }
  const properties = item.properties ?? {}
  if (!isObject(properties)) return { error: 'The feature\'s "properties" is not an object.' }
  return { properties, geometry: item.geometry }
}

/** The values of one record in column order; refuses fields the columns do not have (nothing is dropped). */
export function recordValues(
  format: FileFormat,
  record: SourceRecord,
  fields: readonly FieldSource[],
): RecordValues {
  if (record.error !== undefined) return { error: record.error }
  if (record.values !== undefined) {
    if (record.values.length !== fields.length)
      return { error: `The row has ${record.values.length} values; the file has ${fields.length} columns.` }
    return { values: record.values }
  }
  const found = itemProperties(format, record.item)
  if ('error' in found) return found
  const { properties, geometry } = found
  for (const key of Object.keys(properties)) {
    if (!fields.includes(key))
      return { error: `The item has a field "${key}" that is not among the columns.` }
  }
  return { values: fields.map((key) => (key === null ? jsonText(geometry) : jsonText(properties[key]))) }
}
