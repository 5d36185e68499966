import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { copyRowError, copyStatement, setTimeZone } from './copy-statement.ts'
import type { BulkCopy, CopyTarget } from './database.ts'

const BUFFER_BYTES = 4 * 1024 * 1024

/** COPY into a PostgreSQL server: one COPY FROM STDIN on a pooled connection, fed as a stream. */
export function serverBulkCopy(pool: pg.Pool): BulkCopy {
  return {
    async copyRows(target: CopyTarget, chunks: AsyncIterable<string | Uint8Array>): Promise<number> {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        if (target.timeZone) await client.query(setTimeZone(target.timeZone))
        // Generous buffers on both sides, so producing rows here and storing them there overlap.
        const copy = client.query(copyFrom(copyStatement(target, 'STDIN'), { highWaterMark: BUFFER_BYTES }))
        await pipeline(Readable.from(chunks, { objectMode: false, highWaterMark: BUFFER_BYTES }), copy)
        await client.query('COMMIT')
        return copy.rowCount
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw copyRowError(error, 0)
      } finally {
        client.release()
      }
    },
  }
}
