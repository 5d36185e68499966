import { entityId } from '../entities.ts'
import { cannon, type Load } from '../load/cannon.ts'
import type { DirectResult, ExplainResult } from '../messages.ts'
import { CONNECTIONS } from '../workload.ts'
import { type BenchRun, bearer, measureDirect } from './bench-run.ts'

export interface GetMeasure {
  load: Load
  /** findEntity in the server process. */
  direct: DirectResult
  /** The API key lookup every authenticated request does. */
  auth: DirectResult
  sql: ExplainResult
}

/** GET by id of a random entity; then the same without HTTP, the key lookup, and the SQL alone. */
export async function measureGet(run: BenchRun): Promise<GetMeasure> {
  const { server, info, entities } = run
  const load = await cannon(server, 'GET /entities/{id}', {
    url: info.url,
    connections: CONNECTIONS,
    seconds: run.seconds,
    headers: bearer(run),
    next: () => ({
      path: `/ngsi-ld/v1/entities/${encodeURIComponent(entityId(Math.floor(Math.random() * entities)))}`,
    }),
  })
  const direct = await measureDirect(run, 'get')
  const auth = await measureDirect(run, 'auth')
  const sql = await server.call<ExplainResult>('explain', { what: 'get' })
  return { load, direct, auth, sql }
}
