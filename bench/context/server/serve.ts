import type { FastifyInstance } from 'fastify'
import { contextServices } from '../../../src/modules/context/index.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { type NgsiCetate, startNgsiCetate } from '../../../test/support/ngsi.ts'
import { helloWorld } from '../ceilings/hello-world.ts'
import { liveCeilings } from '../ceilings/live.ts'
import { pgliteAloneCeilings } from '../ceilings/pglite-alone.ts'
import { type CeilingChunk, prepareCeiling } from '../ceilings/rows.ts'
import type { Answer, Call, CeilingResult, StartResult } from '../messages.ts'
import { type Broker, brokerDb } from './broker.ts'
import { analyzeContext, databaseSettings, postgresPids, tableStats } from './database-catalog.ts'
import { runDirect } from './direct.ts'
import { explainRoute } from './explain.ts'
import { kyselyRunner } from './sql-runner.ts'
import { explainHourlyAverage, loadTemporalHistory } from './temporal-history.ts'

/**
 * The server process of the context bench, forked by ServerProcess (../server-process.ts): runs the broker
 * on a test database and answers the bench process's calls (../messages.ts), the operations below.
 */

let database: TestDatabase | undefined
let server: NgsiCetate | undefined
let broker: Broker | undefined
let hello: FastifyInstance | undefined
let closed = false
// The rows batch upsert wrote while seeding, read once right after it (later updates add history).
let ceilingChunks: CeilingChunk[] = []

const started = (): Broker => {
  if (!broker) throw new Error('The server is not started.')
  return broker
}
const run = () => kyselyRunner(brokerDb(started()))

async function close(): Promise<void> {
  if (closed) return
  closed = true
  await hello?.close()
  await server?.close()
}

const ops: Record<string, (args: Record<string, unknown>) => Promise<unknown>> = {
  async start(args): Promise<StartResult> {
    const backendName = String(args.backend)
    if (typeof args.databaseUrl === 'string') process.env.TEST_DATABASE_URL = args.databaseUrl
    const backend = testBackends().find((each) => each.name === backendName)
    if (!backend) throw new Error(`No backend ${backendName}.`)
    database = await backend.create()
    server = await startNgsiCetate(database)
    const terms = await contextServices(server.cetate.context).contexts.terms(undefined)
    broker = { server, terms, entities: Number(args.entities) }
    const settings = await databaseSettings(run())
    return { url: server.url, apiKey: server.apiKey, location: server.cetate.database.location, settings }
  },

  async hello() {
    hello = helloWorld()
    return hello.listen({ port: 0, host: '127.0.0.1' })
  },

  async postgresPids() {
    if (!database?.databaseUrl || closed) return []
    return postgresPids(run())
  },

  async cpu() {
    const usage = process.cpuUsage()
    return (usage.user + usage.system) / 1000
  },

  analyze: async () => analyzeContext(run()),
  explain: async (args) => explainRoute(started(), args.what),
  tableStats: async () => tableStats(run()),
  explainTemporal: async () => explainHourlyAverage(started()),
  direct: async (args) => runDirect(started(), args),
  loadTemporal: async () => loadTemporalHistory(started()),

  /** Raw writes of the seeded rows into the live server's database, beside it. */
  async ceiling(args): Promise<CeilingResult[]> {
    const { entities, server } = started()
    const count = Math.min(entities, Number(args.entities))
    ceilingChunks = await prepareCeiling(run(), count)
    return liveCeilings(server.cetate, ceilingChunks, Number(args.concurrency))
  },

  /** Closes the server; on the embedded database, the same ceilings on PGlite alone, with COPY from a Blob. */
  async close(): Promise<CeilingResult[]> {
    await close()
    if (!database || database.databaseUrl) return []
    return pgliteAloneCeilings(database.dataDir, ceilingChunks)
  },

  async drop() {
    await close()
    await database?.drop()
    database = undefined
    return true
  },
}

process.on('message', (message: Call) => {
  const op = ops[message.op]
  const reply = (answer: Answer) => process.send?.(answer)
  if (!op) return reply({ id: message.id, error: `No operation ${message.op}.` })
  op(message.args).then(
    (result) => reply({ id: message.id, result }),
    (error: unknown) =>
      reply({
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  )
})
// The bench process went away (finished or interrupted): leave no database behind.
process.on('disconnect', () => {
  void close()
    .then(() => database?.drop())
    .finally(() => process.exit(0))
})
