import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { migrate, readMigrations } from '../db/migrator.ts'
import { openDatabase } from '../db/open-database.ts'
import { backoffMs, JobRunner } from './job-runner.ts'
import { findJobs } from './job-store.ts'

const platformMigrations = fileURLToPath(new URL('../migrations', import.meta.url))

test('backoff doubles from about a second and stops growing at 15 minutes', () => {
  assert.ok(backoffMs(1) >= 750 && backoffMs(1) <= 1250)
  assert.ok(backoffMs(4) >= 6000 && backoffMs(4) <= 10_000)
  assert.ok(backoffMs(40) <= 15 * 60_000 * 1.25)
})

for (const backend of testBackends()) {
  describe(`jobs on ${backend.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase
    let handle: DatabaseHandle

    before(async () => {
      database = await backend.create()
      handle = await openDatabase({ url: database.databaseUrl, dataDir: database.dataDir })
      await migrate(handle, await readMigrations([{ module: 'platform', directory: platformMigrations }]))
    })
    after(async () => {
      await handle.close()
      await database.drop()
    })

    test('an enqueued job runs once with its payload', async () => {
      const seen: unknown[] = []
      const runner = new JobRunner(handle.db)
      runner.define({ kind: 'test.greet', run: async ({ payload }) => void seen.push(payload) })
      await runner.enqueue('test.greet', { to: 'Cluj' })
      assert.equal(await runner.runDue(), 1)
      assert.equal(await runner.runDue(), 0)
      assert.deepEqual(seen, [{ to: 'Cluj' }])
      assert.equal((await findJobs(handle.db, 'test.greet'))[0]?.status, 'done')
    })

    test('a failing job is retried later, then marked failed with its error after its last attempt', async () => {
      const runner = new JobRunner(handle.db)
      let calls = 0
      runner.define({
        kind: 'test.flaky',
        maxAttempts: 2,
        run: async () => {
          calls++
          throw new Error('sensor gateway unreachable')
        },
      })
      await runner.enqueue('test.flaky')
      assert.equal(await runner.runDue(), 1)
      let [job] = await findJobs(handle.db, 'test.flaky')
      assert.equal(job?.status, 'pending')
      assert.equal(job?.last_error, 'sensor gateway unreachable')
      // The retry waits for its backoff; bring it forward instead of sleeping.
      assert.equal(await runner.runDue(), 0)
      await sql`UPDATE platform.jobs SET run_at = now() WHERE kind = 'test.flaky'`.execute(handle.db)
      assert.equal(await runner.runDue(), 1)
      ;[job] = await findJobs(handle.db, 'test.flaky')
      assert.equal(job?.status, 'failed')
      assert.equal(calls, 2)
    })

    test('a recurring job keeps one row and is scheduled again after each run', async () => {
      const runner = new JobRunner(handle.db)
      let runs = 0
      runner.define({ kind: 'test.tick', everyMs: 60_000, run: async () => void runs++ })
      await runner.start()
      await runner.stop()
      await runner.runDue()
      const jobs = await findJobs(handle.db, 'test.tick')
      assert.equal(jobs.length, 1)
      assert.equal(jobs[0]?.status, 'pending')
      assert.equal(runs, 1)
      assert.equal(await runner.runDue(), 0, 'not due again for a minute')
    })

    test('two nodes never run the same job, and a job whose node died is taken over when its lease ends', async () => {
      const runs: number[] = []
      const define = (runner: JobRunner) =>
        runner.define({
          kind: 'test.exclusive',
          leaseMs: 200,
          run: async ({ payload }) => {
            runs.push((payload as { i: number }).i)
            await new Promise((resolve) => setTimeout(resolve, 20))
          },
        })
      const first = new JobRunner(handle.db)
      const second = new JobRunner(handle.db)
      define(first)
      define(second)
      for (let i = 0; i < 6; i++) await first.enqueue('test.exclusive', { i })
      const [a, b] = await Promise.all([first.runDue(), second.runDue()])
      assert.equal(a + b, 6)
      assert.deepEqual(runs.sort(), [0, 1, 2, 3, 4, 5], 'each job ran exactly once')

      // A node that took a job and died: the row stays "running" with a lease that runs out.
      await first.enqueue('test.exclusive', { orphan: true })
      await sql`UPDATE platform.jobs SET status = 'running', lease_owner = 'dead-node',
        lease_until = now() - interval '1 second', attempts = 1 WHERE payload->>'orphan' = 'true'`.execute(
        handle.db,
      )
      assert.equal(await second.runDue(), 1)
      const { rows } = await sql<{
        status: string
      }>`SELECT status FROM platform.jobs WHERE payload->>'orphan' = 'true'`.execute(handle.db)
      assert.equal(rows[0]?.status, 'done')
    })

    test('enqueueing an undefined job kind is refused', async () => {
      const runner = new JobRunner(handle.db)
      await assert.rejects(runner.enqueue('test.unknown'), /No job "test.unknown" is defined/)
    })
  })
}
