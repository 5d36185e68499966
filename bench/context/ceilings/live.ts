import { finished } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { NgsiCetate } from '../../../test/support/ngsi.ts'
import type { CeilingResult } from '../messages.ts'
import { kyselyRunner } from '../server/sql-runner.ts'
import { copies } from './copy-text.ts'
import { insertStatements, literalScript } from './inserts.ts'
import { type CeilingChunk, truncateCeiling } from './rows.ts'
import { timeChunks } from './time-chunks.ts'

/**
 * Raw writes of the seeded rows into the live server's database, beside it: multi-row INSERT with bound
 * parameters and with literal values, and on PostgreSQL COPY FROM STDIN. Drops the copies afterwards.
 */
export async function liveCeilings(
  cetate: NgsiCetate['cetate'],
  chunks: CeilingChunk[],
  concurrency: number,
): Promise<CeilingResult[]> {
  const run = () => kyselyRunner(cetate.database.db)
  const results: CeilingResult[] = []
  await truncateCeiling(run())
  results.push(
    await timeChunks('multi-row INSERT, bound parameters', chunks, concurrency, (chunk) =>
      cetate.database.scriptTransaction(async (tx) => {
        for (const statement of insertStatements(chunk)) await tx.query(statement.text, statement.params)
      }),
    ),
  )
  await truncateCeiling(run())
  results.push(
    await timeChunks('multi-row INSERT, literal values', chunks, concurrency, (chunk) =>
      cetate.database.scriptTransaction((tx) => tx.exec(literalScript(chunk))),
    ),
  )
  const url = cetate.config.databaseUrl
  if (url) {
    await truncateCeiling(run())
    const clients = await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        return client
      }),
    )
    const free = [...clients]
    results.push(
      await timeChunks('COPY FROM STDIN', chunks, concurrency, async (chunk) => {
        const client = free.pop()!
        try {
          await client.query('BEGIN')
          for (const { table, columns, text } of copies(chunk)) {
            const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`))
            stream.end(text)
            await finished(stream)
          }
          await client.query('COMMIT')
        } finally {
          free.push(client)
        }
      }),
    )
    await Promise.all(clients.map((client) => client.end()))
  }
  await run()('DROP SCHEMA bench CASCADE')
  return results
}
