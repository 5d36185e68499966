import { fork } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import { finished } from 'node:stream/promises'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { postgis } from '@electric-sql/pglite-postgis'
import autocannon from 'autocannon'
import cliProgress from 'cli-progress'
import Fastify, { type FastifyInstance } from 'fastify'
import { CompiledQuery } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { runBatch } from '../src/modules/context/batch.ts'
import { readInstance } from '../src/modules/context/entity-input.ts'
import { contextServices } from '../src/modules/context/index.ts'
import type { TermMap } from '../src/modules/context/json-ld/term-map.ts'
import { readEntityFilter } from '../src/modules/context/query/entity-filter.ts'
import { queryEntities } from '../src/modules/context/query/entity-query.ts'
import { patchEntityAttribute } from '../src/modules/context/service.ts'
import { findEntity } from '../src/modules/context/store.ts'
import { hashSecret } from '../src/modules/identity/secrets.ts'
import { selectUsableKey, touchApiKey } from '../src/modules/identity/store/api-keys.ts'
import type { Database } from '../src/platform/db/database.ts'
import { type TestDatabase, testBackends } from '../test/support/databases.ts'
import { type NgsiCetate, startNgsiCetate } from '../test/support/ngsi.ts'

/**
 * The NGSI-LD context broker under load, on the embedded database and on PostgreSQL (when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set): batch upsert while seeding N entities over Cluj,
 * GET by id, a type + q + near query, single-attribute PATCH, an hourly average over a month of
 * minute data (temporal API) and notification latency (subscriptions).
 *
 * Each figure stands beside a ceiling measured in the same run on the same machine: a bare Fastify
 * hello-world in the server's own process for requests, raw multi-row INSERT and COPY of the same
 * rows into the same database for the batch. The server runs in a child process so that the load
 * generator (this process) does not share its event loop; both share the machine's cores with the
 * database, and the CPU each takes is printed with every figure. Where time goes is measured by
 * running the same operations in the server process without HTTP, and the SQL alone (EXPLAIN ANALYZE).
 *
 *   node bench/context.ts [--entities 100000] [--duration 10] [--backend pglite|postgres] [--rate 1000]
 * or through `npm run bench -- context` with BENCH_ENTITIES, BENCH_DURATION, BENCH_BACKEND, BENCH_RATE.
 */

// ---------------------------------------------------------------------------------------------------
// Shared by both processes: the entities, their ids, the messages between the processes.

const TYPES = ['AirQualityObserved', 'ParkingSpot', 'TrafficFlowObserved'] as const
const BATCH = 1000
const BATCH_CONCURRENCY = 4
const CONNECTIONS = 20
const CEILING_ENTITIES = 20_000
const SUBSCRIPTIONS = 100
const TEMPORAL_ID = 'urn:ngsi-ld:AirQualityObserved:bench-history'
const TEMPORAL_FROM = '2025-01-01T00:00:00Z'
const TEMPORAL_TO = '2025-01-31T00:00:00Z'
const QUERY = {
  type: 'AirQualityObserved',
  q: 'NO2>40',
  georel: 'near;maxDistance==2000',
  geometry: 'Point',
  coordinates: '[23.59,46.77]',
  limit: '20',
}

/** Entity n: every third one an AirQualityObserved (n = 0, 3, 6 …), then a ParkingSpot, a TrafficFlowObserved. */
const entityId = (n: number): string => `urn:ngsi-ld:${TYPES[n % 3]}:bench-${n}`
const airQualityCount = (entities: number): number => Math.ceil(entities / 3)
const airQualityId = (k: number): string => entityId(3 * k)

/** A deterministic number in [0, 1) for entity n and a salt, so both processes agree on the data. */
function unit(n: number, salt: number): number {
  let t = (Math.imul(n, 0x9e3779b1) + Math.imul(salt + 1, 0x85ebca77)) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits))

/** Entity n as a client sends it; `generation` changes the readings, never the place. */
function makeEntity(n: number, generation: number, observedAt: string): Record<string, unknown> {
  const type = TYPES[n % 3]!
  const reading = (salt: number, scale: number) => ({
    type: 'Property',
    value: round(scale * unit(n, salt + 16 * generation), 1),
    observedAt,
  })
  const location = {
    type: 'GeoProperty',
    value: {
      type: 'Point',
      coordinates: [round(23.5 + 0.2 * unit(n, 1), 6), round(46.72 + 0.1 * unit(n, 2), 6)],
    },
  }
  const base = { id: entityId(n), type, location }
  if (type === 'AirQualityObserved')
    return { ...base, NO2: reading(3, 80), PM10: reading(4, 60), O3: reading(5, 120) }
  if (type === 'ParkingSpot')
    return { ...base, occupancy: reading(6, 1), chargeLevel: reading(7, 100), temperature: reading(8, 35) }
  return {
    ...base,
    intensity: reading(9, 900),
    averageVehicleSpeed: reading(10, 70),
    occupancy: reading(11, 1),
  }
}

function makeEntities(from: number, to: number, generation: number): Record<string, unknown>[] {
  const observedAt = new Date().toISOString()
  const items: Record<string, unknown>[] = []
  for (let n = from; n < to; n++) items.push(makeEntity(n, generation, observedAt))
  return items
}

interface Call {
  id: number
  op: string
  args: Record<string, unknown>
}

interface Answer {
  id: number
  result?: unknown
  error?: string
}

interface StartResult {
  url: string
  apiKey: string
  location: string
  settings: Record<string, string>
}

/** Operations run in the server process, without HTTP. */
interface DirectResult {
  ops: number
  units: number
  seconds: number
  meanMs: number
  p95Ms: number
  /** Of one core, in the server process. */
  cpuPct: number
}

interface ExplainResult {
  sql: string
  executionMs: number
  /** With max_parallel_workers_per_gather = 0. */
  serialMs?: number
  planningMs: number
  plan: string
}

interface CeilingResult {
  method: string
  entities: number
  rows: number
  seconds: number
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

const count = (value: number) => Math.round(value).toLocaleString('en-US')

const mean = (values: readonly number[]): number =>
  values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length

// ---------------------------------------------------------------------------------------------------
// The server process.

/** A query runner over any of the three connections the ceilings use. */
type Runner = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>

const kyselyRunner =
  (db: Database): Runner =>
  async (text, params = []) =>
    (await db.executeQuery(CompiledQuery.raw(text, params))).rows as Record<string, unknown>[]

/** The database, recording every compiled query it runs, so the exact SQL of a route can be explained. */
function recording(db: Database, seen: CompiledQuery[]): Database {
  const bind = <T extends object>(target: T, prop: string | symbol): unknown => {
    const value: unknown = Reflect.get(target, prop, target)
    return typeof value === 'function' ? value.bind(target) : value
  }
  return new Proxy(db, {
    get(target, prop) {
      if (prop !== 'getExecutor') return bind(target, prop)
      return () => {
        const executor = target.getExecutor()
        return new Proxy(executor, {
          get(inner, innerProp) {
            if (innerProp !== 'executeQuery') return bind(inner, innerProp)
            return (query: CompiledQuery, ...rest: unknown[]) => {
              seen.push(query)
              return Reflect.apply(inner.executeQuery, inner, [query, ...rest])
            }
          },
        })
      }
    },
  })
}

async function loops(
  seconds: number,
  concurrency: number,
  op: (i: number) => Promise<number>,
): Promise<DirectResult> {
  const times: number[] = []
  let units = 0
  let i = 0
  const cpuStart = process.cpuUsage()
  const started = performance.now()
  const until = started + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now()
        // Not `units += await …`: that reads `units` before the await and loses the other loops' work.
        const done = await op(i++)
        units += done
        times.push(performance.now() - t)
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStart)
  times.sort((a, b) => a - b)
  return {
    ops: times.length,
    units,
    seconds: elapsed,
    meanMs: mean(times),
    p95Ms: percentile(times, 0.95),
    cpuPct: (cpu.user + cpu.system) / 1e4 / elapsed,
  }
}

