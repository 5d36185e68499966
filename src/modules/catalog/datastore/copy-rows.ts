import { setImmediate as yieldToEvents } from 'node:timers/promises'
import type { ColumnType } from '../schemas.ts'
import type { BadRows } from './bad-rows.ts'
import { type ConvertOptions, conversionReason, converterFor } from './convert.ts'
import type { LineMap } from './line-map.ts'
import { type FileLayout, type RecordSource, SourceError } from './read-source.ts'
import { type FieldSource, recordValues } from './record-values.ts'

/** How far the reading got, updated as it goes. */
export interface ReadState {
  rows: number
  badRows: BadRows
  lines: LineMap
}

const COPY_NULL = '\\N'
const SLICE_MS = 20

/**
 * The file's rows as COPY text, numbered from 1 in `_id`. A bad row is recorded and, from the first
 * one on, nothing more is sent (the load will be refused) but the reading goes on to report every
 * bad row. Gives the event loop a turn every few milliseconds so requests are answered meanwhile.
 */
export async function* copyText(
  source: RecordSource,
  layout: FileLayout,
  columns: readonly { name: string; type: ColumnType; source: FieldSource }[],
  state: ReadState,
  onBatch: () => Promise<void>,
): AsyncGenerator<string> {
  const options: ConvertOptions = { decimalComma: layout.format === 'csv' && layout.delimiter !== ',' }
  const converters = columns.map((column) => converterFor(column.type, options))
  const isText = columns.map((column) => column.type === 'text')
  const fields = columns.map((column) => column.source)
  const width = columns.length
  let skipHeader = layout.format === 'csv' && layout.header === true
  let slice = performance.now()
  try {
    for await (const batch of source.batches) {
      const lines: string[] = []
      for (const record of batch) {
        if (skipHeader) {
          skipHeader = false
          continue
        }
        const found = recordValues(layout.format, record, fields)
        if (found.error !== undefined) {
          state.badRows.add({ line: record.line, reason: found.error })
          continue
        }
        const values = found.values
        let line = String(state.rows + 1)
        let bad = false
        for (let index = 0; index < width; index++) {
          const value = values[index]
          if (
            value === null ||
            value === undefined ||
            value === '' ||
            (!isText[index] && value.trim() === '')
          ) {
            line += `\t${COPY_NULL}`
            continue
          }
          const converted = converters[index]!(value)
          if (converted === undefined) {
            const column = columns[index]!
            state.badRows.add({
              line: record.line,
              column: column.name,
              reason: `"${shorten(value)}" ${conversionReason(column.type, options)}.`,
            })
            bad = true
            break
          }
          line += `\t${converted}`
        }
        if (bad) continue
        state.rows++
        if (state.badRows.count > 0) continue
        state.lines.record(state.rows, record.line)
        lines.push(line)
      }
      // One join flattens the batch in a single pass (cheaper than growing one string per row).
      if (lines.length > 0) yield `${lines.join('\n')}\n`
      await onBatch()
      if (performance.now() - slice > SLICE_MS) {
        await yieldToEvents()
        slice = performance.now()
      }
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error
    state.badRows.add({ line: error.line, reason: error.message })
  }
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value
}
