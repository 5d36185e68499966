import type { Kysely } from 'kysely'

/** The shared connection; each module narrows it to its own tables with `db.withTables<T>()`. */
// biome-ignore lint/complexity/noBannedTypes: Kysely's own idiom for "no tables known yet".
export type Database = Kysely<{}>

export type Backend = 'pglite' | 'postgres'

export interface DatabaseHandle {
  readonly db: Database
  readonly backend: Backend
  /** Where the data lives, for people: a directory or a server address without password. */
  readonly location: string
  /** A transaction on one connection that also runs multi-statement SQL scripts (migrations, bulk loads). */
  scriptTransaction<T>(work: (tx: ScriptTransaction) => Promise<T>): Promise<T>
  /** Bulk loads with COPY, for modules that load files into tables. */
  readonly bulk: BulkCopy
  close(): Promise<void>
}

/** Where COPY writes: a table and its columns, named exactly (they are quoted here). */
export interface CopyTarget {
  schema: string
  table: string
  columns: readonly string[]
  /** How timestamps without an offset are read, e.g. `Europe/Bucharest`; the server's default otherwise. */
  timeZone?: string
}

export interface BulkCopy {
  /**
   * Appends rows with COPY in PostgreSQL's text format (tab between values, `\N` for null,
   * backslash escapes, one row a line). Each chunk holds whole lines; the rows stream through and
   * never sit in memory together. Returns how many rows were copied.
   */
  copyRows(target: CopyTarget, chunks: AsyncIterable<string | Uint8Array>): Promise<number>
}

export interface ScriptTransaction {
  /** Runs one or more statements without parameters. */
  exec(script: string): Promise<void>
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>
}

export interface DatabaseOptions {
  /** PostgreSQL server; when absent the embedded database in `dataDir` is used. */
  url?: string | undefined
  /** Embedded database directory, or `memory://` for a throwaway one. */
  dataDir: string
}