async function explain(run: Runner, query: CompiledQuery, runs: number): Promise<ExplainResult> {
  const params = [...query.parameters]
  const planRows = await run(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, params)
  const plan = planRows.map((row) => String(row['QUERY PLAN'])).join('\n')
  const executions: number[] = []
  const plannings: number[] = []
  for (let i = 0; i < runs; i++) {
    const rows = await run(`EXPLAIN (ANALYZE, TIMING OFF) ${query.sql}`, params)
    for (const row of rows) {
      const line = String(row['QUERY PLAN'])
      const execution = /Execution Time: ([\d.]+) ms/.exec(line)
      const planning = /Planning Time: ([\d.]+) ms/.exec(line)
      if (execution) executions.push(Number(execution[1]))
      if (planning) plannings.push(Number(planning[1]))
    }
  }
  executions.sort((a, b) => a - b)
  plannings.sort((a, b) => a - b)
  return {
    sql: query.sql,
    executionMs: percentile(executions, 0.5),
    planningMs: percentile(plannings, 0.5),
    plan,
  }
}

// The ceiling for batch upsert: the same rows batch upsert wrote (entity state, temporal entity, one
// history row per attribute), read back as text and written again into empty copies of the tables.

interface CeilingChunk {
  entities: (string | null)[][]
  temporal: (string | null)[][]
  history: (string | null)[][]
}

const ENTITY_COLUMNS = ['tenant', 'id', 'types', 'scopes', 'attrs', 'location', 'created_at', 'modified_at']
const ENTITY_CASTS = ['text', 'text', 'text[]', 'text[]', 'jsonb', 'geometry', 'timestamptz', 'timestamptz']
const TEMPORAL_COLUMNS = ['tenant', 'id', 'types', 'created_at']
const TEMPORAL_CASTS = ['text', 'text', 'text[]', 'timestamptz']
const HISTORY_COLUMNS = [
  'tenant',
  'entity_id',
  'attribute',
  'dataset_id',
  'observed_at',
  'number',
  'instance',
]
const HISTORY_CASTS = ['text', 'text', 'text', 'text', 'timestamptz', 'float8', 'jsonb']

async function prepareCeiling(run: Runner, count: number): Promise<CeilingChunk[]> {
  await run('CREATE SCHEMA IF NOT EXISTS bench')
  for (const table of ['entities', 'temporal_entities', 'attribute_instances'])
    await run(`CREATE TABLE IF NOT EXISTS bench.${table} (LIKE context.${table} INCLUDING ALL)`)
  const chunks: CeilingChunk[] = []
  const text = (value: unknown): string | null =>
    value === null || value === undefined ? null : String(value)
  for (let from = 0; from < count; from += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, count - from) }, (_, i) => entityId(from + i))
    const entities = await run(
      `SELECT tenant, id, types::text AS types, scopes::text AS scopes, attrs::text AS attrs,
        location::text AS location, created_at::text AS created_at, modified_at::text AS modified_at
       FROM context.entities WHERE tenant = '' AND id = ANY($1::text[])`,
      [ids],
    )
    const temporal = await run(
      `SELECT tenant, id, types::text AS types, created_at::text AS created_at
       FROM context.temporal_entities WHERE tenant = '' AND id = ANY($1::text[])`,
      [ids],
    )
    const history = await run(
      `SELECT tenant, entity_id, attribute, dataset_id, observed_at::text AS observed_at, number::text AS number,
        instance::text AS instance
       FROM context.attribute_instances WHERE tenant = '' AND entity_id = ANY($1::text[])`,
      [ids],
    )
    chunks.push({
      entities: entities.map((row) => ENTITY_COLUMNS.map((column) => text(row[column]))),
      temporal: temporal.map((row) => TEMPORAL_COLUMNS.map((column) => text(row[column]))),
      history: history.map((row) => HISTORY_COLUMNS.map((column) => text(row[column]))),
    })
  }
  return chunks
}

const truncateCeiling = (run: Runner) =>
  run('TRUNCATE bench.entities, bench.temporal_entities, bench.attribute_instances')

