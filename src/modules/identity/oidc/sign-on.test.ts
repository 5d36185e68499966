import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { decodeProtectedHeader } from 'jose'
import { sql } from 'kysely'
import * as oidc from 'openid-client'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../../test/support/demo.ts'
import { ACR_URIS } from './acr.ts'
import { TestBrowser } from './test-browser.ts'

// The demo pack's sample city app, as registered from src/demo/packs/cluj-napoca/oidc-clients.json.
const CLIENT_ID = 'parcari-cluj'
const REDIRECT_URI = 'http://localhost:3000/callback'
const AFTER_LOGOUT = 'http://localhost:3000/'

for (const backend of testBackends()) {
  describe(`the Digital Citizen OpenID provider on ${backend.name}`, { timeout: 240_000 }, () => {
    let database: TestDatabase
    let server: DemoCetate
    let rp: oidc.Configuration
    let clientSecret = ''

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
      for (const note of server.notes) {
        const client = /^sign-on client (\S+) .*: client secret (\S+),/.exec(note)
        if (client?.[1] === CLIENT_ID) clientSecret = client[2]!
      }
      rp = await relyingParty(clientSecret)
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    const relyingParty = (secret: string, clientId = CLIENT_ID) =>
      oidc.discovery(new URL(`${server.url}/oidc`), clientId, undefined, oidc.ClientSecretBasic(secret), {
        execute: [oidc.allowInsecureRequests],
      })

    const signedInBrowser = async (email: string) => {
      const browser = new TestBrowser()
      await browser.signIn(server.url, email, server.passwords.get(email)!)
      return browser
    }

    interface Started {
      at: string
      verifier: string
      state: string
    }

    const start = async (browser: TestBrowser, params: Record<string, string> = {}, config = rp) => {
      const verifier = oidc.randomPKCECodeVerifier()
      const state = oidc.randomState()
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT_URI,
        scope: 'openid profile email',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        ...params,
      })
      return { at: await browser.location(url.href), verifier, state }
    }

    const interactionUid = (at: string) => {
      const match = new RegExp(`^${server.url}/account/authorize/([\\w-]+)$`).exec(at)
      assert.ok(match, `the browser is sent to the web app's sign-in page, not ${at}`)
      return match[1]!
    }

    /** Signs in and consents on every page the provider sends the browser to, until it returns to the app. */
    const approveAll = async (browser: TestBrowser, started: Started) => {
      let at = started.at
      while (at.startsWith(`${server.url}/account/authorize/`)) {
        const uid = interactionUid(at)
        const step = await browser.json<{ prompt: string }>(`${server.url}/api/oidc/interactions/${uid}`)
        const next = await browser.json<{ redirectTo: string }>(
          `${server.url}/api/oidc/interactions/${uid}/${step.prompt}`,
          { method: 'POST', json: step.prompt === 'consent' ? { approve: true } : {} },
        )
        at = await browser.location(next.redirectTo)
      }
      return at
    }

    const signOnAs = async (email: string, params: Record<string, string> = {}) => {
      const browser = await signedInBrowser(email)
      const started = await start(browser, params)
      const callback = await approveAll(browser, started)
      const tokens = await oidc.authorizationCodeGrant(rp, new URL(callback), {
        pkceCodeVerifier: started.verifier,
        expectedState: started.state,
      })
      return { browser, tokens }
    }

    const bearer = (token: string, path = '/api/account') =>
      fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })

    const personId = async (email: string) => {
      const { rows } = await sql<{
        id: string
      }>`SELECT id FROM identity.people WHERE email = ${email}`.execute(server.cetate.database.db)
      return rows[0]!.id
    }

    test('discovery and JWKS describe the provider: code flow with S256 PKCE, eIDAS acr values', async () => {
      assert.ok(clientSecret, 'the demo pack printed the sample app’s secret')
      const metadata = rp.serverMetadata()
      assert.equal(metadata.issuer, `${server.url}/oidc`)
      assert.deepEqual(metadata.code_challenge_methods_supported, ['S256'])
      assert.deepEqual(metadata.response_types_supported, ['code'])
      assert.deepEqual(metadata.acr_values_supported, Object.values(ACR_URIS))
      assert.ok(metadata.end_session_endpoint && metadata.revocation_endpoint)
      const jwks = (await (await fetch(metadata.jwks_uri!)).json()) as { keys: Record<string, string>[] }
      assert.equal(jwks.keys.length, 1)
      assert.equal(jwks.keys[0]!.kty, 'RSA')
      assert.equal(jwks.keys[0]!.d, undefined, 'only the public part is published')
    })

    test('a relying party completes authorization code + PKCE, reads userinfo, calls Cetate with the token and refreshes', async () => {
      const { tokens } = await signOnAs('maria@cluj-napoca.example')
      const claims = tokens.claims()!
      const maria = await personId('maria@cluj-napoca.example')
      assert.equal(claims.sub, maria)
      assert.equal(claims.acr, ACR_URIS.high)
      const info = await oidc.fetchUserInfo(rp, tokens.access_token, maria)
      assert.equal(info.email, 'maria@cluj-napoca.example')
      assert.equal(info.email_verified, true)
      assert.equal(info.name, 'Maria Ionescu')
      assert.equal(info.locale, 'en')

      const account = await bearer(tokens.access_token)
      assert.equal(account.status, 200)
      assert.equal(((await account.json()) as { id: string }).id, maria)

      assert.ok(tokens.refresh_token, 'a refresh token is issued')
      const refreshed = await oidc.refreshTokenGrant(rp, tokens.refresh_token)
      assert.notEqual(refreshed.refresh_token, tokens.refresh_token, 'refresh tokens rotate on use')
      assert.equal((await bearer(refreshed.access_token)).status, 200)

      const { rows } = await sql<{ action: string }>`SELECT DISTINCT action FROM platform.audit_log
        WHERE actor_id = ${maria} AND action LIKE 'identity.oidc.%' ORDER BY action`.execute(
        server.cetate.database.db,
      )
      assert.deepEqual(
        rows.map((row) => row.action),
        ['identity.oidc.consent', 'identity.oidc.sign_in'],
      )
    })

    test('a spent refresh token used again is refused, and revokes everything issued under its grant', async () => {
      const { tokens } = await signOnAs('maria@cluj-napoca.example')
      const refreshed = await oidc.refreshTokenGrant(rp, tokens.refresh_token!)
      await assert.rejects(oidc.refreshTokenGrant(rp, tokens.refresh_token!), { error: 'invalid_grant' })
      await assert.rejects(oidc.refreshTokenGrant(rp, refreshed.refresh_token!), { error: 'invalid_grant' })
      assert.equal((await bearer(refreshed.access_token)).status, 401)
    })

    test('a client demanding "substantial" is refused for a low account, which is told how to raise its level', async () => {
      const browser = await signedInBrowser('ana@cluj-napoca.example')
      const started = await start(browser, { acr_values: ACR_URIS.substantial })
      const uid = interactionUid(started.at)
      const step = await browser.json<{
        prompt: string
        client: { name: string }
        assurance: { required: string; current: string; sufficient: boolean; howToRaise: string }
      }>(`${server.url}/api/oidc/interactions/${uid}`)
      assert.equal(step.prompt, 'login')
      assert.equal(step.client.name, 'Parcări Cluj (sample city app)')
      assert.equal(step.assurance.required, 'substantial')
      assert.equal(step.assurance.current, 'low')
      assert.equal(step.assurance.sufficient, false)
      assert.match(step.assurance.howToRaise, /counter/)

      const login = await browser.request(`${server.url}/api/oidc/interactions/${uid}/login`, {
        method: 'POST',
        json: {},
      })
      assert.equal(login.status, 403)
      const problem = (await login.json()) as { code: string; required: string; howToRaise: string }
      assert.equal(problem.code, 'OIDC_ASSURANCE_TOO_LOW')
      assert.match(problem.howToRaise, /counter/)

      const aborted = await browser.json<{ redirectTo: string }>(
        `${server.url}/api/oidc/interactions/${uid}/abort`,
        {
          method: 'POST',
          json: {},
        },
      )
      const callback = await browser.location(aborted.redirectTo)
      await assert.rejects(
        oidc.authorizationCodeGrant(rp, new URL(callback), {
          pkceCodeVerifier: started.verifier,
          expectedState: started.state,
        }),
        (error: oidc.AuthorizationResponseError) => {
          assert.equal(error.error, 'unmet_authentication_requirements')
          return true
        },
      )
    })

    test('a substantial account meets a "substantial" demand; an existing low sign-in is not reused silently', async () => {
      const { tokens } = await signOnAs('laszlo@cluj-napoca.example', {
        claims: JSON.stringify({ id_token: { acr: { essential: true, values: ['substantial'] } } }),
      })
      assert.equal(tokens.claims()!.acr, ACR_URIS.substantial)

      const { browser } = await signOnAs('ana@cluj-napoca.example')
      const again = await start(browser, { acr_values: ACR_URIS.substantial })
      interactionUid(again.at)
      const none = await start(browser, { acr_values: ACR_URIS.substantial, prompt: 'none' })
      assert.equal(new URL(none.at).searchParams.get('error'), 'unmet_authentication_requirements')
    })

    test('declining consent sends the relying party access_denied', async () => {
      const browser = await signedInBrowser('laszlo@cluj-napoca.example')
      const started = await start(browser, { scope: 'openid email' })
      const login = await browser.json<{ redirectTo: string }>(
        `${server.url}/api/oidc/interactions/${interactionUid(started.at)}/login`,
        { method: 'POST', json: {} },
      )
      const consentUid = interactionUid(await browser.location(login.redirectTo))
      const step = await browser.json<{ prompt: string; scopes: { name: string; description: string }[] }>(
        `${server.url}/api/oidc/interactions/${consentUid}`,
      )
      assert.equal(step.prompt, 'consent')
      assert.deepEqual(
        step.scopes.map((scope) => scope.name),
        ['openid', 'email'],
      )
      assert.ok(step.scopes.every((scope) => scope.description.length > 10))
      const declined = await browser.json<{ redirectTo: string }>(
        `${server.url}/api/oidc/interactions/${consentUid}/consent`,
        { method: 'POST', json: { approve: false } },
      )
      const callback = new URL(await browser.location(declined.redirectTo))
      assert.equal(callback.origin + callback.pathname, REDIRECT_URI)
      assert.equal(callback.searchParams.get('error'), 'access_denied')
    })

    test('an interaction step needs a Cetate session and its CSRF token, and an unknown request is 404', async () => {
      const anonymous = new TestBrowser()
      const started = await start(anonymous)
      const uid = interactionUid(started.at)
      const step = await anonymous.json<{ signInNeeded: boolean }>(
        `${server.url}/api/oidc/interactions/${uid}`,
      )
      assert.equal(step.signInNeeded, true)
      const login = await anonymous.request(`${server.url}/api/oidc/interactions/${uid}/login`, {
        method: 'POST',
        json: {},
      })
      assert.equal(login.status, 401)
      const browser = await signedInBrowser('ana@cluj-napoca.example')
      browser.csrfToken = 'forged'
      const forged = await browser.request(`${server.url}/api/oidc/interactions/${uid}/login`, {
        method: 'POST',
        json: {},
      })
      assert.equal(((await forged.json()) as { code: string }).code, 'CSRF_TOKEN_INVALID')
      const unknown = await fetch(`${server.url}/api/oidc/interactions/no-such-request`)
      assert.equal(unknown.status, 404)
    })

    test('requests the provider must refuse: unknown client, unlisted redirect URI, no PKCE, wrong verifier, wrong secret', async () => {
      const browser = await signedInBrowser('maria@cluj-napoca.example')
      const auth = rp.serverMetadata().authorization_endpoint!
      const query = (params: Record<string, string>) =>
        `${auth}?${new URLSearchParams({
          response_type: 'code',
          scope: 'openid',
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
          ...params,
        })}`
      const unknown = await browser.request(query({ client_id: 'no-such-app', redirect_uri: REDIRECT_URI }))
      assert.equal(unknown.status, 400)
      assert.equal(unknown.headers.get('location'), null)
      assert.match(await unknown.text(), /invalid_client/)
      const elsewhere = await browser.request(
        query({ client_id: CLIENT_ID, redirect_uri: 'https://attacker.example/cb' }),
      )
      assert.equal(elsewhere.status, 400)
      assert.equal(elsewhere.headers.get('location'), null)
      assert.match(await elsewhere.text(), /redirect_uri/)

      const noPkce = new URL(
        await browser.location(
          `${auth}?${new URLSearchParams({ response_type: 'code', scope: 'openid', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI })}`,
        ),
      )
      assert.equal(noPkce.searchParams.get('error'), 'invalid_request')
      assert.match(noPkce.searchParams.get('error_description') ?? '', /PKCE/)

      const started = await start(browser)
      const callback = await approveAll(browser, started)
      await assert.rejects(
        oidc.authorizationCodeGrant(rp, new URL(callback), {
          pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
          expectedState: started.state,
        }),
        { error: 'invalid_grant' },
      )
      const again = await start(browser)
      const wrongSecret = await relyingParty('not-the-secret')
      await assert.rejects(
        oidc.authorizationCodeGrant(wrongSecret, new URL(await approveAll(browser, again)), {
          pkceCodeVerifier: again.verifier,
          expectedState: again.state,
        }),
        (error: oidc.WWWAuthenticateChallengeError) => {
          assert.equal(error.status, 401)
          assert.equal(error.cause[0]?.parameters.error, 'invalid_client')
          return true
        },
      )
    })

    test('bearer tokens: scopes narrow the person’s rights; revoked, expired and deleted-account tokens are refused', async () => {
      const { tokens } = await signOnAs('administrator@cluj-napoca.example')
      assert.equal(
        (await bearer(tokens.access_token)).status,
        200,
        'a signed-in route accepts any valid token',
      )
      const staff = await bearer(tokens.access_token, '/api/oidc/clients')
      assert.equal(staff.status, 403, 'the token carries no API scope, so not the administrator’s rights')

      await oidc.tokenRevocation(rp, tokens.access_token)
      const revoked = await bearer(tokens.access_token)
      assert.equal(revoked.status, 401)
      assert.equal(((await revoked.json()) as { code: string }).code, 'INVALID_TOKEN')

      const second = await signOnAs('maria@cluj-napoca.example')
      await sql`UPDATE identity.oidc_payloads
        SET payload = jsonb_set(payload, '{exp}', to_jsonb(floor(extract(epoch from now()))::bigint - 3600))
        WHERE model = 'AccessToken' AND id = ${second.tokens.access_token}`.execute(server.cetate.database.db)
      assert.equal((await bearer(second.tokens.access_token)).status, 401)

      const { tokens: anas } = await signOnAs('ana@cluj-napoca.example')
      await sql`UPDATE identity.people SET status = 'deleted' WHERE email = 'ana@cluj-napoca.example'`.execute(
        server.cetate.database.db,
      )
      assert.equal((await bearer(anas.access_token)).status, 401)
      await assert.rejects(oidc.refreshTokenGrant(rp, anas.refresh_token!), { error: 'invalid_grant' })
      await sql`UPDATE identity.people SET status = 'active' WHERE email = 'ana@cluj-napoca.example'`.execute(
        server.cetate.database.db,
      )
    })

    test('signing out of Cetate ends the single sign-on: the next silent request needs a sign-in', async () => {
      const { browser } = await signOnAs('maria@cluj-napoca.example')
      const silent = await start(browser, { prompt: 'none' })
      assert.ok(new URL(silent.at).searchParams.get('code'), 'signed in, the app gets a code silently')
      await browser
        .json(`${server.url}/api/account/sign-out`, { method: 'POST', json: {} })
        .catch(() => undefined)
      const after = await start(browser, { prompt: 'none' })
      assert.equal(new URL(after.at).searchParams.get('error'), 'login_required')
    })

    test('RP-initiated logout signs the person out of the provider and of Cetate, and ends the app’s refresh token', async () => {
      const { browser, tokens } = await signOnAs('maria@cluj-napoca.example')
      const logout = oidc.buildEndSessionUrl(rp, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: AFTER_LOGOUT,
        state: 'bye',
      })
      const page = await browser.request(logout.href)
      assert.equal(page.status, 200)
      const html = await page.text()
      const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)![1]!
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!
      assert.match(
        page.headers.get('content-security-policy') ?? '',
        /form-action 'self' http:\/\/localhost:3000/,
      )
      const back = new URL(
        await browser.location(new URL(action, logout).href, {
          method: 'POST',
          form: { xsrf, logout: 'yes' },
        }),
      )
      assert.equal(back.origin + back.pathname, AFTER_LOGOUT)
      assert.equal(back.searchParams.get('state'), 'bye')
      const session = await browser.json<{ signedIn: boolean }>(`${server.url}/api/account/session`)
      assert.equal(session.signedIn, false)
      await assert.rejects(oidc.refreshTokenGrant(rp, tokens.refresh_token!), { error: 'invalid_grant' })
    })

    test('ID tokens are signed with the newest key; a rotated-out key stays published for its tokens’ lifetime', async () => {
      const { rotateSigningKeys } = await import('./signing-keys.ts')
      const { forgetProvider } = await import('./provider.ts')
      const before = await signOnAs('maria@cluj-napoca.example')
      const oldKid = decodeProtectedHeader(before.tokens.id_token!).kid
      const rotated = await rotateSigningKeys(server.cetate.context, 'system', {
        ip: 'test',
        userAgent: 'test',
        requestId: 'rotate',
      })
      forgetProvider(server.cetate.context)
      const jwks = async () =>
        ((await (await fetch(rp.serverMetadata().jwks_uri!)).json()) as { keys: { kid: string }[] }).keys.map(
          (key) => key.kid,
        )
      assert.deepEqual(await jwks(), [rotated.kid, oldKid])
      const afterRotation = await signOnAs('maria@cluj-napoca.example')
      assert.equal(decodeProtectedHeader(afterRotation.tokens.id_token!).kid, rotated.kid)
      await sql`UPDATE identity.oidc_signing_keys SET retired_at = now() - interval '2 hours' WHERE kid = ${oldKid!}`.execute(
        server.cetate.database.db,
      )
      forgetProvider(server.cetate.context)
      assert.deepEqual(await jwks(), [rotated.kid])
    })
  })
}
