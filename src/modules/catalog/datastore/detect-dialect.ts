import { parse } from 'csv-parse/sync'

export interface CsvDialect {
  delimiter: string
  quote: string
}

const DELIMITERS = [',', ';', '\t', '|']
const LINES = 50

/**
 * The delimiter that splits the first lines into the same number of fields most consistently (more
 * fields win a tie), and the quote character (double quotes unless the file uses single ones).
 */
export function detectDialect(sample: string, wholeFile: boolean): CsvDialect {
  const text = wholeFile ? sample : completeLines(sample)
  const quote = /(^|[,;\t|])'[^'\n]*'([,;\t|]|\r?$)/m.test(text) && !text.includes('"') ? "'" : '"'
  let best = { delimiter: ',', consistency: 0, fields: 1 }
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(text, delimiter, quote)
    if (counts.length === 0) continue
    const frequency = new Map<number, number>()
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1)
    const [fields, times] = [...frequency].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!
    if (fields < 2) continue
    const consistency = times / counts.length
    if (consistency > best.consistency || (consistency === best.consistency && fields > best.fields))
      best = { delimiter, consistency, fields }
  }
  return { delimiter: best.delimiter, quote }
}

/** Field counts of the first lines; a sample cut inside a quoted value is read again, shorter. */
function fieldCounts(text: string, delimiter: string, quote: string): number[] {
  for (let part = text; part.length > 0; part = completeLines(part.slice(0, part.length >> 1))) {
    try {
      const rows = parse(part, {
        delimiter,
        quote,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        to: LINES,
      }) as string[][]
      return rows.map((row) => row.length)
    } catch {}
  }
  return []
}

/** The sample without its last line, which the sample's end may have cut. */
function completeLines(sample: string): string {
  const end = sample.lastIndexOf('\n')
  return end > 0 ? sample.slice(0, end) : ''
}