/** Multi-row INSERT statements for rows, each under PostgreSQL's 65,535 parameters. */
function multiRowInserts(
  table: string,
  columns: string[],
  casts: string[],
  rows: (string | null)[][],
): { text: string; params: (string | null)[] }[] {
  const perStatement = Math.floor(60_000 / columns.length)
  const statements: { text: string; params: (string | null)[] }[] = []
  for (let from = 0; from < rows.length; from += perStatement) {
    const slice = rows.slice(from, from + perStatement)
    const params: (string | null)[] = []
    const tuples = slice.map((row) => {
      const placeholders = row.map((value, i) => {
        params.push(value)
        return `$${params.length}::${casts[i]}`
      })
      return `(${placeholders.join(',')})`
    })
    statements.push({
      text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(',')}`,
      params,
    })
  }
  return statements
}

const literal = (value: string | null, cast: string): string =>
  value === null ? `NULL::${cast}` : `'${value.replace(/'/g, "''")}'::${cast}`

/** The same INSERTs with the values written into the SQL text: no parameters to bind (one script). */
function literalScript(chunk: CeilingChunk): string {
  const insert = (table: string, columns: string[], casts: string[], rows: (string | null)[][]) =>
    rows.length === 0
      ? ''
      : `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows
          .map((row) => `(${row.map((value, i) => literal(value, casts[i]!)).join(',')})`)
          .join(',')};\n`
  return (
    insert('bench.entities', ENTITY_COLUMNS, ENTITY_CASTS, chunk.entities) +
    insert('bench.temporal_entities', TEMPORAL_COLUMNS, TEMPORAL_CASTS, chunk.temporal) +
    insert('bench.attribute_instances', HISTORY_COLUMNS, HISTORY_CASTS, chunk.history)
  )
}

function insertStatements(chunk: CeilingChunk) {
  return [
    ...multiRowInserts('bench.entities', ENTITY_COLUMNS, ENTITY_CASTS, chunk.entities),
    ...multiRowInserts('bench.temporal_entities', TEMPORAL_COLUMNS, TEMPORAL_CASTS, chunk.temporal),
    ...multiRowInserts('bench.attribute_instances', HISTORY_COLUMNS, HISTORY_CASTS, chunk.history),
  ]
}

const copyField = (value: string | null): string =>
  value === null
    ? '\\N'
    : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
const copyText = (rows: (string | null)[][]): string =>
  rows.map((row) => row.map(copyField).join('\t')).join('\n') + (rows.length > 0 ? '\n' : '')

function copies(chunk: CeilingChunk): { table: string; columns: string[]; text: string }[] {
  return [
    { table: 'bench.entities', columns: ENTITY_COLUMNS, text: copyText(chunk.entities) },
    { table: 'bench.temporal_entities', columns: TEMPORAL_COLUMNS, text: copyText(chunk.temporal) },
    { table: 'bench.attribute_instances', columns: HISTORY_COLUMNS, text: copyText(chunk.history) },
  ]
}

/** Writes every chunk, each in its own transaction, `concurrency` at a time. */
async function timeChunks(
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

async function serve(): Promise<void> {
  let database: TestDatabase | undefined
  let server: NgsiCetate | undefined
  let hello: FastifyInstance | undefined
  let terms: TermMap | undefined
  let entities = 0
  let closed = false
  // The rows batch upsert wrote while seeding, read once right after it (later updates add history).
  let ceilingChunks: CeilingChunk[] = []

  const running = (): NgsiCetate => {
    if (!server) throw new Error('The server is not started.')
    return server
  }
  const db = (): Database => running().cetate.database.db
  const termMap = (): TermMap => {
    if (!terms) throw new Error('The server is not started.')
    return terms
  }
  const queryFilter = () => readEntityFilter(QUERY)
  const page = { limit: 20, offset: 0, count: false }

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
      entities = Number(args.entities)
      database = await backend.create()
      server = await startNgsiCetate(database)
      terms = await contextServices(server.cetate.context).contexts.terms(undefined)
      const settings: Record<string, string> = {}
      const rows = await kyselyRunner(db())(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN
          ('server_version', 'shared_buffers', 'synchronous_commit', 'fsync', 'work_mem', 'max_connections')`,
      )
      for (const row of rows) settings[String(row.name)] = `${row.setting}${row.unit ? ` ${row.unit}` : ''}`
      return { url: server.url, apiKey: server.apiKey, location: server.cetate.database.location, settings }
    },

    async hello() {
      hello = Fastify({ logger: false })
      hello.get('/', async () => ({ hello: 'world' }))
      return hello.listen({ port: 0, host: '127.0.0.1' })
    },

    async postgresPids() {
      if (!database?.databaseUrl || closed) return []
      const rows = await kyselyRunner(db())(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'`,
      )
      return rows.map((row) => Number(row.pid))
    },

    async cpu() {
      const usage = process.cpuUsage()
      return (usage.user + usage.system) / 1000
    },

    async analyze() {
      const started = performance.now()
      for (const table of ['entities', 'temporal_entities', 'attribute_instances'])
        await kyselyRunner(db())(`ANALYZE context.${table}`)
      return performance.now() - started
    },

    async explain(args) {
      const seen: CompiledQuery[] = []
      const traced = recording(db(), seen)
      if (args.what === 'get') await findEntity(traced, '', entityId(Math.floor(entities / 2)))
      else await queryEntities(traced, '', queryFilter(), termMap(), { all: true }, page)
      const query = seen[0]
      if (!query) throw new Error(`No SQL was run for ${String(args.what)}.`)
      const explained = await explain(kyselyRunner(db()), query, 20)
      // The same without parallel workers, which on a small machine compete with everything else.
      const serial = await running().cetate.database.scriptTransaction(async (tx) => {
        await tx.exec('SET LOCAL max_parallel_workers_per_gather = 0')
        return explain((text, params) => tx.query<Record<string, unknown>>(text, params), query, 20)
      })
      return { ...explained, serialMs: serial.executionMs }
    },

    async tableStats() {
      const rows = await kyselyRunner(db())(
        `SELECT relname, n_live_tup::int AS live, n_dead_tup::int AS dead,
           pg_size_pretty(pg_total_relation_size(relid)) AS size
         FROM pg_stat_user_tables WHERE schemaname = 'context' AND relname IN ('entities', 'attribute_instances')
         ORDER BY relname`,
      )
      return rows
        .map(
          (row) =>
            `${String(row.relname)} ${count(Number(row.live))} live, ${count(Number(row.dead))} dead rows, ${String(row.size)}`,
        )
        .join('; ')
    },

    async explainTemporal() {
      const query = CompiledQuery.raw(
        `SELECT date_bin('1 hour', observed_at, $3::timestamptz) AS bucket, avg(number) AS avg, count(*) AS n
         FROM context.attribute_instances
         WHERE tenant = '' AND entity_id = $1 AND attribute = $2
           AND observed_at >= $3::timestamptz AND observed_at < $4::timestamptz
         GROUP BY 1 ORDER BY 1`,
        [TEMPORAL_ID, termMap().expand('NO2'), TEMPORAL_FROM, TEMPORAL_TO],
      )
      return explain(kyselyRunner(db()), query, 10)
    },

    async direct(args): Promise<DirectResult> {
      const seconds = Number(args.seconds)
      const concurrency = Number(args.concurrency)
      const cetate = running()
      const context = cetate.cetate.context
      const random = (count: number) => Math.floor(Math.random() * count)
      switch (args.what) {
        case 'auth': {
          const hash = hashSecret(cetate.apiKey)
          return loops(seconds, concurrency, async () => {
            const key = await selectUsableKey(db(), hash)
            if (!key) throw new Error('The API key is not usable.')
            await touchApiKey(db(), key.id)
            return 1
          })
        }
        case 'get':
          return loops(seconds, concurrency, async () => {
            if (!(await findEntity(db(), '', entityId(random(entities)))))
              throw new Error('Entity not found.')
            return 1
          })
        case 'query': {
          const filter = queryFilter()
          return loops(seconds, concurrency, async () => {
            await queryEntities(db(), '', filter, termMap(), { all: true }, page)
            return 1
          })
        }
        case 'patch': {
          const iri = termMap().expand('NO2')
          return loops(seconds, concurrency, async () => {
            const instance = readInstance('NO2', { value: round(80 * Math.random(), 1) }, termMap())
            await patchEntityAttribute(
              context,
              { tenant: '' },
              airQualityId(random(airQualityCount(entities))),
              iri,
              'NO2',
              instance,
            )
            return 1
          })
        }
        case 'upsert': {
          const batches = Math.ceil(entities / BATCH)
          const generation = Number(args.generation)
          return loops(seconds, concurrency, async (i) => {
            const from = (i % batches) * BATCH
            const items = makeEntities(from, Math.min(entities, from + BATCH), generation)
            const result = await runBatch(context, '', items, async () => termMap(), 'upsert')
            if (result.errors.length > 0) throw new Error(JSON.stringify(result.errors[0]))
            return items.length
          })
        }
        default:
          throw new Error(`No direct operation ${String(args.what)}.`)
      }
    },

    async loadTemporal() {
      const run = kyselyRunner(db())
      const started = performance.now()
      await run(
        `INSERT INTO context.temporal_entities (tenant, id, types, created_at)
         VALUES ('', $1, ARRAY[$2::text], $3::timestamptz) ON CONFLICT DO NOTHING`,
        [TEMPORAL_ID, termMap().expand('AirQualityObserved'), TEMPORAL_FROM],
      )
      await run(
        `INSERT INTO context.attribute_instances
           (tenant, entity_id, attribute, dataset_id, observed_at, number, instance)
         SELECT '', $1, $2, '', t, v, jsonb_build_object('type', 'Property', 'value', v,
           'observedAt', to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
         FROM (SELECT t, round((20 + 30 * random())::numeric, 1)::float8 AS v
           FROM generate_series($3::timestamptz, $4::timestamptz - interval '1 minute', interval '1 minute') AS t) s`,
        [TEMPORAL_ID, termMap().expand('NO2'), TEMPORAL_FROM, TEMPORAL_TO],
      )
      const counted = await run(
        `SELECT count(*)::int AS n FROM context.attribute_instances WHERE tenant = '' AND entity_id = $1`,
        [TEMPORAL_ID],
      )
      return { rows: Number(counted[0]?.n), ms: performance.now() - started }
    },

    /** Raw writes of the seeded rows into the live server's database, beside it. */
    async ceiling(args): Promise<CeilingResult[]> {
      const count = Math.min(entities, Number(args.entities))
      const concurrency = Number(args.concurrency)
      const cetate = running().cetate
      const chunks = await prepareCeiling(kyselyRunner(db()), count)
      ceilingChunks = chunks
      const results: CeilingResult[] = []
      await truncateCeiling(kyselyRunner(db()))
      results.push(
        await timeChunks('multi-row INSERT, bound parameters', chunks, concurrency, (chunk) =>
          cetate.database.scriptTransaction(async (tx) => {
            for (const statement of insertStatements(chunk)) await tx.query(statement.text, statement.params)
          }),
        ),
      )
      await truncateCeiling(kyselyRunner(db()))
      results.push(
        await timeChunks('multi-row INSERT, literal values', chunks, concurrency, (chunk) =>
          cetate.database.scriptTransaction((tx) => tx.exec(literalScript(chunk))),
        ),
      )
      const url = cetate.config.databaseUrl
      if (url) {
        await truncateCeiling(kyselyRunner(db()))
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
      await kyselyRunner(db())('DROP SCHEMA bench CASCADE')
      return results
    },

    /** Closes the server; on the embedded database, the same ceilings on PGlite alone, with COPY from a Blob. */
    async close(): Promise<CeilingResult[]> {
      await close()
      if (!database || database.databaseUrl) return []
      const pglite = await PGlite.create({
        dataDir: database.dataDir,
        extensions: { postgis, unaccent, pg_trgm },
      })
      try {
        const run: Runner = async (text, params = []) =>
          (await pglite.query<Record<string, unknown>>(text, params)).rows
        await prepareCeiling(run, 0)
        const chunks = ceilingChunks
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
}

// ---------------------------------------------------------------------------------------------------
// The bench process: load generation, CPU accounting, the report.

class ServerProcess {
  readonly #child = fork(new URL(import.meta.url).pathname, ['--serve'], { stdio: 'inherit' })
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  #next = 0

  constructor() {
    this.#child.on('message', (answer: Answer) => {
      const pending = this.#pending.get(answer.id)
      if (!pending) return
      this.#pending.delete(answer.id)
      if (answer.error !== undefined) pending.reject(new Error(answer.error))
      else pending.resolve(answer.result)
    })
    this.#child.on('exit', (code) => {
      for (const pending of this.#pending.values())
        pending.reject(new Error(`The server process ended (code ${code}).`))
      this.#pending.clear()
    })
  }

  get pid(): number | undefined {
    return this.#child.pid
  }

  call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.#next++
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.#child.send({ id, op, args } satisfies Call)
    })
  }

  async end(): Promise<void> {
    if (this.#child.exitCode !== null) return
    const exited = new Promise((resolve) => this.#child.once('exit', resolve))
    this.#child.disconnect()
    await exited
  }
}

/** CPU time, in milliseconds, of each party since boot, and the wall clock. */
interface CpuSnapshot {
  wall: number
  loadGenerator: number
  server: number
  postgres: Map<number, number>
  /** The PostgreSQL processes that work for us: our database's backends and the cluster's own. */
  ours: number[]
  machineBusy: number
}

const TICK_MS = 10 // USER_HZ is 100 on Linux.

/** CPU milliseconds of each PostgreSQL process, by process id. */
function postgresCpuMs(): Map<number, number> {
  const byPid = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue
      const fields = stat.slice(close + 2).split(' ')
      byPid.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * TICK_MS)
    } catch {
      // The process ended while we looked.
    }
  }
  return byPid
}

