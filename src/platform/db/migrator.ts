import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DatabaseHandle, ScriptTransaction } from './database.ts'

/** A module's migrations: forward-only SQL files named `NNN_what.sql` in one folder. */
export interface MigrationSource {
  module: string
  directory: string
}

export interface Migration {
  module: string
  version: number
  name: string
  sql: string
  checksum: string
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/
// Any fixed number will do; it only has to be the same on every node.
const MIGRATION_LOCK = 7_302_021

export async function readMigrations(sources: readonly MigrationSource[]): Promise<Migration[]> {
  const all: Migration[] = []
  for (const source of sources) {
    const files = (await readdir(source.directory)).filter((file) => file.endsWith('.sql')).sort()
    for (const file of files) {
      const match = FILE_NAME.exec(file)
      if (!match) throw new Error(`Migration ${source.directory}/${file} must be named NNN_name.sql`)
      const sql = await readFile(join(source.directory, file), 'utf8')
      all.push({
        module: source.module,
        version: Number(match[1]),
        name: match[2]!,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      })
    }
  }
  return all
}

interface AppliedRow {
  module: string
  version: number
  checksum: string
}

/**
 * Applies what is pending in one transaction under an advisory lock, so two nodes starting
 * together take turns and the second finds nothing left to do. A changed applied migration stops
 * everything: history is forward-only.
 */
export async function migrate(
  handle: DatabaseHandle,
  migrations: readonly Migration[],
  onApplied: (migration: Migration) => void = () => {},
): Promise<Migration[]> {
  return handle.scriptTransaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await ensureLedger(tx)
    const pending = await findPending(tx, migrations)
    for (const migration of pending) {
      await tx.exec(
        `CREATE SCHEMA IF NOT EXISTS "${migration.module}";\nSET LOCAL search_path TO "${migration.module}", public;`,
      )
      await tx.exec(migration.sql)
      await tx.exec('SET LOCAL search_path TO DEFAULT')
      await tx.query(
        'INSERT INTO platform.schema_migrations (module, version, name, checksum) VALUES ($1, $2, $3, $4)',
        [migration.module, migration.version, migration.name, migration.checksum],
      )
      onApplied(migration)
    }
    return pending
  })
}

/** Migrations not yet applied; throws when an applied one has changed. */
export async function pendingMigrations(
  handle: DatabaseHandle,
  migrations: readonly Migration[],
): Promise<Migration[]> {
  return handle.scriptTransaction(async (tx) => {
    const ledger = await tx.query<{ present: boolean }>(
      "SELECT to_regclass('platform.schema_migrations') IS NOT NULL AS present",
    )
    if (!ledger[0]?.present) return [...migrations]
    return findPending(tx, migrations)
  })
}

async function ensureLedger(tx: ScriptTransaction): Promise<void> {
  await tx.exec(`
    CREATE SCHEMA IF NOT EXISTS platform;
    CREATE TABLE IF NOT EXISTS platform.schema_migrations (
      module text NOT NULL,
      version integer NOT NULL,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (module, version)
    );`)
}

async function findPending(tx: ScriptTransaction, migrations: readonly Migration[]): Promise<Migration[]> {
  const applied = await tx.query<AppliedRow>(
    'SELECT module, version, checksum FROM platform.schema_migrations',
  )
  const byKey = new Map(applied.map((row) => [`${row.module}/${row.version}`, row.checksum]))
  return migrations.filter((migration) => {
    const checksum = byKey.get(`${migration.module}/${migration.version}`)
    if (checksum === undefined) return true
    if (checksum !== migration.checksum) {
      throw new Error(
        `Migration ${migration.module}/${String(migration.version).padStart(3, '0')}_${migration.name} was changed after it was applied; migrations are forward-only, so add a new one instead.`,
      )
    }
    return false
  })
}
