import type { CeilingResult } from '../messages.ts'
import type { CeilingChunk } from './rows.ts'

/** Writes every chunk, each in its own transaction, `concurrency` at a time. */
export async function timeChunks(
  method: string,
  chunks: CeilingChunk[],
  concurrency: number,
  write: (chunk: CeilingChunk) => Promise<void>,
): Promise<CeilingResult> {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < chunks.length) await write(chunks[next++]!)
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const entities = chunks.reduce((sum, chunk) => sum + chunk.entities.length, 0)
  const rows = chunks.reduce(
    (sum, chunk) => sum + chunk.entities.length + chunk.temporal.length + chunk.history.length,
    0,
  )
  return { method, entities, rows, seconds }
}