function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const total = fields.reduce((sum, value) => sum + value, 0)
  return (total - fields[3]! - fields[4]!) * TICK_MS
}

async function cpuSnapshot(server: ServerProcess): Promise<CpuSnapshot> {
  const usage = process.cpuUsage()
  return {
    wall: performance.now(),
    loadGenerator: (usage.user + usage.system) / 1000,
    server: await server.call<number>('cpu'),
    ours: await server.call<number[]>('postgresPids'),
    postgres: postgresCpuMs(),
    machineBusy: machineBusyMs(),
  }
}

interface CpuShare {
  seconds: number
  server: number
  postgres: number
  loadGenerator: number
  other: number
  /** CPU milliseconds of the server and of PostgreSQL. */
  serverMs: number
  postgresMs: number
}

function cpuShare(before: CpuSnapshot, after: CpuSnapshot): CpuShare {
  const wall = after.wall - before.wall
  const pct = (ms: number) => (100 * ms) / wall
  const server = after.server - before.server
  // Per process: others' test databases open and close backends all the time. A backend that
  // appeared during the run counts whole; one that ended during it is lost (rare for ours: a pool).
  const ours = new Set([...before.ours, ...after.ours])
  let postgres = 0
  for (const [pid, used] of after.postgres)
    if (ours.has(pid)) postgres += used - (before.postgres.get(pid) ?? 0)
  const loadGenerator = after.loadGenerator - before.loadGenerator
  const other = Math.max(0, after.machineBusy - before.machineBusy - server - postgres - loadGenerator)
  return {
    seconds: wall / 1000,
    server: pct(server),
    postgres: pct(postgres),
    loadGenerator: pct(loadGenerator),
    other: pct(other),
    serverMs: server,
    postgresMs: postgres,
  }
}

const cores = os.cpus().length
const describeCpu = (share: CpuShare): string =>
  `CPU (100% = one core, ${cores * 100}% in all): server ${share.server.toFixed(0)}%, PostgreSQL ${share.postgres.toFixed(0)}%, load generator ${share.loadGenerator.toFixed(0)}%, other ${share.other.toFixed(0)}%`

interface Load {
  /** Successful responses per second. */
  rps: number
  requests: number
  failures: number
  firstError: string | undefined
  p50: number
  p95: number
  p99: number
  cpu: CpuShare
}

