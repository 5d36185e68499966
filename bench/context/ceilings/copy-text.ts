import { type CeilingChunk, ENTITY_COLUMNS, HISTORY_COLUMNS, TEMPORAL_COLUMNS } from './rows.ts'

const copyField = (value: string | null): string =>
  value === null
    ? '\\N'
    : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
const copyText = (rows: (string | null)[][]): string =>
  rows.map((row) => row.map(copyField).join('\t')).join('\n') + (rows.length > 0 ? '\n' : '')

/** A chunk as COPY text (PostgreSQL's text format), a table at a time. */
export function copies(chunk: CeilingChunk): { table: string; columns: string[]; text: string }[] {
  return [
    { table: 'bench.entities', columns: ENTITY_COLUMNS, text: copyText(chunk.entities) },
    { table: 'bench.temporal_entities', columns: TEMPORAL_COLUMNS, text: copyText(chunk.temporal) },
    { table: 'bench.attribute_instances', columns: HISTORY_COLUMNS, text: copyText(chunk.history) },
  ]
}
