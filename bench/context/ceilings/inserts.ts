import {
  type CeilingChunk,
  ENTITY_CASTS,
  ENTITY_COLUMNS,
  HISTORY_CASTS,
  HISTORY_COLUMNS,
  TEMPORAL_CASTS,
  TEMPORAL_COLUMNS,
} from './rows.ts'

/** Multi-row INSERT statements for rows, each under PostgreSQL's 65,535 parameters. */
function multiRowInserts(
  table: string,
  columns: string[],
  casts: string[],
  rows: (string | null)[][],
): { text: string; params: (string | null)[] }[] {
  const perStatement = Math.floor(60_000 / columns.length)
  const statements: { text: string; params: (string | null)[] }[] = []
  for (let from = 0; from < rows.length; from += perStatement) {
    const slice = rows.slice(from, from + perStatement)
    const params: (string | null)[] = []
    const tuples = slice.map((row) => {
      const placeholders = row.map((value, i) => {
        params.push(value)
        return `$${params.length}::${casts[i]}`
      })
      return `(${placeholders.join(',')})`
    })
    statements.push({
      text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(',')}`,
      params,
    })
  }
  return statements
}

/** A chunk as multi-row INSERTs with bound parameters. */
export function insertStatements(chunk: CeilingChunk) {
  return [
    ...multiRowInserts('bench.entities', ENTITY_COLUMNS, ENTITY_CASTS, chunk.entities),
    ...multiRowInserts('bench.temporal_entities', TEMPORAL_COLUMNS, TEMPORAL_CASTS, chunk.temporal),
    ...multiRowInserts('bench.attribute_instances', HISTORY_COLUMNS, HISTORY_CASTS, chunk.history),
  ]
}

const literal = (value: string | null, cast: string): string =>
  value === null ? `NULL::${cast}` : `'${value.replace(/'/g, "''")}'::${cast}`

/** The same INSERTs with the values written into the SQL text: no parameters to bind (one script). */
export function literalScript(chunk: CeilingChunk): string {
  const insert = (table: string, columns: string[], casts: string[], rows: (string | null)[][]) =>
    rows.length === 0
      ? ''
      : `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows
          .map((row) => `(${row.map((value, i) => literal(value, casts[i]!)).join(',')})`)
          .join(',')};\n`
  return (
    insert('bench.entities', ENTITY_COLUMNS, ENTITY_CASTS, chunk.entities) +
    insert('bench.temporal_entities', TEMPORAL_COLUMNS, TEMPORAL_CASTS, chunk.temporal) +
    insert('bench.attribute_instances', HISTORY_COLUMNS, HISTORY_CASTS, chunk.history)
  )
}
