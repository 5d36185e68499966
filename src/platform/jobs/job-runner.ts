import { hostname } from 'node:os'
import type { Database } from '../db/database.ts'
import type { JobDefinition } from './job.ts'
import {
  completeJob,
  ensureRecurringJob,
  failJob,
  insertJob,
  type JobRow,
  leaseNextJob,
} from './job-store.ts'

const DEFAULT_LEASE_MS = 60_000
const DEFAULT_MAX_ATTEMPTS = 5
const BASE_BACKOFF_MS = 1_000
const MAX_BACKOFF_MS = 15 * 60_000

export interface JobRunnerOptions {
  pollMs?: number
  onError?: (kind: string, error: unknown) => void
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s ... capped at 15 minutes. */
export function backoffMs(attempt: number): number {
  const exact = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1))
  return Math.round(exact * (0.75 + Math.random() * 0.5))
}

/**
 * Runs the modules' jobs one at a time on this node. Each run holds a lease in the database, so
 * only one node runs a job at a time and a crashed node's job is taken over when its lease ends.
 */
export class JobRunner {
  readonly owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
  readonly #db: Database
  readonly #definitions = new Map<string, JobDefinition>()
  readonly #pollMs: number
  readonly #onError: (kind: string, error: unknown) => void
  readonly #abort = new AbortController()
  #timer: NodeJS.Timeout | undefined
  #loop: Promise<void> | undefined
  #wake: (() => void) | undefined

  constructor(db: Database, options: JobRunnerOptions = {}) {
    this.#db = db
    this.#pollMs = options.pollMs ?? 1_000
    this.#onError = options.onError ?? (() => {})
  }

  define(definition: JobDefinition): void {
    if (this.#definitions.has(definition.kind)) throw new Error(`Job "${definition.kind}" is defined twice`)
    this.#definitions.set(definition.kind, definition)
  }

  async enqueue(
    kind: string,
    payload: unknown = {},
    options: { key?: string; runAt?: Date } = {},
  ): Promise<void> {
    const definition = this.#definitions.get(kind)
    if (!definition) throw new Error(`No job "${kind}" is defined`)
    await insertJob(this.#db, kind, payload, {
      ...options,
      maxAttempts: definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    })
    this.#wake?.()
  }

  async start(): Promise<void> {
    for (const definition of this.#definitions.values()) {
      if (definition.everyMs) {
        await ensureRecurringJob(this.#db, definition.kind, definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
      }
    }
    this.#loop = this.#run()
  }

  /** Lets the running job finish (its signal is aborted) and stops polling. */
  async stop(): Promise<void> {
    this.#abort.abort()
    clearTimeout(this.#timer)
    this.#wake?.()
    await this.#loop
  }

  /** Runs every due job now; returns how many ran. For tests and the CLI. */
  async runDue(): Promise<number> {
    let count = 0
    while (await this.#runOne()) count++
    return count
  }

  async #run(): Promise<void> {
    while (!this.#abort.signal.aborted) {
      let ran = false
      try {
        ran = await this.#runOne()
      } catch (error) {
        this.#onError('jobs', error)
      }
      if (!ran && !this.#abort.signal.aborted) {
        await new Promise<void>((resolve) => {
          this.#wake = resolve
          this.#timer = setTimeout(resolve, this.#pollMs)
        })
      }
    }
  }

  async #runOne(): Promise<boolean> {
    const kinds = [...this.#definitions.keys()]
    const lease = Math.max(...[...this.#definitions.values()].map((d) => d.leaseMs ?? DEFAULT_LEASE_MS), 0)
    const job = await leaseNextJob(this.#db, kinds, this.owner, lease)
    if (!job) return false
    await this.#execute(job, this.#definitions.get(job.kind)!)
    return true
  }

  async #execute(job: JobRow, definition: JobDefinition): Promise<void> {
    try {
      await definition.run({
        db: this.#db,
        payload: job.payload,
        attempt: job.attempts,
        signal: this.#abort.signal,
      })
      await completeJob(this.#db, job, this.owner, definition.everyMs)
    } catch (error) {
      this.#onError(job.kind, error)
      const message = error instanceof Error ? error.message : String(error)
      const retry = job.attempts < job.max_attempts ? backoffMs(job.attempts) : undefined
      // A recurring job that exhausted its retries waits for its next turn instead of dying.
      await failJob(this.#db, job, this.owner, message, retry ?? definition.everyMs)
    }
  }
}
