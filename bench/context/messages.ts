/** The messages between the bench process and the server process, and what the operations answer. */

export interface Call {
  id: number
  op: string
  args: Record<string, unknown>
}

export interface Answer {
  id: number
  result?: unknown
  error?: string
}

export interface StartResult {
  url: string
  apiKey: string
  location: string
  settings: Record<string, string>
}

/** Operations run in the server process, without HTTP. */
export interface DirectResult {
  ops: number
  units: number
  seconds: number
  meanMs: number
  p95Ms: number
  /** Of one core, in the server process. */
  cpuPct: number
}

export interface ExplainResult {
  sql: string
  executionMs: number
  /** With max_parallel_workers_per_gather = 0. */
  serialMs?: number
  planningMs: number
  plan: string
}

/** A raw write of the seeded rows: the batch upsert's ceiling. */
export interface CeilingResult {
  method: string
  entities: number
  rows: number
  seconds: number
}
