import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { postgis } from '@electric-sql/pglite-postgis'
import { Kysely, PGliteDialect } from 'kysely'
import { StartupError } from '../startup-error.ts'
import { embeddedBulkCopy } from './copy-embedded.ts'
import { lockDataDir } from './data-dir-lock.ts'
import type { Database, DatabaseHandle } from './database.ts'
import { numberParsers } from './type-parsers.ts'

const IN_MEMORY = 'memory://'

/** The embedded PostgreSQL (PGlite, WebAssembly) with PostGIS; one connection, held exclusively by a transaction. */
export async function openEmbeddedDatabase(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir === IN_MEMORY
  const unlock = inMemory ? async () => {} : await lockDataDir(dataDir)
  let pglite: PGlite
  try {
    pglite = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      extensions: { postgis, unaccent, pg_trgm },
      parsers: numberParsers,
    })
  } catch (error) {
    await unlock()
    const reason = error instanceof Error ? error.message : String(error)
    throw new StartupError(
      `The embedded database in ${dataDir} could not be opened (${reason}); if it was copied or damaged, move it aside and start again.`,
    )
  }
  const db: Database = new Kysely({ dialect: new PGliteDialect({ pglite }) })
  return {
    db,
    backend: 'pglite',
    location: inMemory ? 'memory' : dataDir,
    bulk: embeddedBulkCopy(pglite),
    // PGlite's own transactions are exclusive, so nothing from Kysely interleaves with a script.
    scriptTransaction: (work) =>
      pglite.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script)
          },
          query: async <Row>(text: string, params?: unknown[]) => (await tx.query<Row>(text, params)).rows,
        }),
      ),
    async close() {
      await db.destroy()
      await unlock()
    },
  }
}
