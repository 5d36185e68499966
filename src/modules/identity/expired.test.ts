import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { type RunningCetate, startCetate } from '../../../test/support/cetate.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import type { Database } from '../../platform/db/database.ts'

/** Waits until the clean-up job is not running and not due: its run, if any, has finished. */
async function untilScheduled(db: Database): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const { rows } = await sql<{
      scheduled: boolean
    }>`SELECT status = 'pending' AND run_at > now() AS scheduled
      FROM platform.jobs WHERE kind = 'identity.remove_expired'`.execute(db)
    if (rows[0]?.scheduled) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

for (const backend of testBackends()) {
  describe(`the hourly clean-up of expired records on ${backend.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase
    let server: RunningCetate

    before(async () => {
      database = await backend.create()
      server = await startCetate(database)
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    test('runs as a scheduled job and removes only what has expired', async () => {
      const db = server.cetate.database.db
      // The server runs every recurring job once at start; let that first run finish, or its
      // completion would reschedule the job over the run this test asks for.
      await untilScheduled(db)
      await sql`INSERT INTO identity.webauthn_challenges (id, purpose, challenge, expires_at) VALUES
        ('old', 'sign_in', 'x', now() - interval '1 minute'), ('fresh', 'sign_in', 'y', now() + interval '5 minutes')`.execute(
        db,
      )
      await sql`INSERT INTO identity.oidc_payloads (model, id, payload, expires_at) VALUES
        ('Session', 'old', '{}'::jsonb, now() - interval '1 second'), ('Session', 'fresh', '{}'::jsonb, now() + interval '1 hour')`.execute(
        db,
      )
      await sql`UPDATE platform.jobs SET run_at = now(), status = 'pending' WHERE kind = 'identity.remove_expired'`.execute(
        db,
      )
      // The server's own job loop may take the job first; either way, wait until it has run.
      await server.cetate.context.jobs.runDue()
      await untilScheduled(db)
      const { rows: challenges } = await sql<{
        id: string
      }>`SELECT id FROM identity.webauthn_challenges`.execute(db)
      const { rows: payloads } = await sql<{ id: string }>`SELECT id FROM identity.oidc_payloads`.execute(db)
      assert.deepEqual(
        challenges.map((row) => row.id),
        ['fresh'],
      )
      assert.deepEqual(
        payloads.map((row) => row.id),
        ['fresh'],
      )
      const { rows: jobs } = await sql<{
        status: string
        run_at: Date
      }>`SELECT status, run_at FROM platform.jobs
        WHERE kind = 'identity.remove_expired'`.execute(db)
      assert.equal(jobs[0]?.status, 'pending')
      assert.ok(jobs[0]!.run_at.getTime() > Date.now() + 50 * 60_000, 'next run in about an hour')
    })
  })
}
