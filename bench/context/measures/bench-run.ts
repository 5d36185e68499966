import type { DirectResult, StartResult } from '../messages.ts'
import type { ServerProcess } from '../server-process.ts'
import { CONNECTIONS } from '../workload.ts'

/** One backend's run, as each measure sees it. */
export interface BenchRun {
  server: ServerProcess
  /** What the server process answered when it started. */
  info: StartResult
  entities: number
  /** Of each measure over HTTP. */
  seconds: number
  /** Of each measure in the server process without HTTP. */
  directSeconds: number
  /** Notifications a second. */
  rate: number
  /** The share of the targets expected on this backend: 1 on PostgreSQL, ½ embedded. */
  factor: number
}

export const bearer = (run: BenchRun) => ({ authorization: `Bearer ${run.info.apiKey}` })

/** The same work as a request measure, in the server process without HTTP, on as many loops as connections. */
export const measureDirect = (run: BenchRun, what: 'get' | 'auth' | 'query' | 'patch') =>
  run.server.call<DirectResult>('direct', { what, seconds: run.directSeconds, concurrency: CONNECTIONS })
