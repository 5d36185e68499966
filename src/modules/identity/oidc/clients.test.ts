import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import * as oidc from 'openid-client'
import { runCli } from '../../../../test/support/cli.ts'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type DemoCetate, restartDemoCetate, startDemoCetate } from '../../../../test/support/demo.ts'
import { TestBrowser } from './test-browser.ts'

const REDIRECT_URI = 'https://app.example/callback'

for (const backend of testBackends()) {
  describe(`sign-on clients registered by administrators on ${backend.name}`, { timeout: 240_000 }, () => {
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

    const register = async (body: Record<string, unknown>) => {
      const admin = await signedIn('administrator@cluj-napoca.example')
      return admin.request('/api/oidc/clients', { method: 'POST', json: body })
    }

    const codeOf = (response: Response) => response.json().then((body) => (body as { code: string }).code)

    /** Signs on through `config` as `email`, asking for `scope`, approving every step. */
    const signOn = async (config: oidc.Configuration, email: string, scope: string) => {
      const browser = new TestBrowser()
      await browser.signIn(server.url, email, server.passwords.get(email)!)
      const verifier = oidc.randomPKCECodeVerifier()
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT_URI,
        scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      })
      let at = await browser.location(url.href)
      while (at.startsWith(`${server.url}/account/authorize/`)) {
        const uid = at.split('/').at(-1)!
        const step = await browser.json<{ prompt: string }>(`${server.url}/api/oidc/interactions/${uid}`)
        const next = await browser.json<{ redirectTo: string }>(
          `${server.url}/api/oidc/interactions/${uid}/${step.prompt}`,
          { method: 'POST', json: step.prompt === 'consent' ? { approve: true } : {} },
        )
        at = await browser.location(next.redirectTo)
      }
      return oidc.authorizationCodeGrant(config, new URL(at), { pkceCodeVerifier: verifier })
    }

    const discover = (clientId: string, auth: oidc.ClientAuth) =>
      oidc.discovery(new URL(`${server.url}/oidc`), clientId, undefined, auth, {
        execute: [oidc.allowInsecureRequests],
      })

    test('redirect URIs must be https (http only for localhost) without a fragment; scopes must be known', async () => {
      for (const uri of [
        'http://app.example/cb',
        'https://app.example/cb#x',
        'javascript:alert(1)',
        '/relative',
      ]) {
        const response = await register({ name: 'x', redirectUris: [uri] })
        assert.equal(response.status, 400, uri)
        assert.equal(await codeOf(response), 'OIDC_REDIRECT_URI_INVALID')
      }
      const scope = await register({ name: 'x', redirectUris: [REDIRECT_URI], scopes: ['cetate:everything'] })
      assert.equal(await codeOf(scope), 'OIDC_SCOPE_UNKNOWN')
      assert.equal((await register({ name: 'x', redirectUris: ['http://localhost:5173/cb'] })).status, 201)
    })

    test('a registered client’s secret is shown once and kept hashed; a citizen may not register one', async () => {
      const response = await register({ clientId: 'autobuz', name: 'Autobuz', redirectUris: [REDIRECT_URI] })
      assert.equal(response.status, 201)
      const created = (await response.json()) as { clientId: string; clientSecret: string }
      assert.equal(created.clientId, 'autobuz')
      assert.ok(created.clientSecret.length >= 40)
      const { rows } = await sql<{ secret_hash: string }>`SELECT secret_hash FROM identity.oidc_clients
        WHERE client_id = 'autobuz'`.execute(server.cetate.database.db)
      assert.notEqual(rows[0]?.secret_hash, created.clientSecret)
      const admin = await signedIn('administrator@cluj-napoca.example')
      const list = await admin.json<{ items: Record<string, unknown>[] }>('/api/oidc/clients')
      const listed = list.items.find((item) => item.clientId === 'autobuz')
      assert.deepEqual(listed?.redirectUris, [REDIRECT_URI])
      assert.ok(!JSON.stringify(list).includes(created.clientSecret))
      const again = await register({ clientId: 'autobuz', name: 'Autobuz', redirectUris: [REDIRECT_URI] })
      assert.equal(again.status, 409)
      const citizen = await signedIn('ana@cluj-napoca.example')
      const refused = await citizen.request('/api/oidc/clients', {
        method: 'POST',
        json: { name: 'mine', redirectUris: [REDIRECT_URI] },
      })
      assert.equal(refused.status, 403)
    })

    test('an API scope lets the token do what the person may, and no more; deleting the client ends its tokens', async () => {
      const response = await register({
        clientId: 'ghiseu-mobil',
        name: 'Ghișeu mobil',
        redirectUris: [REDIRECT_URI],
        scopes: ['cetate:identity.person.read'],
      })
      const { clientSecret } = (await response.json()) as { clientSecret: string }
      const config = await discover('ghiseu-mobil', oidc.ClientSecretBasic(clientSecret))
      const clerk = await signOn(config, 'ghiseu@cluj-napoca.example', 'openid cetate:identity.person.read')
      assert.match(clerk.scope ?? '', /cetate:identity\.person\.read/)
      const bearer = (token: string) =>
        fetch(`${server.url}/api/people?q=Ana`, { headers: { authorization: `Bearer ${token}` } })
      assert.equal((await bearer(clerk.access_token)).status, 200)
      const plain = await signOn(config, 'ghiseu@cluj-napoca.example', 'openid')
      assert.equal((await bearer(plain.access_token)).status, 403, 'without the scope the token cannot')
      const citizen = await signOn(config, 'ana@cluj-napoca.example', 'openid cetate:identity.person.read')
      assert.equal(
        (await bearer(citizen.access_token)).status,
        403,
        'the scope adds nothing the person lacks',
      )

      const admin = await signedIn('administrator@cluj-napoca.example')
      assert.equal((await admin.request('/api/oidc/clients/ghiseu-mobil', { method: 'DELETE' })).status, 204)
      assert.equal((await bearer(clerk.access_token)).status, 401)
      await assert.rejects(oidc.refreshTokenGrant(config, clerk.refresh_token!))
      assert.equal((await admin.request('/api/oidc/clients/ghiseu-mobil', { method: 'DELETE' })).status, 404)
      const { rows } = await sql<{ action: string }>`SELECT action FROM platform.audit_log
        WHERE target_id = 'ghiseu-mobil' AND action LIKE 'identity.oidc_client.%' ORDER BY seq`.execute(
        server.cetate.database.db,
      )
      assert.deepEqual(
        rows.map((row) => row.action),
        ['identity.oidc_client.create', 'identity.oidc_client.delete'],
      )
    })

    test('a public client (no secret) signs on with PKCE alone', async () => {
      const response = await register({
        clientId: 'harta-web',
        name: 'Harta',
        redirectUris: [REDIRECT_URI],
        public: true,
      })
      const created = (await response.json()) as { clientSecret: string | null }
      assert.equal(created.clientSecret, null)
      const tokens = await signOn(
        await discover('harta-web', oidc.None()),
        'maria@cluj-napoca.example',
        'openid',
      )
      assert.ok(tokens.id_token)
    })

    test('`cetate oidc rotate-keys` adds a signing key that servers then publish', async () => {
      await server.close()
      const env: Record<string, string> = database.databaseUrl
        ? { DATABASE_URL: database.databaseUrl }
        : { DATA_DIR: database.dataDir }
      const result = await runCli(['oidc', 'rotate-keys'], env)
      assert.equal(result.code, 0, result.stderr)
      const kid = /New signing key (\S+);/.exec(result.stdout)?.[1]
      assert.ok(kid, result.stdout)
      server = await restartDemoCetate(database, server)
      const jwks = (await (await fetch(`${server.url}/oidc/jwks`)).json()) as { keys: { kid: string }[] }
      assert.equal(jwks.keys[0]?.kid, kid)
    })
  })
}
