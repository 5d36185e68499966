import { setImmediate as yieldToEvents } from 'node:timers/promises'
import type { PGlite } from '@electric-sql/pglite'
import { copyRowError, copyStatement, setTimeZone } from './copy-statement.ts'
import type { BulkCopy, CopyTarget } from './database.ts'

/**
 * PGlite runs on the main thread, so one COPY blocks every request while it runs: rows go in
 * pieces of about this size (~0.1–0.3 s of work each), with a turn of the event loop between them.
 */
const PIECE_BYTES = 2 * 1024 * 1024

/** COPY into the embedded database: each piece is a `/dev/blob` COPY in a short exclusive transaction. */
export function embeddedBulkCopy(pglite: PGlite): BulkCopy {
  return {
    async copyRows(target: CopyTarget, chunks: AsyncIterable<string | Uint8Array>): Promise<number> {
      const statement = copyStatement(target, "'/dev/blob'")
      let copied = 0
      let piece: (string | Uint8Array)[] = []
      let pieceBytes = 0
      const flush = async () => {
        if (piece.length === 0) return
        const blob = new Blob(piece as BlobPart[])
        piece = []
        pieceBytes = 0
        const before = copied
        copied += await pglite
          .transaction(async (tx) => {
            if (target.timeZone) await tx.query(setTimeZone(target.timeZone))
            const result = await tx.query(statement, [], { blob })
            return result.affectedRows ?? 0
          })
          .catch((error: unknown) => {
            throw copyRowError(error, before)
          })
        await yieldToEvents()
      }
      for await (const chunk of chunks) {
        piece.push(chunk)
        pieceBytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength
        if (pieceBytes >= PIECE_BYTES) await flush()
      }
      await flush()
      return copied
    },
  }
}
