import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { runCli } from '../../../test/support/cli.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { type DemoCetate, restartDemoCetate, startDemoCetate } from '../../../test/support/demo.ts'

for (const backend of testBackends()) {
  describe(`API keys on ${backend.name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase
    let server: DemoCetate
    const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } })

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    const signedIn = (email: string) => server.signedIn(email)

    test('a key is shown once, stored only as a hash, and works as a bearer credential for its scopes', async () => {
      const clerk = await signedIn('ghiseu@cluj-napoca.example')
      const created = await clerk.json<{ id: string; key: string }>('/api/account/api-keys', {
        method: 'POST',
        json: { name: 'counter tablet', scopes: ['identity.person.read'], expiresInDays: 30 },
      })
      assert.match(created.key, /^ck_[A-Za-z0-9_-]{40,}$/)
      const { rows } = await sql<{
        stored: string
      }>`SELECT key_hash AS stored FROM identity.api_keys WHERE id = ${created.id}`.execute(
        server.cetate.database.db,
      )
      assert.notEqual(rows[0]?.stored, created.key)
      assert.ok(!rows[0]?.stored.includes(created.key.slice(3)))

      const found = await fetch(`${server.url}/api/people?q=Ana`, bearer(created.key))
      assert.equal(found.status, 200)
      // As CKAN clients send it: bare in Authorization, or in X-CKAN-API-KEY.
      const ckanStyle: Record<string, string>[] = [
        { authorization: created.key },
        { 'x-ckan-api-key': created.key },
      ]
      for (const headers of ckanStyle) {
        assert.equal((await fetch(`${server.url}/api/people?q=Ana`, { headers })).status, 200)
      }
      const notAKey = await fetch(`${server.url}/api/people?q=Ana`, {
        headers: { authorization: 'Basic abc' },
      })
      assert.equal(notAKey.status, 401)
      const outside = await fetch(
        `${server.url}/api/people/00000000-0000-4000-8000-000000000000/identity-checks`,
        {
          method: 'POST',
          ...bearer(created.key),
        },
      )
      assert.equal(outside.status, 403, 'verifying is not among its scopes')
      const listed = await clerk.json<{ items: { id: string; lastUsedAt: string | null; prefix: string }[] }>(
        '/api/account/api-keys',
      )
      const mine = listed.items.find((item) => item.id === created.id)
      assert.ok(mine?.lastUsedAt, 'last use is recorded')
      assert.equal(mine?.prefix, created.key.slice(0, 10))
    })

    test('a key cannot carry more rights than its maker, and a malformed scope is named', async () => {
      const citizen = await signedIn('ana@cluj-napoca.example')
      const beyond = await citizen.request('/api/account/api-keys', {
        method: 'POST',
        json: { name: 'x', scopes: ['identity.person.read'] },
      })
      assert.equal(beyond.status, 403)
      assert.equal(((await beyond.json()) as { code: string }).code, 'SCOPE_NOT_YOURS')
      const malformed = await citizen.request('/api/account/api-keys', {
        method: 'POST',
        json: { name: 'x', scopes: ['DROP TABLE'] },
      })
      assert.equal(((await malformed.json()) as { code: string }).code, 'SCOPE_INVALID')
    })

    test('a revoked key stops working at once; an expired one too', async () => {
      const steward = await signedIn('date@cluj-napoca.example')
      const created = await steward.json<{ id: string; key: string }>('/api/account/api-keys', {
        method: 'POST',
        json: { name: 'loader', scopes: ['catalog.*'] },
      })
      assert.equal((await fetch(`${server.url}/api/account/session`, bearer(created.key))).status, 200)
      assert.equal((await steward.request(`/api/api-keys/${created.id}`, { method: 'DELETE' })).status, 204)
      const after = await fetch(`${server.url}/api/cities`, bearer(created.key))
      assert.equal(after.status, 401)
      assert.equal(((await after.json()) as { code: string }).code, 'INVALID_TOKEN')

      const expiring = await steward.json<{ id: string; key: string }>('/api/account/api-keys', {
        method: 'POST',
        json: { name: 'short', scopes: ['catalog.*'], expiresInDays: 1 },
      })
      await sql`UPDATE identity.api_keys SET expires_at = now() - interval '1 second' WHERE id = ${expiring.id}`.execute(
        server.cetate.database.db,
      )
      assert.equal((await fetch(`${server.url}/api/cities`, bearer(expiring.key))).status, 401)
    })

    test("someone else's key cannot be revoked by a citizen, and the answer does not confirm it exists", async () => {
      const clerk = await signedIn('ghiseu@cluj-napoca.example')
      const { items } = await clerk.json<{ items: { id: string }[] }>('/api/account/api-keys')
      const citizen = await signedIn('ana@cluj-napoca.example')
      const attempt = await citizen.request(`/api/api-keys/${items[0]!.id}`, { method: 'DELETE' })
      assert.equal(attempt.status, 404)
    })

    test('an organisation owner creates and lists keys for it; a non-member cannot', async () => {
      const owner = await signedIn('inovare@cluj-napoca.example')
      const created = await owner.request('/api/organisations/oficiul-de-inovare/api-keys', {
        method: 'POST',
        json: { name: 'dashboard sync', scopes: ['portfolio.project.read'] },
      })
      assert.equal(created.status, 201)
      const list = await owner.json<{ items: { organisation: string }[] }>(
        '/api/organisations/oficiul-de-inovare/api-keys',
      )
      assert.equal(list.items[0]?.organisation, 'oficiul-de-inovare')
      const steward = await signedIn('date@cluj-napoca.example')
      const other = await steward.request('/api/organisations/oficiul-de-inovare/api-keys', {
        method: 'POST',
        json: { name: 'x', scopes: ['catalog.*'] },
      })
      assert.equal(other.status, 403)
    })

    test('`cetate apikey create` prints a working key once and audits it as the system', async () => {
      await server.close()
      const env: Record<string, string> = database.databaseUrl
        ? { DATABASE_URL: database.databaseUrl }
        : { DATA_DIR: database.dataDir }
      const result = await runCli(
        [
          'apikey',
          'create',
          '--org',
          'serviciul-strategii-de-informatizare',
          '--scope',
          'catalog.*',
          '--name',
          'nightly import',
        ],
        env,
      )
      assert.equal(result.code, 0, result.stderr)
      const key = result.stdout.trim().split('\n').at(-1)!
      assert.match(key, /^ck_/)
      const bad = await runCli(['apikey', 'create', '--org', 'no-such-org', '--scope', 'catalog.*'], env)
      assert.equal(bad.code, 1)
      assert.match(bad.stderr, /No organisation "no-such-org"/)
      server = await restartDemoCetate(database, server)
      assert.equal((await fetch(`${server.url}/api/cities`, bearer(key))).status, 200)
      const { rows } = await sql<{ actor_type: string }>`SELECT actor_type FROM platform.audit_log
        WHERE action = 'identity.api_key.create' AND details->>'name' = 'nightly import'`.execute(
        server.cetate.database.db,
      )
      assert.deepEqual(rows, [{ actor_type: 'system' }])
    })
  })
}
