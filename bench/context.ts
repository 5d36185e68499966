import os from 'node:os'
import { cores, machineBusyMs } from './context/cpu.ts'
import { closeForRawWrite, measureBatchCreate, measureBatchReplace } from './context/measures/batch.ts'
import type { BenchRun } from './context/measures/bench-run.ts'
import { measureGet } from './context/measures/get.ts'
import { measureNotifications } from './context/measures/notifications.ts'
import { measurePatch } from './context/measures/patch.ts'
import { measureQuery } from './context/measures/query.ts'
import { measureRequestCeilings } from './context/measures/request-ceilings.ts'
import { measureTemporal } from './context/measures/temporal.ts'
import type { StartResult } from './context/messages.ts'
import { count, say } from './context/print.ts'
import { tableRows } from './context/report/rows.ts'
import { printFailures, printTable } from './context/report/table.ts'
import { whereTimeGoes } from './context/report/where-time-goes.ts'
import { ServerProcess } from './context/server-process.ts'

/**
 * The NGSI-LD context broker under load, on the embedded database and on PostgreSQL (when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set): batch upsert while seeding N entities over Cluj,
 * GET by id, a type + q + near query, single-attribute PATCH, an hourly average over a month of
 * minute data (temporal API) and notification latency (subscriptions).
 *
 * Each figure stands beside a ceiling measured in the same run on the same machine: a bare Fastify
 * hello-world in the server's own process for requests, raw multi-row INSERT and COPY of the same
 * rows into the same database for the batch. The server runs in a child process (context/server/serve.ts)
 * so that the load generator (this process) does not share its event loop; both share the machine's cores
 * with the database, and the CPU each takes is printed with every figure. Where time goes is measured by
 * running the same operations in the server process without HTTP, and the SQL alone (EXPLAIN ANALYZE).
 *
 *   node bench/context.ts [--entities 100000] [--duration 10] [--backend pglite|postgres] [--rate 1000]
 * or through `npm run bench -- context` with BENCH_ENTITIES, BENCH_DURATION, BENCH_BACKEND, BENCH_RATE.
 */

const backendName = (backend: 'pglite' | 'postgres') =>
  backend === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'

/** How busy the machine is before we start: 3 s with nothing of ours running. */
async function sayMachineBusy(): Promise<void> {
  const busyBefore = machineBusyMs()
  const wallBefore = performance.now()
  await new Promise((resolve) => setTimeout(resolve, 3000))
  say(
    `machine before starting (3 s, nothing of ours running): ${((100 * (machineBusyMs() - busyBefore)) / (performance.now() - wallBefore)).toFixed(0)}% busy of ${cores * 100}%`,
  )
}

async function benchBackend(
  backend: 'pglite' | 'postgres',
  settings: { entities: number; seconds: number; rate: number; databaseUrl: string | undefined },
): Promise<void> {
  const { entities, seconds, rate } = settings
  say()
  say(`=== ${backendName(backend)} ===`)
  await sayMachineBusy()
  const server = new ServerProcess()
  try {
    const info = await server.call<StartResult>('start', {
      backend,
      databaseUrl: settings.databaseUrl,
      entities,
    })
    say(
      `server ${info.url} (process ${server.pid}), database ${info.location}: ${Object.entries(info.settings)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ')}`,
    )
    const factor = backend === 'postgres' ? 1 : 0.5
    const run: BenchRun = {
      server,
      info,
      entities,
      seconds,
      directSeconds: Math.min(3, seconds),
      rate,
      factor,
    }

    const requests = await measureRequestCeilings(run)
    say()
    const create = await measureBatchCreate(run)
    const analyzeMs = await server.call<number>('analyze', {})
    say(`ANALYZE after seeding: ${analyzeMs.toFixed(0)} ms (the query plans below are on fresh statistics)`)
    const replace = await measureBatchReplace(run)
    say()
    const get = await measureGet(run)
    const query = await measureQuery(run)
    const patch = await measurePatch(run)
    say()
    const temporal = await measureTemporal(run)
    say()
    const notifications = await measureNotifications(run, {
      helloUrl: requests.helloUrl,
      patchRps: patch.load.rps,
    })
    const tables = await server.call<string>('tableStats')
    // The ceiling for the batch: the best raw write, live, and (embedded) on PGlite alone.
    const raw = await closeForRawWrite(run, create.ceilings)

    const measured = {
      entities,
      factor,
      requests,
      create,
      replace,
      raw,
      get,
      query,
      patch,
      temporal,
      notifications,
      tables,
    }
    const rows = tableRows(measured)
    printTable(
      `${backendName(backend)}: ${count(entities)} entities, ${seconds} s a measure, ${cores} cores shared by server, database and load generator`,
      rows,
    )
    printFailures(rows)
    say()
    say('where time goes:')
    for (const line of whereTimeGoes(measured)) say(`  - ${line}`)
  } finally {
    await server.call('drop').catch((error: unknown) => say(`dropping the database failed: ${String(error)}`))
    await server.end()
  }
}

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  if (at >= 0) return process.argv[at + 1]
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
}

const entities = Number(flag('entities') ?? process.env.BENCH_ENTITIES ?? 100_000)
const seconds = Number(flag('duration') ?? process.env.BENCH_DURATION ?? 10)
const rate = Number(flag('rate') ?? process.env.BENCH_RATE ?? 1000)
const only = flag('backend') ?? process.env.BENCH_BACKEND
const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined
if (!Number.isInteger(entities) || entities < 300)
  throw new Error('--entities must be a whole number, 300 or more.')
if (!(seconds > 0)) throw new Error('--duration must be a number of seconds.')
const backends = (['pglite', 'postgres'] as const).filter(
  (backend) => (backend === 'pglite' || databaseUrl) && (only === undefined || only === backend),
)
say(
  `context broker bench: ${count(entities)} entities, ${seconds} s a measure, ${cores} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}.`,
)
say(
  'The load generator (this process), the server (a child process) and PostgreSQL share these cores; figures are what one machine does with all three on it.',
)
if (!databaseUrl) say('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL).')
for (const backend of backends) await benchBackend(backend, { entities, seconds, rate, databaseUrl })
