import { sql } from 'kysely'
import type { Database } from '../db/database.ts'

export interface JobRow {
  id: number
  kind: string
  key: string | null
  payload: unknown
  attempts: number
  max_attempts: number
}

/**
 * Takes the next due job of the given kinds: pending and due, or running with an expired lease
 * (its node died). SKIP LOCKED lets several nodes poll at once without taking the same row.
 */
export async function leaseNextJob(
  db: Database,
  kinds: readonly string[],
  owner: string,
  leaseMs: number,
): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined
  const { rows } = await sql<JobRow>`
    UPDATE platform.jobs SET status = 'running', lease_owner = ${owner},
      lease_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
    WHERE id = (
      SELECT id FROM platform.jobs
      WHERE kind IN (${sql.join(kinds)})
        AND ((status = 'pending' AND run_at <= now()) OR (status = 'running' AND lease_until < now()))
      ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, key, payload, attempts, max_attempts`.execute(db)
  return rows[0]
}

/** The row is only updated while we still hold its lease; a node that lost it changes nothing. */
export async function completeJob(
  db: Database,
  job: JobRow,
  owner: string,
  nextRunMs?: number,
): Promise<void> {
  if (nextRunMs === undefined) {
    await sql`UPDATE platform.jobs SET status = 'done', finished_at = now(), lease_owner = NULL,
        lease_until = NULL, last_error = NULL
      WHERE id = ${job.id} AND lease_owner = ${owner}`.execute(db)
    return
  }
  await sql`UPDATE platform.jobs SET status = 'pending', attempts = 0, lease_owner = NULL, lease_until = NULL,
      run_at = now() + make_interval(secs => ${nextRunMs / 1000}), last_error = NULL, finished_at = now()
    WHERE id = ${job.id} AND lease_owner = ${owner}`.execute(db)
}

export async function failJob(
  db: Database,
  job: JobRow,
  owner: string,
  error: string,
  retryInMs: number | undefined,
): Promise<void> {
  const status = retryInMs === undefined ? 'failed' : 'pending'
  await sql`UPDATE platform.jobs SET status = ${status}, last_error = ${error}, lease_owner = NULL,
      lease_until = NULL, run_at = now() + make_interval(secs => ${(retryInMs ?? 0) / 1000}),
      finished_at = CASE WHEN ${status} = 'failed' THEN now() END
    WHERE id = ${job.id} AND lease_owner = ${owner}`.execute(db)
}

export async function insertJob(
  db: Database,
  kind: string,
  payload: unknown,
  options: { key?: string | undefined; runAt?: Date | undefined; maxAttempts: number },
): Promise<void> {
  await sql`INSERT INTO platform.jobs (kind, key, payload, run_at, max_attempts)
    VALUES (${kind}, ${options.key ?? null}, ${JSON.stringify(payload)}::jsonb,
      ${options.runAt ?? sql`now()`}, ${options.maxAttempts})
    ON CONFLICT (key) DO NOTHING`.execute(db)
}

/** A recurring job keeps one row, created on first start; a failed one is revived at start. */
export async function ensureRecurringJob(db: Database, kind: string, maxAttempts: number): Promise<void> {
  await sql`INSERT INTO platform.jobs (kind, key, max_attempts) VALUES (${kind}, ${`every:${kind}`}, ${maxAttempts})
    ON CONFLICT (key) DO UPDATE SET status = 'pending', attempts = 0, max_attempts = EXCLUDED.max_attempts
      WHERE platform.jobs.status = 'failed'`.execute(db)
}

export interface JobState {
  kind: string
  status: string
  attempts: number
  last_error: string | null
}

export async function findJobs(db: Database, kind: string): Promise<JobState[]> {
  const { rows } = await sql<JobState>`SELECT kind, status, attempts, last_error FROM platform.jobs
    WHERE kind = ${kind} ORDER BY id`.execute(db)
  return rows
}