const say = (line = '') => process.stdout.write(`${line}\n`)
const ms = (value: number) =>
  Number.isNaN(value) ? '–' : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`

interface Target {
  url: string
  connections: number
  seconds: number
  method?: 'GET' | 'PATCH' | 'POST'
  headers?: Record<string, string>
  next: () => { path: string; body?: string }
}

function cannonOnce(target: Target): Promise<Omit<Load, 'cpu'>> {
  const times: number[] = []
  let firstError: string | undefined
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: target.connections,
        duration: target.seconds,
        headers: target.headers ?? {},
        requests: [
          {
            method: target.method ?? 'GET',
            setupRequest: (request) => {
              const { path, body } = target.next()
              return { ...request, path, ...(body === undefined ? {} : { body }) }
            },
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && firstError === undefined)
                firstError = `${status} ${String(body).slice(0, 800)}`
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error)
        times.sort((a, b) => a - b)
        const ok = result['2xx']
        resolve({
          rps: ok / (result.duration || target.seconds),
          requests: result.requests.total,
          failures: result.non2xx + result.errors + result.timeouts,
          firstError: firstError ?? (result.errors > 0 ? `${result.errors} socket errors` : undefined),
          p50: percentile(times, 0.5),
          p95: percentile(times, 0.95),
          p99: percentile(times, 0.99),
        })
      },
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
}

/** A warm-up, then the measured run with the CPU each party took. */
async function cannon(server: ServerProcess, label: string, target: Target): Promise<Load> {
  await cannonOnce({ ...target, seconds: Math.max(1, Math.min(3, Math.round(target.seconds / 5))) })
  const before = await cpuSnapshot(server)
  const load = await cannonOnce(target)
  const cpu = cpuShare(before, await cpuSnapshot(server))
  say(
    `${label}: ${count(load.rps)} req/s (${target.connections} connection${target.connections === 1 ? '' : 's'}), p50 ${ms(load.p50)}, p95 ${ms(load.p95)}, p99 ${ms(load.p99)}, failures ${load.failures}`,
  )
  say(`  ${describeCpu(cpu)}`)
  if (load.firstError) say(`  first failure: ${load.firstError}`)
  return { ...load, cpu }
}

// Batch upsert over HTTP.

interface BatchLoad {
  entities: number
  seconds: number
  failures: number
  firstError: string | undefined
  cpu: CpuShare
}

async function postBatch(
  url: string,
  apiKey: string,
  body: string,
  size: number,
): Promise<{ failed: number; error?: string }> {
  const response = await fetch(`${url}/ngsi-ld/v1/entityOperations/upsert`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body,
  })
  const text = await response.text()
  if (response.status === 201 || response.status === 204) return { failed: 0 }
  if (response.status === 207) {
    const errors = (JSON.parse(text) as { errors?: unknown[] }).errors ?? []
    return { failed: errors.length, error: `207 ${text.slice(0, 800)}` }
  }
  return { failed: size, error: `${response.status} ${text.slice(0, 800)}` }
}

/** Upserts batches of entities, `concurrency` requests at a time, until done or until the deadline. */
async function upsertBatches(
  server: ServerProcess,
  info: StartResult,
  options: {
    entities: number
    generation: number
    /** Stop after this many seconds (cycling over the entities); otherwise once through. */
    seconds?: number
    onProgress?: (done: number, failures: number) => void
  },
): Promise<BatchLoad> {
  const batches = Math.ceil(options.entities / BATCH)
  let next = 0
  let done = 0
  let failures = 0
  let firstError: string | undefined
  const before = await cpuSnapshot(server)
  const deadline = options.seconds === undefined ? undefined : performance.now() + options.seconds * 1000
  await Promise.all(
    Array.from({ length: BATCH_CONCURRENCY }, async () => {
      for (;;) {
        if (deadline === undefined ? next >= batches : performance.now() >= deadline) return
        const from = (next++ % batches) * BATCH
        const items = makeEntities(from, Math.min(options.entities, from + BATCH), options.generation)
        const result = await postBatch(info.url, info.apiKey, JSON.stringify(items), items.length)
        done += items.length - result.failed
        failures += result.failed
        if (result.error && firstError === undefined) firstError = result.error
        options.onProgress?.(done, failures)
      }
    }),
  )
  const cpu = cpuShare(before, await cpuSnapshot(server))
  return { entities: done, seconds: cpu.seconds, failures, firstError, cpu }
}

async function seed(server: ServerProcess, info: StartResult, entities: number): Promise<BatchLoad> {
  const bar = new cliProgress.SingleBar(
    {
      format:
        'seeding |{bar}| {value}/{total} entities | {speed} entities/s | failures {failures} | {duration}s',
      noTTYOutput: true,
      notTTYSchedule: 5000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  )
  const started = performance.now()
  bar.start(entities, 0, { speed: 0, failures: 0 })
  const load = await upsertBatches(server, info, {
    entities,
    generation: 0,
    onProgress: (done, failures) =>
      bar.update(done + failures, {
        speed: count(done / ((performance.now() - started) / 1000)),
        failures,
      }),
  })
  bar.stop()
  return load
}

// Paced requests and the notification receiver.

interface Paced {
  sent: number
  skipped: number
  failures: number
  firstError: string | undefined
  /** Round-trip times of the requests answered 2xx. */
  times: number[]
  seconds: number
}

const nowMs = () => performance.timeOrigin + performance.now()

/** Sends `rate` requests per second for `seconds`, never more than `maxInFlight` outstanding. */
async function paced(options: {
  url: string
  rate: number
  seconds: number
  maxInFlight: number
  request: (i: number) => {
    method: string
    path: string
    headers: Record<string, string>
    body?: (at: number) => string
  }
}): Promise<Paced> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxInFlight })
  const base = new URL(options.url)
  const result: Paced = { sent: 0, skipped: 0, failures: 0, firstError: undefined, times: [], seconds: 0 }
  let inFlight = 0
  let due = 0
  const started = performance.now()
  const fire = (i: number) => {
    const { method, path, headers, body } = options.request(i)
    const sentAt = nowMs()
    const payload = body?.(sentAt)
    inFlight++
    const request = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers:
          payload === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const ok = (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          if (!ok) text += chunk
        })
        response.on('end', () => {
          inFlight--
          if (ok) result.times.push(nowMs() - sentAt)
          else {
            result.failures++
            result.firstError ??= `${response.statusCode} ${text.slice(0, 800)}`
          }
        })
      },
    )
    request.on('error', (error) => {
      inFlight--
      result.failures++
      result.firstError ??= error.message
    })
    request.end(payload)
  }
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started
      const target = Math.floor(Math.min(elapsed, options.seconds * 1000) * (options.rate / 1000))
      while (due < target) {
        if (inFlight >= options.maxInFlight) result.skipped++
        else {
          fire(due)
          result.sent++
        }
        due++
      }
      if (elapsed >= options.seconds * 1000) {
        clearInterval(timer)
        resolve()
      }
    }, 1)
  })
  const drainUntil = performance.now() + 10_000
  while (inFlight > 0 && performance.now() < drainUntil)
    await new Promise((resolve) => setTimeout(resolve, 10))
  result.seconds = (performance.now() - started) / 1000
  agent.destroy()
  result.times.sort((a, b) => a - b)
  return result
}

interface Receiver {
  url: string
  /** Latency of each update, by the send time it carried. */
  latencies: Map<number, number>
  notifications: number
  close(): Promise<void>
}

/** Receives notifications; NO2 carries the instant its PATCH was sent (milliseconds since 1970). */
async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    latencies: new Map(),
    notifications: 0,
    close: async () => {},
  }
  const httpServer = http.createServer((request, response) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      text += chunk
    })
    request.on('end', () => {
      const at = nowMs()
      response.writeHead(204).end()
      receiver.notifications++
      try {
        const body = JSON.parse(text) as { data?: Record<string, unknown>[] }
        for (const entity of body.data ?? []) {
          const member = entity.NO2
          const value =
            typeof member === 'number'
              ? member
              : member && typeof member === 'object'
                ? (member as { value?: unknown }).value
                : undefined
          if (typeof value === 'number' && value > 1e12 && !receiver.latencies.has(value))
            receiver.latencies.set(value, at - value)
        }
      } catch {
        // Not JSON: counted, not timed.
      }
    })
  })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const address = httpServer.address() as { port: number }
  receiver.url = `http://127.0.0.1:${address.port}/notify`
  receiver.close = () => new Promise((resolve) => httpServer.close(() => resolve()))
  return receiver
}

// The report.

