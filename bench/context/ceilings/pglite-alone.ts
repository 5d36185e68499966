import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { postgis } from '@electric-sql/pglite-postgis'
import type { CeilingResult } from '../messages.ts'
import type { Runner } from '../server/sql-runner.ts'
import { copies } from './copy-text.ts'
import { literalScript } from './inserts.ts'
import { type CeilingChunk, prepareCeiling, truncateCeiling } from './rows.ts'
import { timeChunks } from './time-chunks.ts'

/** On the embedded database once the server closed: the same rows into its data directory, PGlite alone, with COPY from a Blob. */
export async function pgliteAloneCeilings(dataDir: string, chunks: CeilingChunk[]): Promise<CeilingResult[]> {
  const pglite = await PGlite.create({
    dataDir,
    extensions: { postgis, unaccent, pg_trgm },
  })
  try {
    const run: Runner = async (text, params = []) =>
      (await pglite.query<Record<string, unknown>>(text, params)).rows
    await prepareCeiling(run, 0)
    const results: CeilingResult[] = []
    await truncateCeiling(run)
    results.push(
      await timeChunks('multi-row INSERT, literal values, PGlite alone', chunks, 1, (chunk) =>
        pglite.transaction(async (tx) => {
          await tx.exec(literalScript(chunk))
        }),
      ),
    )
    await truncateCeiling(run)
    results.push(
      await timeChunks("COPY FROM '/dev/blob', PGlite alone", chunks, 1, (chunk) =>
        pglite.transaction(async (tx) => {
          for (const { table, columns, text } of copies(chunk))
            await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
              blob: new Blob([text]),
            })
        }),
      ),
    )
    await run('DROP SCHEMA bench CASCADE')
    return results
  } finally {
    await pglite.close()
  }
}
