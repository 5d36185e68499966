import type { CompiledQuery } from 'kysely'
import { queryEntities } from '../../../src/modules/context/query/entity-query.ts'
import { findEntity } from '../../../src/modules/context/store.ts'
import { entityId } from '../entities.ts'
import type { ExplainResult } from '../messages.ts'
import { percentile } from '../statistics.ts'
import { type Broker, brokerDb, queryFilter, queryPage } from './broker.ts'
import { recording } from './recording.ts'
import type { Runner } from './sql-runner.ts'

/** The SQL alone: its plan once with buffers, and the median execution and planning time of `runs` runs. */
export async function explain(run: Runner, query: CompiledQuery, runs: number): Promise<ExplainResult> {
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

/** The first SQL that GET by id or the query measure runs, explained, also without parallel workers. */
export async function explainRoute(broker: Broker, what: unknown): Promise<ExplainResult> {
  const db = brokerDb(broker)
  const seen: CompiledQuery[] = []
  const traced = recording(db, seen)
  if (what === 'get') await findEntity(traced, '', entityId(Math.floor(broker.entities / 2)))
  else await queryEntities(traced, '', queryFilter(), broker.terms, { all: true }, queryPage)
  const query = seen.find((statement) => /^\s*select/i.test(statement.sql))
  if (!query) throw new Error(`No SQL was run for ${String(what)}.`)
  // Near queries run without bitmap scans (see entity-query.ts); explain them the same way.
  const hints = /<->/.test(query.sql) ? 'SET LOCAL enable_bitmapscan = off;' : ''
  const explained = await broker.server.cetate.database.scriptTransaction(async (tx) => {
    if (hints) await tx.exec(hints)
    return explain((text, params) => tx.query<Record<string, unknown>>(text, params), query, 20)
  })
  // The same without parallel workers, which on a small machine compete with everything else.
  const serial = await broker.server.cetate.database.scriptTransaction(async (tx) => {
    await tx.exec(`SET LOCAL max_parallel_workers_per_gather = 0; ${hints}`)
    return explain((text, params) => tx.query<Record<string, unknown>>(text, params), query, 20)
  })
  return { ...explained, serialMs: serial.executionMs }
}
