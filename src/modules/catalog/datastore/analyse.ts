import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import iconv from 'iconv-lite'
import type { ColumnType } from '../schemas.ts'
import { columnNames, coordinateHint } from './column-names.ts'
import { detectDialect } from './detect-dialect.ts'
import { detectEncoding } from './detect-encoding.ts'
import { TypeInference } from './infer.ts'
import { type FileFormat, type FileLayout, openRecords, type SourceRecord } from './read-source.ts'
import { type FieldSource, itemProperties, recordValues } from './record-values.ts'

/** A column as detected: its SQL name, where its values come from, the inferred type. */
export interface DetectedColumn {
  name: string
  source: FieldSource
  type: ColumnType
  hint?: 'latitude' | 'longitude'
}

export interface Analysis {
  layout: FileLayout
  columns: DetectedColumn[]
  /** The first rows as text, for the publisher to check. */
  rows: (string | null)[][]
}

const SAMPLE_BYTES = 64 * 1024
const SAMPLE_RECORDS = 10_000
const PREVIEW_ROWS = 20

export class AnalysisError extends Error {
  override readonly name = 'AnalysisError'
}

/** Reads the start of an uploaded file: format, encoding, CSV dialect and header, columns and their types. */
export async function analyseFile(
  path: string,
  filename: string,
  mediaType: string | undefined,
): Promise<Analysis> {
  const { sample, wholeFile } = await readSample(path)
  if (sample.length === 0) throw new AnalysisError('The file is empty.')
  const { encoding, bom } = detectEncoding(sample)
  const text = iconv.decode(Buffer.from(sample), encoding)
  const format = detectFormat(filename, mediaType, text)
  if (format !== 'csv') return analyseJson(path, { format, encoding, bom })
  const dialect = detectDialect(text, wholeFile)
  return analyseCsv(path, { format, encoding, bom, ...dialect })
}

async function readSample(path: string): Promise<{ sample: Uint8Array; wholeFile: boolean }> {
  const file = await open(path)
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES)
    const { bytesRead } = await file.read(buffer, 0, SAMPLE_BYTES, 0)
    return { sample: buffer.subarray(0, bytesRead), wholeFile: bytesRead < SAMPLE_BYTES }
  } finally {
    await file.close()
  }
}

function detectFormat(filename: string, mediaType: string | undefined, text: string): FileFormat {
  const start = text.replace(/^\ufeff/, '').trimStart()[0]
  const extension = extname(filename).toLowerCase()
  const looksGeo = /"type"\s*:\s*"FeatureCollection"/.test(text)
  if (extension === '.geojson' || mediaType === 'application/geo+json' || (start === '{' && looksGeo))
    return 'geojson'
  if (extension === '.json' || mediaType === 'application/json' || start === '[') {
    if (start === '{') {
      throw new AnalysisError(
        'The JSON file is an object; upload an array of objects ([{…}, {…}]) or a GeoJSON FeatureCollection.',
      )
    }
    return 'json'
  }
  return 'csv'
}

async function* sampleRecords(path: string, layout: FileLayout): AsyncGenerator<SourceRecord> {
  const source = openRecords(path, layout)
  let count = 0
  try {
    for await (const batch of source.batches) {
      for (const record of batch) {
        yield record
        if (++count >= SAMPLE_RECORDS) return
      }
    }
  } finally {
    await source.batches.return(undefined)
  }
}

async function analyseCsv(path: string, layout: FileLayout): Promise<Analysis> {
  const records: string[][] = []
  try {
    for await (const record of sampleRecords(path, layout)) if (record.values) records.push(record.values)
  } catch (error) {
    // What was read before the error still shows the columns; the load reports the error with its line.
    if (records.length === 0) throw new AnalysisError((error as Error).message)
  }
  if (records.length === 0) throw new AnalysisError('The file has no rows.')
  const first = records[0]!
  const width = first.length
  const decimalComma = layout.delimiter !== ','
  const rest = records.slice(1)
  const inference = new TypeInference({ decimalComma })
  for (const values of rest) inference.observe(values)
  const types = inference.types(width)
  const header = looksLikeHeader(first, types, decimalComma)
  if (!header) inference.observe(first)
  const finalTypes = header ? types : inference.types(width)
  const names = columnNames(header ? first : first.map(() => ''))
  return {
    layout: { ...layout, header },
    columns: names.map((name, index) => column(name, header ? first[index]! : null, finalTypes[index]!)),
    rows: previewRows(header ? rest : records),
  }
}

/**
 * The first row is a header when a value of it does not fit its column's type (a name above
 * numbers), or, where every column is text, when its values are all present and different.
 */
function looksLikeHeader(
  first: readonly string[],
  types: readonly ColumnType[],
  decimalComma: boolean,
): boolean {
  const check = new TypeInference({ decimalComma })
  check.observe(first)
  const own = check.types(first.length)
  if (types.some((type, index) => type !== 'text' && own[index] !== type)) return true
  const present = first.every((value) => value.trim() !== '')
  return (
    present &&
    new Set(first.map((value) => value.trim())).size === first.length &&
    own.every((t) => t === 'text')
  )
}

function column(name: string, source: FieldSource, type: ColumnType): DetectedColumn {
  const hint = coordinateHint(name)
  return { name, source: source === null ? null : shown(source), type, ...(hint ? { hint } : {}) }
}

/** Text for the preview: PostgreSQL text (and JSONB) cannot hold NUL, shown as the replacement mark. */
const shown = (value: string) => (value.includes('\0') ? value.replaceAll('\0', '\ufffd') : value)

function previewRows(rows: readonly (readonly (string | null)[])[]): (string | null)[][] {
  return rows.slice(0, PREVIEW_ROWS).map((row) => row.map((value) => (value === null ? null : shown(value))))
}

async function analyseJson(path: string, layout: FileLayout): Promise<Analysis> {
  const keys: string[] = []
  const seen = new Set<string>()
  const records: SourceRecord[] = []
  try {
    for await (const record of sampleRecords(path, layout)) {
      records.push(record)
      if (record.item === undefined) continue
      const found = itemProperties(layout.format, record.item)
      if ('error' in found) continue
      for (const key of Object.keys(found.properties)) {
        if (!seen.has(key)) {
          seen.add(key)
          keys.push(key)
        }
      }
    }
  } catch (error) {
    if (records.length === 0) throw new AnalysisError((error as Error).message)
  }
  if (records.length === 0) throw new AnalysisError('The file has no items.')
  const fields: FieldSource[] = layout.format === 'geojson' ? [...keys, null] : keys
  if (fields.length === 0) throw new AnalysisError('The items have no fields.')
  const names = columnNames(fields.map((field) => field ?? 'geometry'))
  const inference = new TypeInference({ decimalComma: false })
  const rows: (string | null)[][] = []
  for (const record of records) {
    const result = recordValues(layout.format, record, fields)
    if (!result.values) continue
    inference.observe(result.values)
    if (rows.length < PREVIEW_ROWS) rows.push(result.values)
  }
  const types = inference.types(fields.length)
  return {
    layout,
    rows: previewRows(rows),
    columns: names.map((name, index) =>
      column(name, fields[index]!, fields[index] === null ? 'geometry' : types[index]!),
    ),
  }
}
