import assert from 'node:assert/strict'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import type { DatabaseHandle } from './database.ts'
import { type Migration, migrate, pendingMigrations, readMigrations } from './migrator.ts'
import { openDatabase } from './open-database.ts'

async function folder(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'cetate-migrations-'))
  for (const [name, body] of Object.entries(files)) await writeFile(join(directory, name), body)
  return directory
}

for (const backend of testBackends()) {
  describe(`migrations on ${backend.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase
    let handle: DatabaseHandle
    let migrations: Migration[]

    before(async () => {
      database = await backend.create()
      handle = await openDatabase({ url: database.databaseUrl, dataDir: database.dataDir })
      const directory = await folder({
        '001_places.sql':
          'CREATE TABLE places.squares (name text PRIMARY KEY);\nCREATE TABLE places.streets (name text);',
        '002_seed.sql': "INSERT INTO squares (name) VALUES ('Piața Unirii');",
      })
      migrations = await readMigrations([{ module: 'places', directory }])
    })
    after(async () => {
      await handle.close()
      await database.drop()
    })

    test('applies pending migrations in order, in the module schema, and records them', async () => {
      const applied = await migrate(handle, migrations)
      assert.deepEqual(
        applied.map((m) => `${m.module}/${m.version}`),
        ['places/1', 'places/2'],
      )
      const { rows } = await sql<{ name: string }>`SELECT name FROM places.squares`.execute(handle.db)
      assert.deepEqual(rows, [{ name: 'Piața Unirii' }])
      assert.equal((await pendingMigrations(handle, migrations)).length, 0)
    })

    test('a second run applies nothing', async () => {
      assert.deepEqual(await migrate(handle, migrations), [])
    })

    test('two nodes migrating at once take turns and apply each migration once', async () => {
      const directory = await folder({ '003_more.sql': 'CREATE TABLE places.parks (name text);' })
      const more = [...migrations, ...(await readMigrations([{ module: 'places', directory }]))]
      // The embedded database admits one process, so there the two "nodes" share its handle.
      const other =
        backend.name === 'postgres'
          ? await openDatabase({ url: database.databaseUrl, dataDir: database.dataDir })
          : handle
      try {
        const results = await Promise.all([migrate(handle, more), migrate(other, more)])
        assert.equal(results.flat().length, 1)
      } finally {
        if (other !== handle) await other.close()
      }
    })

    test('a migration changed after it was applied stops the start with a clear message', async () => {
      const changed = migrations.map((m) => (m.version === 1 ? { ...m, checksum: 'different' } : m))
      await assert.rejects(migrate(handle, changed), /places\/001_places was changed after it was applied/)
    })

    test('a failing migration leaves nothing behind', async () => {
      const directory = await folder({
        '001_half.sql': 'CREATE TABLE broken.first (id int);\nCREATE TABLE broken.second (id no_such_type);',
      })
      const broken = await readMigrations([{ module: 'broken', directory }])
      await assert.rejects(migrate(handle, broken), /no_such_type/)
      const { rows } = await sql<{
        present: boolean
      }>`SELECT to_regclass('broken.first') IS NOT NULL AS present`.execute(handle.db)
      assert.equal(rows[0]?.present, false)
      assert.equal((await pendingMigrations(handle, broken)).length, 1)
    })

    test('a file not named NNN_name.sql is refused', async () => {
      const directory = await folder({ 'create places.sql': 'SELECT 1' })
      await assert.rejects(readMigrations([{ module: 'places', directory }]), /must be named NNN_name\.sql/)
    })
  })
}
