import type { Database } from '../db/database.ts'

export interface JobContext {
  db: Database
  payload: unknown
  attempt: number
  signal: AbortSignal
}

/** What a module can run in the background; recurring when `everyMs` is set. */
export interface JobDefinition {
  /** Dotted, module first: `strategy.measure_kpis`. */
  kind: string
  run(context: JobContext): Promise<void>
  everyMs?: number
  maxAttempts?: number
  /** How long one run may hold its lease before another node may take the job over. */
  leaseMs?: number
}
