import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../test/support/demo.ts'
import { readOutbox } from '../../platform/mail/mailer.ts'
import { isoWeek, sendWeeklyDigest } from './digest.ts'

describe('ISO weeks', () => {
  test('belong to the year of their Thursday', () => {
    assert.equal(isoWeek(new Date('2026-11-23T08:00:00Z')), '2026-W48')
    assert.equal(isoWeek(new Date('2027-01-01T08:00:00Z')), '2026-W53')
    assert.equal(isoWeek(new Date('2024-12-30T08:00:00Z')), '2025-W01')
  })
})

for (const backend of testBackends()) {
  describe(`the weekly digest on ${backend.name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase
    let server: DemoCetate
    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test('nothing needs attention right after the demo loads: no mail', async () => {
      const outcome = await sendWeeklyDigest(server.cetate.context, new Date())
      assert.equal(outcome.sent, 0)
    })

    test('a year on, with every measurement late: one mail per person, listing them all, once a week', async () => {
      const later = new Date(Date.now() + 400 * 86_400_000)
      const first = await sendWeeklyDigest(server.cetate.context, later)
      assert.ok(first.sent >= 1)
      const mails = await readOutbox(server.cetate.context.db, 'inovare@cluj-napoca.example', 10)
      assert.equal(mails.length, 1)
      const mail = mails[0]!
      assert.match(mail.subject, new RegExp(`Indicatorii săptămânii \\(${isoWeek(later)}\\)`))
      assert.match(mail.body, /^Ioana Pop,/)
      assert.match(mail.body, /Măsurători întârziate \(32\):/)
      assert.match(mail.body, /Funcționari|funcționari/)
      assert.match(mail.body, /\/staff\/strategy$/)
      const again = await sendWeeklyDigest(server.cetate.context, later)
      assert.equal(again.sent, 0)
      assert.equal((await readOutbox(server.cetate.context.db, 'inovare@cluj-napoca.example', 10)).length, 1)
      // Citizens and clerks answer for no KPI and get nothing.
      assert.equal((await readOutbox(server.cetate.context.db, 'ana@cluj-napoca.example', 10)).length, 0)
      assert.equal((await readOutbox(server.cetate.context.db, 'ghiseu@cluj-napoca.example', 10)).length, 0)
    })
  })
}
