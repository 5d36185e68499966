import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { startCetate } from '../../../test/support/cetate.ts'
import { runCli } from '../../../test/support/cli.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import type { Cetate } from '../../cetate.ts'
import { recordAudit, verifyAuditChain } from './audit-log.ts'
import { canonicalJson } from './entry-hash.ts'

test('canonical JSON orders keys at every level and drops undefined', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } }),
    '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
  )
})

for (const backend of testBackends()) {
  describe(`the audit log on ${backend.name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase
    let cetate: Cetate
    let close: () => Promise<void>
    const cliDatabase = (): Record<string, string> =>
      database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { DATA_DIR: database.dataDir }

    before(async () => {
      database = await backend.create()
      const server = await startCetate(database)
      cetate = server.cetate
      close = server.close
    })
    after(async () => {
      await close()
      await database.drop()
    })

    test('entries form one unbroken chain, even when written at the same time', async () => {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          recordAudit(cetate.database.db, {
            actor: { type: 'person', id: `p${i % 3}` },
            action: 'identity.sign_in',
            outcome: i % 5 === 0 ? 'failure' : 'success',
            details: { method: 'password', attempt: i, nested: { b: 1, a: 2 } },
            requestId: `r${i}`,
            ip: '127.0.0.1',
          }),
        ),
      )
      assert.deepEqual(await verifyAuditChain(cetate.database.db), { intact: true, entries: 25 })
    })

    test('an entry written in a transaction that rolls back leaves no trace', async () => {
      await assert.rejects(
        cetate.database.db.transaction().execute(async (trx) => {
          await recordAudit(trx, {
            actor: { type: 'system' },
            action: 'identity.role.grant',
            outcome: 'success',
          })
          throw new Error('the grant failed')
        }),
      )
      assert.deepEqual(await verifyAuditChain(cetate.database.db), { intact: true, entries: 25 })
    })

    test('credentials put in the details by mistake are redacted', async () => {
      const entry = await recordAudit(cetate.database.db, {
        actor: { type: 'anonymous' },
        action: 'identity.sign_in',
        outcome: 'failure',
        details: { email: 'ana@example.ro', password: 'hunter2', apiKey: 'ck_123', reason: 'wrong password' },
      })
      assert.equal(entry.details.password, '[redacted]')
      assert.equal(entry.details.apiKey, '[redacted]')
      assert.equal(entry.details.reason, 'wrong password')
    })

    test('the database refuses to change or delete an entry', async () => {
      await assert.rejects(
        sql`UPDATE platform.audit_log SET outcome = 'success' WHERE seq = 1`.execute(cetate.database.db),
        /append-only/,
      )
      await assert.rejects(
        sql`DELETE FROM platform.audit_log WHERE seq = 2`.execute(cetate.database.db),
        /append-only/,
      )
    })

    test('the staff view is closed to anonymous callers', async () => {
      const reply = await cetate.http.inject({ method: 'GET', url: '/api/audit' })
      assert.equal(reply.statusCode, 401)
    })

    /** What someone with direct database access could do: turn the triggers off and rewrite history. */
    const rewrite = (statement: ReturnType<typeof sql>) =>
      cetate.database.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL session_replication_role = replica`.execute(trx)
        await statement.execute(trx)
      })

    test('an entry changed behind our back is found, by number, by `cetate audit verify`', async () => {
      await rewrite(sql`UPDATE platform.audit_log SET action = 'identity.nothing_happened' WHERE seq = 6`)
      const check = await verifyAuditChain(cetate.database.db)
      assert.deepEqual(check, {
        intact: false,
        entries: 26,
        brokenAt: 6,
        reason: 'its content was changed after it was written',
      })

      await close()
      const result = await runCli(['audit', 'verify'], cliDatabase())
      assert.equal(result.code, 1)
      assert.match(
        result.stderr.trim(),
        /^cetate: the audit log is broken at entry 6: its content was changed/,
      )
      const server = await startCetate(database)
      cetate = server.cetate
      close = server.close
      await rewrite(sql`UPDATE platform.audit_log SET action = 'identity.sign_in' WHERE seq = 6`)
      assert.equal(
        (await verifyAuditChain(cetate.database.db)).intact,
        true,
        'put back as it was, it holds again',
      )
    })

    test('a deleted entry breaks the chain where it was', async () => {
      await rewrite(sql`DELETE FROM platform.audit_log WHERE seq = 10`)
      assert.deepEqual(await verifyAuditChain(cetate.database.db), {
        intact: false,
        entries: 25,
        brokenAt: 10,
        reason: 'entry 10 is missing',
      })
    })
  })
}
