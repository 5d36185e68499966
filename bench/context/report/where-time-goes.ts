import type { Load } from '../load/cannon.ts'
import type { DirectResult } from '../messages.ts'
import { count, ms } from '../print.ts'
import type { Measured } from './measured.ts'

const perRequest = (load: Load) =>
  `server ${((load.cpu.serverMs / (load.rps * load.cpu.seconds)) * 1000).toFixed(0)} µs CPU, PostgreSQL ${((load.cpu.postgresMs / (load.rps * load.cpu.seconds)) * 1000).toFixed(0)} µs CPU a request`

const directLine = (name: string, result: DirectResult, unit = 'ops') =>
  `${name}: ${count(result.units / result.seconds)} ${unit}/s, mean ${ms(result.meanMs)}, p95 ${ms(result.p95Ms)}, server process ${result.cpuPct.toFixed(0)}% of a core`

/** The lines of "where time goes": each figure over HTTP beside the same work without HTTP and the SQL alone. */
export function whereTimeGoes(measured: Measured): string[] {
  const { requests, create, replace, raw, get, query, patch, temporal } = measured
  const { hello, health } = requests
  return [
    health.rps >= hello.rps
      ? `/health answers as fast as the bare Fastify hello-world (${(health.rps / hello.rps).toFixed(2)}, within noise): the platform's hooks cost nothing measurable.`
      : `/health answers ${(health.rps / hello.rps).toFixed(2)} of the bare Fastify hello-world: the platform's hooks (request id, security headers, access control) cost ${((1000 / health.rps - 1000 / hello.rps) * 1000).toFixed(0)} µs a request.`,
    `tables after the run: ${measured.tables}.`,
    `GET by id: ${perRequest(get.load)}. In the server process without HTTP: ${directLine('findEntity', get.direct)}; ${directLine('API key lookup + touch (every authenticated request)', get.auth)}. SQL alone (EXPLAIN ANALYZE): execution ${ms(get.sql.executionMs)}, planning ${ms(get.sql.planningMs)}.`,
    `query: ${perRequest(query.load)}; one connection p50 ${ms(query.one.p50)}, p95 ${ms(query.one.p95)}. Without HTTP: ${directLine('queryEntities', query.direct)}. SQL alone: execution ${ms(query.sql.executionMs)} (${ms(query.sql.serialMs ?? Number.NaN)} without parallel workers), planning ${ms(query.sql.planningMs)}. Plan:\n${query.sql.plan
      .split('\n')
      .map((line) => `      ${line}`)
      .join('\n')}`,
    `PATCH: ${perRequest(patch.load)}. Without HTTP and auth: ${directLine('patchEntityAttribute (read, compare-and-set write with history row)', patch.direct)}.`,
    `batch upsert: create ${count(create.rate)}/s and replace ${count(replace.rate)}/s over HTTP against ${count(raw.rate)}/s raw (${raw.method}); without HTTP and JSON parsing: ${directLine('runBatch replace', replace.direct, 'entities')}. Server process ${create.load.cpu.server.toFixed(0)}%, PostgreSQL ${create.load.cpu.postgres.toFixed(0)}% while seeding.`,
    `temporal: the aggregation SQL alone (date_bin + avg over ${count(temporal.rows)} rows): execution ${ms(temporal.sql.executionMs)}, planning ${ms(temporal.sql.planningMs)}${temporal.load ? `; over HTTP p50 ${ms(temporal.load.p50)}, ${perRequest(temporal.load)}` : ''}.`,
  ]
}
