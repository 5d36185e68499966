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
  close(): Promise<void>
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
