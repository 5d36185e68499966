import type { CopyTarget } from './database.ts'

/** A PostgreSQL identifier, quoted. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** `COPY "schema"."table" ("a", "b") FROM <source>` in the text format. */
export function copyStatement(target: CopyTarget, source: string): string {
  const columns = target.columns.map(quoteIdentifier).join(', ')
  return `COPY ${quoteIdentifier(target.schema)}.${quoteIdentifier(target.table)} (${columns}) FROM ${source}`
}

/** `SET LOCAL TimeZone` for a zone name, refused when it is not a plain IANA name. */
export function setTimeZone(timeZone: string): string {
  if (!/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/.test(timeZone)) throw new Error(`Not a time zone name: ${timeZone}`)
  return `SET LOCAL TimeZone = '${timeZone}'`
}

/** The database refused a copied row; `row` counts from 1 over the whole copy. */
export class CopyRowError extends Error {
  override readonly name = 'CopyRowError'
  readonly row: number | undefined
  constructor(message: string, row: number | undefined, options: { cause: unknown }) {
    super(message, options)
    this.row = row
  }
}

/** The row a COPY error names ("COPY t, line 12, column c: …"), counted from `before`. */
export function copyRowError(error: unknown, before: number): unknown {
  if (!(error instanceof Error)) return error
  const where = (error as { where?: unknown }).where
  const match = typeof where === 'string' ? /COPY [^,]+, line (\d+)/.exec(where) : null
  if (!match) return error
  const column = typeof where === 'string' ? /column ([^:]+):/.exec(where)?.[1] : undefined
  return new CopyRowError(
    `${error.message}${column ? ` (column ${column})` : ''}`,
    before + Number(match[1]),
    {
      cause: error,
    },
  )
}
