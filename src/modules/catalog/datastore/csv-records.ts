import type { SourceRecord } from './read-source.ts'

export interface CsvOptions {
  delimiter: string
  quote: string
  /** A record longer than this (a quote never closed, a line without breaks) stops the reading. */
  maxRecordChars: number
}

/** Thrown where the CSV cannot be read further. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError'
  readonly line: number
  constructor(line: number, message: string) {
    super(message)
    this.line = line
  }
}

const LF = 10
const CR = 13

/**
 * A CSV reader (RFC 4180, with quotes inside unquoted values kept as they are) written for speed:
 * values are sliced from the text, a record is a plain array, and each record carries the line it
 * starts on. Empty lines are skipped. Records come in batches, one per chunk of text.
 */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  options: CsvOptions,
): AsyncGenerator<SourceRecord[]> {
  const delimiter = options.delimiter.charCodeAt(0)
  const quote = options.quote.charCodeAt(0)
  const quoteText = options.quote
  const doubled = quoteText + quoteText
  let text = ''
  let line = 1
  let first = true
  for await (const chunk of chunks) {
    text = text.length === 0 ? chunk : text + chunk
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    first = false
    const { records, consumed, lines } = parse(text, false)
    text = text.slice(consumed)
    line += lines
    if (text.length > options.maxRecordChars)
      throw new CsvSyntaxError(
        line,
        `A row is longer than ${Math.round(options.maxRecordChars / 1024 / 1024)} M characters; check for a missing quote or line break.`,
      )
    if (records.length > 0) yield records
  }
  if (text.length > 0) {
    const { records } = parse(text, true)
    if (records.length > 0) yield records
  }

  /** Whole records of `text`; at the end of the file, the last one even without a line break. */
  function parse(text: string, atEnd: boolean): { records: SourceRecord[]; consumed: number; lines: number } {
    const records: SourceRecord[] = []
    const length = text.length
    let position = 0
    let lines = 0
    let recordStart = 0
    let recordLines = 0
    scan: while (position < length) {
      recordStart = position
      recordLines = 0
      const code = text.charCodeAt(position)
      if (code === LF || code === CR) {
        position += code === CR && text.charCodeAt(position + 1) === LF ? 2 : 1
        if (code === CR && position >= length && !atEnd) {
          position = recordStart
          break
        }
        lines++
        continue
      }
      const values: string[] = []
      for (;;) {
        let value: string
        if (text.charCodeAt(position) === quote) {
          let end = position + 1
          let escaped = false
          for (;;) {
            end = text.indexOf(quoteText, end)
            if (end < 0) {
              if (atEnd)
                throw new CsvSyntaxError(
                  line + lines,
                  'A quoted value is never closed: a quote is missing before the end of the file.',
                )
              position = recordStart
              break scan
            }
            if (text.charCodeAt(end + 1) === quote) {
              escaped = true
              end += 2
              continue
            }
            break
          }
          value = text.slice(position + 1, end)
          if (escaped) value = value.replaceAll(doubled, quoteText)
          position = end + 1
          // Text after the closing quote belongs to the value, as it was written.
          let after = position
          while (after < length) {
            const next = text.charCodeAt(after)
            if (next === delimiter || next === LF || next === CR) break
            after++
          }
          if (after > position) {
            value += text.slice(position, after)
            position = after
          }
          if (value.indexOf('\n') >= 0) recordLines += value.split('\n').length - 1
        } else {
          let end = position
          while (end < length) {
            const next = text.charCodeAt(end)
            if (next === delimiter || next === LF || next === CR) break
            end++
          }
          value = text.slice(position, end)
          position = end
        }
        values.push(value)
        if (position >= length) {
          if (!atEnd) {
            position = recordStart
            break scan
          }
          break
        }
        const next = text.charCodeAt(position)
        if (next === delimiter) {
          position++
          if (position >= length && atEnd) {
            values.push('')
            break
          }
          continue
        }
        // A line break ends the record; a CR at the chunk's end may be half of CRLF.
        if (next === CR) {
          if (position + 1 >= length && !atEnd) {
            position = recordStart
            break scan
          }
          position += text.charCodeAt(position + 1) === LF ? 2 : 1
        } else position++
        break
      }
      records.push({ line: line + lines, values })
      lines += 1 + recordLines
    }
    return { records, consumed: position, lines }
  }
}
