import { createReadStream } from 'node:fs'
import type { Readable } from 'node:stream'
import iconv from 'iconv-lite'
import { CsvSyntaxError, csvRecords as csvRecordBatches } from './csv-records.ts'
import { type JsonItem, JsonShapeError, jsonItems } from './json-items.ts'

export type FileFormat = 'csv' | 'json' | 'geojson'

/** How a file is read: detected at upload, kept with the load. */
export interface FileLayout {
  format: FileFormat
  encoding: string
  bom: boolean
  /** CSV only. */
  delimiter?: string
  quote?: string
  header?: boolean
}

/** One record of the file: its values, or why it cannot be read. */
export type SourceRecord =
  | { line: number; values: string[]; item?: undefined; error?: undefined }
  | { line: number; item: unknown; values?: undefined; error?: undefined }
  | { line: number; error: string; values?: undefined; item?: undefined }

/** A problem with the file as a whole (a quote never closed, JSON cut short): reading stops there. */
export class SourceError extends Error {
  override readonly name = 'SourceError'
  readonly line: number
  constructor(line: number, message: string) {
    super(message)
    this.line = line
  }
}

const BATCH = 500
export const MAX_RECORD_CHARS = 8 * 1024 * 1024
const READ_CHUNK = 256 * 1024

/** A file opened for reading records, with how much of it has been read. */
export interface RecordSource {
  batches: AsyncGenerator<SourceRecord[]>
  bytesRead(): number
}

/**
 * The records of a file in batches, streamed: CSV rows as strings (the header row included), JSON
 * array items and GeoJSON features as parsed values.
 */
export function openRecords(path: string, layout: FileLayout): RecordSource {
  const file = createReadStream(path, { highWaterMark: READ_CHUNK })
  async function* batches(): AsyncGenerator<SourceRecord[]> {
    try {
      if (layout.format === 'csv') yield* csvRecords(file, layout)
      else yield* jsonRecords(decoded(file, layout), layout.format === 'json' ? 'root' : 'features')
    } finally {
      file.destroy()
    }
  }
  return { batches: batches(), bytesRead: () => file.bytesRead }
}

function decoded(file: Readable, layout: FileLayout): Readable {
  if (layout.encoding === 'utf-8') {
    file.setEncoding('utf8')
    return file
  }
  return file.pipe(iconv.decodeStream(layout.encoding)) as unknown as Readable
}

async function* csvRecords(file: Readable, layout: FileLayout): AsyncGenerator<SourceRecord[]> {
  const text = decoded(file, layout) as AsyncIterable<string>
  try {
    yield* csvRecordBatches(text, {
      delimiter: layout.delimiter ?? ',',
      quote: layout.quote ?? '"',
      maxRecordChars: MAX_RECORD_CHARS,
    })
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new SourceError(error.line, error.message)
    throw error
  }
}

async function* jsonRecords(text: Readable, target: 'root' | 'features'): AsyncGenerator<SourceRecord[]> {
  let batch: SourceRecord[] = []
  let first = true
  const chunks = (async function* () {
    for await (const chunk of text as AsyncIterable<string>) {
      // A byte order mark is not part of the JSON.
      yield first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk
      first = false
    }
  })()
  try {
    for await (const item of jsonItems(chunks, target)) {
      batch.push(parseItem(item))
      if (batch.length >= BATCH) {
        yield batch
        batch = []
      }
    }
  } catch (error) {
    if (batch.length > 0) yield batch
    if (error instanceof JsonShapeError) throw new SourceError(error.line, error.message)
    throw error
  }
  if (batch.length > 0) yield batch
}

function parseItem(item: JsonItem): SourceRecord {
  try {
    return { line: item.line, item: JSON.parse(item.text) }
  } catch (error) {
    return { line: item.line, error: `This item is not valid JSON (${(error as Error).message}).` }
  }
}
