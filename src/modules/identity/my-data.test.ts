import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../test/support/demo.ts'
import type { SessionClient } from '../../../test/support/session-client.ts'
import { verifyAuditChain } from '../../platform/audit/audit-log.ts'
import { recordPersonalDataUse } from './index.ts'

interface Purpose {
  key: string
  granted: boolean
  title: { ro: string; hu?: string }
}

for (const backend of testBackends()) {
  describe(`my data: the consent register, export and deletion on ${backend.name}`, {
    timeout: 180_000,
  }, () => {
    let database: TestDatabase
    let server: DemoCetate

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    const signedIn = (email: string) => server.signedIn(email)
    const personId = async (client: SessionClient) => (await client.json<{ id: string }>('/api/account')).id

    test('I see every purpose in my language, none granted until I say so', async () => {
      const maria = await signedIn('maria@cluj-napoca.example')
      const { items } = await maria.json<{ items: Purpose[] }>('/api/account/consents')
      assert.deepEqual(
        items.map((item) => item.key),
        ['identity.prefill', 'participation.report_updates', 'transport.journey_research'],
      )
      assert.ok(items.every((item) => !item.granted && item.title.hu))
    })

    test('a reuse that rests on consent is refused until I grant it, and refused again at once after I withdraw', async () => {
      const maria = await signedIn('maria@cluj-napoca.example')
      const id = await personId(maria)
      const reuse = () =>
        recordPersonalDataUse(server.cetate.context, {
          personId: id,
          organisation: 'primaria-cluj-napoca',
          service: 'participation.reports',
          kind: 'reused',
          dataCategories: ['name', 'email'],
          purpose: 'identity.prefill',
          lawfulBasis: 'consent',
        })
      await assert.rejects(reuse(), /has not consented to "identity.prefill"/)
      assert.equal(
        (
          await maria.request('/api/account/consents/identity.prefill', {
            method: 'PUT',
            json: { granted: true },
          })
        ).status,
        204,
      )
      await reuse()
      assert.equal(
        (
          await maria.request('/api/account/consents/identity.prefill', {
            method: 'PUT',
            json: { granted: false },
          })
        ).status,
        204,
      )
      await assert.rejects(reuse(), /CONSENT_REQUIRED|has not consented/)

      const { items } = await maria.json<{
        items: { service: string; kind: string; organisation: string }[]
      }>('/api/account/data-uses')
      assert.deepEqual(
        items.map((item) => `${item.kind} ${item.organisation} ${item.service}`),
        ['reused primaria-cluj-napoca participation.reports', 'holds primaria-cluj-napoca identity.accounts'],
      )
    })

    test('an unknown purpose is a 404 naming where the purposes are listed', async () => {
      const maria = await signedIn('maria@cluj-napoca.example')
      const response = await maria.request('/api/account/consents/marketing.newsletter', {
        method: 'PUT',
        json: { granted: true },
      })
      assert.equal(response.status, 404)
      assert.match(((await response.json()) as { detail: string }).detail, /GET \/api\/account\/consents/)
    })

    test('the export holds my account, consent history, data uses and activity, and no secret', async () => {
      const maria = await signedIn('maria@cluj-napoca.example')
      const response = await maria.request('/api/account/export')
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /attachment; filename="cetate-my-data-\d{4}-\d{2}-\d{2}\.json"/,
      )
      const text = await response.text()
      const data = JSON.parse(text) as {
        account: { email: string }
        consentHistory: { purpose: string; granted: boolean }[]
        personalDataUses: unknown[]
        activity: { action: string }[]
        sessions: unknown[]
      }
      assert.equal(data.account.email, 'maria@cluj-napoca.example')
      assert.deepEqual(
        data.consentHistory.map((event) => event.granted),
        [true, false],
      )
      assert.equal(data.personalDataUses.length, 2)
      assert.ok(data.activity.some((entry) => entry.action === 'identity.consent.withdraw'))
      assert.ok(data.sessions.length >= 1)
      assert.doesNotMatch(text, /argon2|password_hash|csrf|key_hash/i)
    })

    test('deleting my account needs my password, erases my details and keeps only what it says it keeps', async () => {
      const ana = await signedIn('ana@cluj-napoca.example')
      const id = await personId(ana)
      const kept = await ana.json<{ kept: string[] }>('/api/account/deletion')
      assert.equal(kept.kept.length, 2)
      const wrong = await ana.request('/api/account', {
        method: 'DELETE',
        json: { password: 'nu e parola mea' },
      })
      assert.equal(wrong.status, 403)
      const deleted = await ana.json<{ deleted: boolean; kept: string[] }>('/api/account', {
        method: 'DELETE',
        json: { password: server.passwords.get('ana@cluj-napoca.example')! },
      })
      assert.equal(deleted.deleted, true)
      assert.equal((await ana.request('/api/account')).status, 401, 'signed out everywhere')
      const again = await fetch(`${server.url}/api/account/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'ana@cluj-napoca.example',
          password: server.passwords.get('ana@cluj-napoca.example'),
        }),
      })
      assert.equal(again.status, 401)
      const { rows } = await sql<{ email: string; display_name: string; password_hash: string | null }>`
        SELECT email, display_name, password_hash FROM identity.people WHERE id = ${id}`.execute(
        server.cetate.database.db,
      )
      assert.deepEqual(rows[0], { email: `deleted-${id}@invalid`, display_name: '', password_hash: null })
      assert.equal(
        (await verifyAuditChain(server.cetate.database.db)).intact,
        true,
        'the audit log is untouched',
      )
      const free = await fetch(`${server.url}/api/account/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'ana@cluj-napoca.example',
          password: 'o parolă nouă și lungă',
          displayName: 'Ana',
        }),
      })
      assert.equal(free.status, 201, 'the address may be used again')
    })

    test('the last administrator cannot delete their account', async () => {
      const admin = await signedIn('administrator@cluj-napoca.example')
      const response = await admin.request('/api/account', {
        method: 'DELETE',
        json: { password: server.passwords.get('administrator@cluj-napoca.example')! },
      })
      assert.equal(response.status, 409)
    })
  })
}
