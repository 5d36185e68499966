import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { StartupError } from '../startup-error.ts'
import { serverBulkCopy } from './copy-server.ts'
import type { Database, DatabaseHandle } from './database.ts'
import { numberParsers } from './type-parsers.ts'

const POOL_SIZE = 10

/** A PostgreSQL server with PostGIS, reached through `DATABASE_URL`. */
export async function openServerDatabase(url: string): Promise<DatabaseHandle> {
  const location = describeServer(url)
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    // Our queries are short; compiling them (JIT) costs more than it saves, ~10 ms on a geo-query.
    options: '-c jit=off',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        numberParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await pool.end()
    const reason = error instanceof Error ? error.message || error.name : String(error)
    throw new StartupError(
      `Cannot reach PostgreSQL at ${location} (${reason}); check DATABASE_URL and that the server is running.`,
    )
  }
  const db: Database = new Kysely({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    backend: 'postgres',
    location,
    bulk: serverBulkCopy(pool),
    async scriptTransaction(work) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work({
          exec: async (script) => {
            await client.query(script)
          },
          query: async <Row>(text: string, params?: unknown[]) =>
            (await client.query(text, params)).rows as Row[],
        })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    async close() {
      await db.destroy()
      // Kysely ends only a pool it has used; scripts alone (as in `cetate migrate`) leave it to us.
      if (!pool.ended) await pool.end()
    },
  }
}

/** The address without credentials, safe to print. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    throw new StartupError(
      'DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database.',
    )
  }
}
