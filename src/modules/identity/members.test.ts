import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../test/support/demo.ts'

interface Member {
  email: string
  role: string
  displayName: string
}

for (const backend of testBackends()) {
  describe(`an organisation's members, managed by its owners, on ${backend.name}`, {
    timeout: 120_000,
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

    test('an owner lists the members and adds someone by their exact address; the reading is audited', async () => {
      const owner = await server.signedIn('inovare@cluj-napoca.example')
      const before = await owner.json<{ items: Member[] }>('/api/organisations/oficiul-de-inovare/members')
      assert.deepEqual(
        before.items.map((member) => `${member.email} ${member.role}`),
        ['inovare@cluj-napoca.example owner'],
      )
      const added = await owner.request('/api/organisations/oficiul-de-inovare/members', {
        method: 'POST',
        json: { email: 'Maria@cluj-napoca.example', role: 'editor' },
      })
      assert.equal(added.status, 201)
      const after = await owner.json<{ items: Member[] }>('/api/organisations/oficiul-de-inovare/members')
      assert.deepEqual(
        after.items.map((member) => `${member.displayName} ${member.role}`),
        ['Ioana Pop owner', 'Maria Ionescu editor'],
      )
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM platform.audit_log
        WHERE action = 'identity.organisation.members_read' AND target_id = 'oficiul-de-inovare'`.execute(
        server.cetate.database.db,
      )
      assert.equal(rows[0]?.n, 2)
    })

    test('an address without an account says to sign up first', async () => {
      const owner = await server.signedIn('inovare@cluj-napoca.example')
      const response = await owner.request('/api/organisations/oficiul-de-inovare/members', {
        method: 'POST',
        json: { email: 'nobody@example.ro', role: 'member' },
      })
      assert.equal(response.status, 404)
      assert.match(((await response.json()) as { detail: string }).detail, /create an account first/)
    })

    test("an owner of one organisation neither sees nor changes another's members", async () => {
      const owner = await server.signedIn('inovare@cluj-napoca.example')
      assert.equal((await owner.request('/api/organisations/ciic/members')).status, 404)
      const add = await owner.request('/api/organisations/ciic/members', {
        method: 'POST',
        json: { email: 'maria@cluj-napoca.example', role: 'owner' },
      })
      assert.equal(add.status, 404)
      const citizen = await server.signedIn('ana@cluj-napoca.example')
      assert.equal((await citizen.request('/api/organisations/oficiul-de-inovare/members')).status, 403)
    })
  })
}
