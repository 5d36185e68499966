import { say } from '../print.ts'

/** A line of the final table. */
export interface Row {
  measure: string
  figure: string
  target: string
  ceiling: string
  ratio: string
  met: string
  failures: number
}

export function printTable(title: string, rows: Row[]): void {
  const header: Row = {
    measure: 'measure',
    figure: 'figure',
    target: 'target',
    ceiling: 'ceiling (same run)',
    ratio: 'ratio',
    met: 'met?',
    failures: 0,
  }
  const columns = ['measure', 'figure', 'target', 'ceiling', 'ratio', 'met'] as const
  const all = [header, ...rows]
  const widths = columns.map((column) => Math.max(...all.map((row) => row[column].length)))
  const line = (values: string[]) =>
    `| ${values.map((value, i) => value.padEnd(widths[i] ?? 0)).join(' | ')} |`
  say()
  say(title)
  say(line(columns.map((column) => header[column])))
  say(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  for (const row of rows) say(line(columns.map((column) => row[column])))
  say(
    'ratio: figure ÷ ceiling for rates; floor ÷ figure for latencies (1.00 = as fast as the hello-world in the same process).',
  )
}

/** The measures that failed, and how many times, after the table. */
export function printFailures(rows: Row[]): void {
  const failed = rows.filter((row) => row.failures > 0)
  say(
    failed.length === 0
      ? 'failures: none'
      : `failures: ${failed.map((row) => `${row.measure} ${row.failures}`).join(', ')}`,
  )
}