interface Row {
  measure: string
  figure: string
  target: string
  ceiling: string
  ratio: string
  met: string
  failures: number
}

function printTable(title: string, rows: Row[]): void {
  const header: Row = {
    measure: 'measure',
    figure: 'figure',
    target: 'target',
    ceiling: 'ceiling (same run)',
    ratio: 'ratio',
    met: 'met?',
    failures: 0,
  }
  const columns = ['measure', 'figure', 'target', 'ceiling', 'ratio', 'met'] as const
  const all = [header, ...rows]
  const widths = columns.map((column) => Math.max(...all.map((row) => row[column].length)))
  const line = (values: string[]) =>
    `| ${values.map((value, i) => value.padEnd(widths[i] ?? 0)).join(' | ')} |`
  say()
  say(title)
  say(line(columns.map((column) => header[column])))
  say(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
  for (const row of rows) say(line(columns.map((column) => row[column])))
  say(
    'ratio: figure ÷ ceiling for rates; floor ÷ figure for latencies (1.00 = as fast as the hello-world in the same process).',
  )
}

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  if (at >= 0) return process.argv[at + 1]
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
}

async function benchBackend(
  backend: 'pglite' | 'postgres',
  settings: { entities: number; seconds: number; rate: number; databaseUrl: string | undefined },
): Promise<void> {
  const { entities, seconds, rate } = settings
  const factor = backend === 'postgres' ? 1 : 0.5
  const directSeconds = Math.min(3, seconds)
  say()
  say(`=== ${backend === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'} ===`)
  const busyBefore = machineBusyMs()
  const wallBefore = performance.now()
  await new Promise((resolve) => setTimeout(resolve, 3000))
  say(
    `machine before starting (3 s, nothing of ours running): ${((100 * (machineBusyMs() - busyBefore)) / (performance.now() - wallBefore)).toFixed(0)}% busy of ${cores * 100}%`,
  )
  const server = new ServerProcess()
  const rows: Row[] = []
  const where: string[] = []
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
    const auth = { authorization: `Bearer ${info.apiKey}` }

    // Ceilings for requests: a bare Fastify in the server's process, and the platform's /health.
    const helloUrl = await server.call<string>('hello')
    const hello = await cannon(server, 'ceiling: bare Fastify hello-world in the server process', {
      url: helloUrl,
      connections: CONNECTIONS,
      seconds,
      next: () => ({ path: '/' }),
    })
    const health = await cannon(server, 'ceiling: the platform /health (every hook, no database)', {
      url: info.url,
      connections: CONNECTIONS,
      seconds,
      next: () => ({ path: '/health' }),
    })
    const helloOne = await cannon(server, 'floor: bare Fastify hello-world, one connection', {
      url: helloUrl,
      connections: 1,
      seconds: Math.min(5, seconds),
      next: () => ({ path: '/' }),
    })
    const ceilingRps = hello.rps
    where.push(
      health.rps >= hello.rps
        ? `/health answers as fast as the bare Fastify hello-world (${(health.rps / hello.rps).toFixed(2)}, within noise): the platform's hooks cost nothing measurable.`
        : `/health answers ${(health.rps / hello.rps).toFixed(2)} of the bare Fastify hello-world: the platform's hooks (request id, security headers, access control) cost ${((1000 / health.rps - 1000 / hello.rps) * 1000).toFixed(0)} µs a request.`,
    )

    // Seeding: batch upsert of new entities.
    say()
    const seeded = await seed(server, info, entities)
    const seedRate = seeded.entities / seeded.seconds
    say(
      `batch upsert (create, ${BATCH} a request, ${BATCH_CONCURRENCY} concurrent): ${count(seeded.entities)} entities in ${seeded.seconds.toFixed(1)} s = ${count(seedRate)} entities/s, failures ${seeded.failures}`,
    )
    say(`  ${describeCpu(seeded.cpu)}`)
    if (seeded.firstError) say(`  first failure: ${seeded.firstError}`)

    const ceilings = await server.call<CeilingResult[]>('ceiling', {
      entities: CEILING_ENTITIES,
      concurrency: BATCH_CONCURRENCY,
    })
    for (const ceiling of ceilings)
      say(
        `ceiling: ${ceiling.method} of the same rows into the same database: ${count(ceiling.entities / ceiling.seconds)} entities/s (${count(ceiling.rows / ceiling.seconds)} rows/s: state, temporal entity and a history row per attribute)`,
      )

    const analyzeMs = await server.call<number>('analyze', {})
    say(`ANALYZE after seeding: ${analyzeMs.toFixed(0)} ms (the query plans below are on fresh statistics)`)

    const update = await upsertBatches(server, info, { entities, generation: 1, seconds })
    const updateRate = update.entities / update.seconds
    say(
      `batch upsert (replace existing, ${BATCH} a request, ${BATCH_CONCURRENCY} concurrent): ${count(updateRate)} entities/s over ${update.seconds.toFixed(1)} s, failures ${update.failures}`,
    )
    say(`  ${describeCpu(update.cpu)}`)
    if (update.firstError) say(`  first failure: ${update.firstError}`)
    const upsertDirect = await server.call<DirectResult>('direct', {
      what: 'upsert',
      seconds: directSeconds * 2,
      concurrency: BATCH_CONCURRENCY,
      generation: 2,
    })

    // GET by id.
    say()
    const get = await cannon(server, 'GET /entities/{id}', {
      url: info.url,
      connections: CONNECTIONS,
      seconds,
      headers: auth,
      next: () => ({
        path: `/ngsi-ld/v1/entities/${encodeURIComponent(entityId(Math.floor(Math.random() * entities)))}`,
      }),
    })
    const getDirect = await server.call<DirectResult>('direct', {
      what: 'get',
      seconds: directSeconds,
      concurrency: CONNECTIONS,
    })
    const authDirect = await server.call<DirectResult>('direct', {
      what: 'auth',
      seconds: directSeconds,
      concurrency: CONNECTIONS,
    })
    const getSql = await server.call<ExplainResult>('explain', { what: 'get' })

    // Query: type + q + near.
    const queryPath = `/ngsi-ld/v1/entities?${new URLSearchParams(QUERY)}`
    const query = await cannon(server, `GET ${decodeURIComponent(queryPath)}`, {
      url: info.url,
      connections: CONNECTIONS,
      seconds,
      headers: auth,
      next: () => ({ path: queryPath }),
    })
    const queryOne = await cannon(server, '  the same query, one connection', {
      url: info.url,
      connections: 1,
      seconds: Math.min(5, seconds),
      headers: auth,
      next: () => ({ path: queryPath }),
    })
    const sample = await fetch(`${info.url}${queryPath}`, { headers: auth })
    const sampleBody = await sample.text()
    say(
      `  one answer: ${sample.status}, ${sampleBody.length} bytes, ${sample.ok ? (JSON.parse(sampleBody) as unknown[]).length : 0} entities`,
    )
    const queryDirect = await server.call<DirectResult>('direct', {
      what: 'query',
      seconds: directSeconds,
      concurrency: CONNECTIONS,
    })
    const querySql = await server.call<ExplainResult>('explain', { what: 'query' })

    // Single-attribute PATCH.
    const airQuality = airQualityCount(entities)
    const patch = await cannon(server, 'PATCH /entities/{id}/attrs/NO2', {
      url: info.url,
      connections: CONNECTIONS,
      seconds,
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      next: () => ({
        path: `/ngsi-ld/v1/entities/${encodeURIComponent(airQualityId(Math.floor(Math.random() * airQuality)))}/attrs/NO2`,
        body: `{"value":${(80 * Math.random()).toFixed(1)}}`,
      }),
    })
    const patchDirect = await server.call<DirectResult>('direct', {
      what: 'patch',
      seconds: directSeconds,
      concurrency: CONNECTIONS,
    })

    // Temporal: hourly average over a month of minute data.
    say()
    const loaded = await server.call<{ rows: number; ms: number }>('loadTemporal')
    say(
      `temporal: ${count(loaded.rows)} history rows for ${TEMPORAL_ID} loaded with SQL in ${loaded.ms.toFixed(0)} ms`,
    )
    const temporalPath = `/ngsi-ld/v1/temporal/entities/${encodeURIComponent(TEMPORAL_ID)}?${new URLSearchParams(
      {
        attrs: 'NO2',
        timerel: 'between',
        timeAt: TEMPORAL_FROM,
        endTimeAt: TEMPORAL_TO,
        aggrMethods: 'avg',
        aggrPeriodDuration: 'PT1H',
        options: 'aggregatedValues',
      },
    )}`
    const probe = await fetch(`${info.url}${temporalPath}`, { headers: auth })
    const probeBody = await probe.text()
    let temporal: Load | undefined
    let temporalFailures = 0
    if (probe.status === 404 && probeBody.includes('There is no NGSI-LD resource at')) {
      say('temporal: not available yet')
    } else {
      if (!probe.ok) {
        temporalFailures++
        say(`temporal: the first request failed: ${probe.status} ${probeBody.slice(0, 800)}`)
      } else {
        say(`temporal: one answer: ${probe.status}, ${probeBody.length} bytes`)
      }
      temporal = await cannon(server, 'GET /temporal/entities/{id} hourly avg of a month, one connection', {
        url: info.url,
        connections: 1,
        seconds,
        headers: auth,
        next: () => ({ path: temporalPath }),
      })
    }
    const temporalSql = await server.call<ExplainResult>('explainTemporal')

    // Notifications.
    say()
    const notificationRow = await notifications(server, info, {
      entities,
      seconds,
      rate,
      helloUrl,
      factor,
      patchRps: patch.rps,
    })

    where.push(`tables after the run: ${await server.call<string>('tableStats')}.`)
    // The ceiling for the batch: the best raw write, live, and (embedded) on PGlite alone.
    const closing = await server.call<CeilingResult[]>('close')
    for (const ceiling of closing)
      say(
        `ceiling: ${ceiling.method}, same data directory after the server closed: ${count(ceiling.entities / ceiling.seconds)} entities/s (${count(ceiling.rows / ceiling.seconds)} rows/s)`,
      )
    const rawBest = [...ceilings, ...closing].reduce(
      (best, each) => (each.entities / each.seconds > best.entities / best.seconds ? each : best),
      ceilings[0]!,
    )
    const rawRate = rawBest.entities / rawBest.seconds

    // The table.
    const throughput = (
      measure: string,
      figure: number,
      unit: string,
      target: number,
      ceiling: number,
      ceilingName: string,
      failures: number,
    ): Row => ({
      measure,
      figure: `${count(figure)} ${unit}`,
      target: `≥ ${count(target * factor)}`,
      ceiling: `${count(ceiling)} (${ceilingName})`,
      ratio: (figure / ceiling).toFixed(2),
      met: failures > 0 ? 'no (failures)' : figure >= target * factor ? 'yes' : 'no',
      failures,
    })
    const latency = (
      measure: string,
      figure: number,
      target: number,
      floor: number,
      floorName: string,
      failures: number,
    ): Row => ({
      measure,
      figure: ms(figure),
      target: `≤ ${target / factor} ms`,
      ceiling: `${ms(floor)} (${floorName})`,
      ratio: (floor / figure).toFixed(2),
      met: failures > 0 ? 'no (failures)' : figure <= target / factor ? 'yes' : 'no',
      failures,
    })
    rows.push(
      throughput('PATCH attribute', patch.rps, 'req/s', 5000, ceilingRps, 'hello-world', patch.failures),
      throughput(
        `batch upsert, create (${count(entities)})`,
        seedRate,
        'entities/s',
        50_000,
        rawRate,
        rawBest.method,
        seeded.failures,
      ),
      throughput(
        'batch upsert, replace existing',
        updateRate,
        'entities/s',
        50_000,
        rawRate,
        rawBest.method,
        update.failures,
      ),
      throughput('GET by id', get.rps, 'req/s', 10_000, ceilingRps, 'hello-world', get.failures),
      throughput('query type+q+near', query.rps, 'req/s', 5000, ceilingRps, 'hello-world', query.failures),
      latency(
        `query p95 (${CONNECTIONS} connections)`,
        query.p95,
        20,
        hello.p95,
        `hello-world p95, ${CONNECTIONS} conn.`,
        query.failures,
      ),
    )
    if (temporal)
      rows.push(
        latency(
          'temporal hourly avg p95',
          temporal.p95,
          50,
          helloOne.p95,
          'hello-world p95, 1 conn.',
          temporal.failures + temporalFailures,
        ),
      )
    else
      rows.push({
        measure: 'temporal hourly avg p95',
        figure: 'not available yet',
        target: `≤ ${50 / factor} ms`,
        ceiling: '',
        ratio: '',
        met: '–',
        failures: 0,
      })
    rows.push(notificationRow)
    printTable(
      `${backend === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}: ${count(entities)} entities, ${seconds} s a measure, ${cores} cores shared by server, database and load generator`,
      rows,
    )
    const failed = rows.filter((row) => row.failures > 0)
    say(
      failed.length === 0
        ? 'failures: none'
        : `failures: ${failed.map((row) => `${row.measure} ${row.failures}`).join(', ')}`,
    )

    // Where time goes.
    const perRequest = (load: Load) =>
      `server ${((load.cpu.serverMs / (load.rps * load.cpu.seconds)) * 1000).toFixed(0)} µs CPU, PostgreSQL ${((load.cpu.postgresMs / (load.rps * load.cpu.seconds)) * 1000).toFixed(0)} µs CPU a request`
    const directLine = (name: string, result: DirectResult, unit = 'ops') =>
      `${name}: ${count(result.units / result.seconds)} ${unit}/s, mean ${ms(result.meanMs)}, p95 ${ms(result.p95Ms)}, server process ${result.cpuPct.toFixed(0)}% of a core`
    where.push(
      `GET by id: ${perRequest(get)}. In the server process without HTTP: ${directLine('findEntity', getDirect)}; ${directLine('API key lookup + touch (every authenticated request)', authDirect)}. SQL alone (EXPLAIN ANALYZE): execution ${ms(getSql.executionMs)}, planning ${ms(getSql.planningMs)}.`,
      `query: ${perRequest(query)}; one connection p50 ${ms(queryOne.p50)}, p95 ${ms(queryOne.p95)}. Without HTTP: ${directLine('queryEntities', queryDirect)}. SQL alone: execution ${ms(querySql.executionMs)} (${ms(querySql.serialMs ?? Number.NaN)} without parallel workers), planning ${ms(querySql.planningMs)}. Plan:\n${querySql.plan
        .split('\n')
        .map((line) => `      ${line}`)
        .join('\n')}`,
      `PATCH: ${perRequest(patch)}. Without HTTP and auth: ${directLine('patchEntityAttribute (read, compare-and-set write with history row)', patchDirect)}.`,
      `batch upsert: create ${count(seedRate)}/s and replace ${count(updateRate)}/s over HTTP against ${count(rawRate)}/s raw (${rawBest.method}); without HTTP and JSON parsing: ${directLine('runBatch replace', upsertDirect, 'entities')}. Server process ${seeded.cpu.server.toFixed(0)}%, PostgreSQL ${seeded.cpu.postgres.toFixed(0)}% while seeding.`,
      `temporal: the aggregation SQL alone (date_bin + avg over ${count(loaded.rows)} rows): execution ${ms(temporalSql.executionMs)}, planning ${ms(temporalSql.planningMs)}${temporal ? `; over HTTP p50 ${ms(temporal.p50)}, ${perRequest(temporal)}` : ''}.`,
    )
    say()
    say('where time goes:')
    for (const line of where) say(`  - ${line}`)
  } finally {
    await server.call('drop').catch((error: unknown) => say(`dropping the database failed: ${String(error)}`))
    await server.end()
  }
}

