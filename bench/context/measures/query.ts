import { cannon, type Load } from '../load/cannon.ts'
import type { DirectResult, ExplainResult } from '../messages.ts'
import { say } from '../print.ts'
import { CONNECTIONS, QUERY } from '../workload.ts'
import { type BenchRun, bearer, measureDirect } from './bench-run.ts'

export interface QueryMeasure {
  load: Load
  /** The same query on one connection. */
  one: Load
  /** queryEntities in the server process. */
  direct: DirectResult
  sql: ExplainResult
}

/** The type + q + near query; on one connection, one answer looked at, without HTTP, the SQL alone. */
export async function measureQuery(run: BenchRun): Promise<QueryMeasure> {
  const { server, info, seconds } = run
  const auth = bearer(run)
  const queryPath = `/ngsi-ld/v1/entities?${new URLSearchParams(QUERY)}`
  const load = await cannon(server, `GET ${decodeURIComponent(queryPath)}`, {
    url: info.url,
    connections: CONNECTIONS,
    seconds,
    headers: auth,
    next: () => ({ path: queryPath }),
  })
  const one = await cannon(server, '  the same query, one connection', {
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
  const direct = await measureDirect(run, 'query')
  const sql = await server.call<ExplainResult>('explain', { what: 'query' })
  return { load, one, direct, sql }
}