async function notifications(
  server: ServerProcess,
  info: StartResult,
  options: {
    entities: number
    seconds: number
    rate: number
    helloUrl: string
    factor: number
    patchRps: number
  },
): Promise<Row> {
  const target = 100 / options.factor
  const receiver = await startReceiver()
  const headers = { authorization: `Bearer ${info.apiKey}`, 'content-type': 'application/json' }
  const subscribed = Array.from({ length: SUBSCRIPTIONS }, (_, k) =>
    airQualityId(k % airQualityCount(options.entities)),
  )
  const row = (figure: string, met: string, failures: number, extra: Partial<Row> = {}): Row => ({
    measure: `notification p99 (${options.rate}/s, ${SUBSCRIPTIONS} subs.)`,
    figure,
    target: `≤ ${target} ms`,
    ceiling: '',
    ratio: '',
    met,
    failures,
    ...extra,
  })
  try {
    let created = 0
    for (const [k, id] of subscribed.entries()) {
      const response = await fetch(`${info.url}/ngsi-ld/v1/subscriptions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          type: 'Subscription',
          entities: [{ id, type: 'AirQualityObserved' }],
          watchedAttributes: ['NO2'],
          notification: {
            attributes: ['NO2'],
            format: 'keyValues',
            endpoint: { uri: receiver.url, accept: 'application/json' },
          },
        }),
      })
      const text = await response.text()
      if (response.status === 404 && k === 0 && text.includes('There is no NGSI-LD resource at')) {
        say('notifications: not available yet')
        return row('not available yet', '–', 0)
      }
      if (!response.ok) {
        say(`notifications: creating a subscription failed: ${response.status} ${text.slice(0, 800)}`)
        return row('subscriptions refused', 'no (failures)', SUBSCRIPTIONS - created)
      }
      created++
    }
    say(`notifications: ${created} subscriptions to ${receiver.url}, one per AirQualityObserved entity`)
    const patchRequest = (i: number) => ({
      method: 'PATCH',
      path: `/ngsi-ld/v1/entities/${encodeURIComponent(subscribed[i % subscribed.length]!)}/attrs/NO2`,
      headers,
      body: (at: number) => `{"value":${at}}`,
    })
    // Warm-up: one update of each, until their notifications came (or 5 s).
    await paced({
      url: info.url,
      rate: 200,
      seconds: SUBSCRIPTIONS / 200,
      maxInFlight: 50,
      request: patchRequest,
    })
    const warmUntil = performance.now() + 5000
    while (receiver.latencies.size < SUBSCRIPTIONS && performance.now() < warmUntil)
      await new Promise((resolve) => setTimeout(resolve, 20))
    receiver.latencies.clear()
    receiver.notifications = 0

    const floor = await paced({
      url: options.helloUrl,
      rate: options.rate,
      seconds: Math.min(5, options.seconds),
      maxInFlight: 200,
      request: () => ({ method: 'GET', path: '/', headers: {} }),
    })
    // One run at a rate: the latency of every update notified, from the instant its PATCH left.
    const run = async (rate: number) => {
      receiver.latencies.clear()
      receiver.notifications = 0
      const before = await cpuSnapshot(server)
      const sent = await paced({
        url: info.url,
        rate,
        seconds: options.seconds,
        maxInFlight: 200,
        request: patchRequest,
      })
      const expected = sent.times.length
      // Stragglers: wait while notifications still arrive (a backlog drains slowly), at most 30 s.
      const deadline = performance.now() + 30_000
      let seen = receiver.latencies.size
      let quietSince = performance.now()
      while (receiver.latencies.size < expected && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        if (receiver.latencies.size !== seen) {
          seen = receiver.latencies.size
          quietSince = performance.now()
        } else if (performance.now() - quietSince > 3000) break
      }
      const cpu = cpuShare(before, await cpuSnapshot(server))
      const latencies = [...receiver.latencies.values()].sort((a, b) => a - b)
      const achieved = expected / options.seconds
      const result = {
        rate,
        achieved,
        held: achieved >= 0.95 * rate,
        p99: percentile(latencies, 0.99),
        missing: Math.max(0, expected - latencies.length),
        failures: sent.failures,
      }
      say(
        `notifications at ${rate}/s for ${options.seconds} s: ${count(achieved)} PATCH/s answered 2xx (${sent.skipped} not sent: 200 already in flight), ${sent.failures} failed; ${count(latencies.length)} of ${count(expected)} updates notified (${receiver.notifications} notifications); latency p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))}, p99 ${ms(result.p99)}, max ${ms(latencies.at(-1) ?? Number.NaN)}; PATCH round trip p50 ${ms(percentile(sent.times, 0.5))}, p99 ${ms(percentile(sent.times, 0.99))}`,
      )
      say(`  ${describeCpu(cpu)}`)
      if (sent.firstError) say(`  first failure: ${sent.firstError}`)
      if (result.missing > 0)
        say(
          `  ${result.missing} updates answered 2xx were not notified (within 3 s of the last notification)`,
        )
      return result
    }
    const main = await run(options.rate)
    say(`  floor: hello-world at ${options.rate}/s, round trip p99 ${ms(percentile(floor.times, 0.99))}`)
    // Over capacity the latency is the queue's; at half the PATCH rate measured before it is the pipeline's.
    const within = main.held ? undefined : await run(Math.max(10, Math.floor(options.patchRps / 2)))
    // Updates not sent because 200 were outstanding are not failures, but the rate was not held.
    const failures = main.failures + main.missing
    const met =
      failures > 0 ? 'no (failures)' : !main.held ? 'no (rate not held)' : main.p99 <= target ? 'yes' : 'no'
    const figure = main.held
      ? ms(main.p99)
      : `${ms(main.p99)} at ${count(main.achieved)}/s; ${ms(within?.p99 ?? Number.NaN)} at ${count(within?.achieved ?? 0)}/s`
    return row(figure, met, failures + (within ? within.failures + within.missing : 0), {
      ceiling: `${ms(percentile(floor.times, 0.99))} (hello-world p99 at ${options.rate}/s)`,
      ratio: (percentile(floor.times, 0.99) / main.p99).toFixed(2),
    })
  } finally {
    await receiver.close()
  }
}

async function main(): Promise<void> {
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
}

if (process.argv.includes('--serve')) await serve()
else await main()
