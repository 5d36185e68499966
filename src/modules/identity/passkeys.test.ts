/// <reference lib="dom" />
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../../../test/support/browser.ts'
import { type RunningCetate, startCetate } from '../../../test/support/cetate.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { SessionClient } from '../../../test/support/session-client.ts'

const PASSWORD = 'o parolă pentru cheia de acces'

/** Runs a WebAuthn ceremony in the page: the options come from our API, the answer goes back to it. */
async function ceremony(page: Page, kind: 'create' | 'get', options: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ kind, options }) => {
      const bytes = (text: string) =>
        Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
      const text = (buffer: ArrayBuffer) =>
        btoa(String.fromCharCode(...new Uint8Array(buffer)))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '')
      const json = options as Record<string, unknown> & {
        challenge: string
        user?: { id: string }
        excludeCredentials?: { id: string }[]
        allowCredentials?: { id: string }[]
      }
      const publicKey = {
        ...json,
        challenge: bytes(json.challenge),
        ...(json.user ? { user: { ...json.user, id: bytes(json.user.id) } } : {}),
        excludeCredentials: (json.excludeCredentials ?? []).map((c) => ({ ...c, id: bytes(c.id) })),
        allowCredentials: (json.allowCredentials ?? []).map((c) => ({ ...c, id: bytes(c.id) })),
      }
      const credential = (
        kind === 'create'
          ? await navigator.credentials.create({
              publicKey: publicKey as unknown as PublicKeyCredentialCreationOptions,
            })
          : await navigator.credentials.get({
              publicKey: publicKey as unknown as PublicKeyCredentialRequestOptions,
            })
      ) as PublicKeyCredential
      const response = credential.response as AuthenticatorAttestationResponse &
        AuthenticatorAssertionResponse
      return {
        id: credential.id,
        rawId: text(credential.rawId),
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        response:
          kind === 'create'
            ? {
                clientDataJSON: text(response.clientDataJSON),
                attestationObject: text(response.attestationObject),
                transports: response.getTransports(),
              }
            : {
                clientDataJSON: text(response.clientDataJSON),
                authenticatorData: text(response.authenticatorData),
                signature: text(response.signature),
                userHandle: response.userHandle ? text(response.userHandle) : undefined,
              },
      }
    },
    { kind, options },
  )
}

const [backend] = testBackends()

describe('passkeys, with a virtual authenticator in Chromium', { timeout: 180_000 }, () => {
  let database: TestDatabase
  let server: RunningCetate
  let browser: Browser
  let page: Page
  let origin: string

  before(async () => {
    database = await backend!.create()
    server = await startCetate(database, { env: { AUTH_RATE_LIMIT: '1000' } })
    // A passkey belongs to a host name; WebAuthn refuses bare IP addresses.
    origin = server.url.replace('127.0.0.1', 'localhost')
    server.cetate.context.settings.publicUrl = origin
    browser = await launchBrowser()
    page = await browser.newPage()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    })
    await page.goto(`${origin}/health`)
  })
  after(async () => {
    await browser?.close()
    await server.close()
    await database.drop()
  })

  test('add a passkey while signed in, then sign in with it alone; a replayed answer is refused', async () => {
    const client = new SessionClient(origin)
    const signUp = await client.request('/api/account/sign-up', {
      method: 'POST',
      json: { email: 'cheie@example.ro', password: PASSWORD, displayName: 'Cheie de Acces' },
    })
    assert.equal(signUp.status, 201)
    await client.signIn('cheie@example.ro', PASSWORD)

    const registration = await client.json<{ challengeId: string; options: unknown }>(
      '/api/account/passkeys/options',
      { method: 'POST' },
    )
    const created = await ceremony(page, 'create', registration.options)
    const added = await client.request('/api/account/passkeys', {
      method: 'POST',
      json: { challengeId: registration.challengeId, name: 'Laptop', response: created },
    })
    assert.equal(added.status, 204, await added.text())
    const replayedRegistration = await client.request('/api/account/passkeys', {
      method: 'POST',
      json: { challengeId: registration.challengeId, name: 'Laptop', response: created },
    })
    assert.equal(replayedRegistration.status, 400, 'a registration challenge works once')
    const { items } = await client.json<{ items: { id: string; name: string }[] }>('/api/account/passkeys')
    assert.deepEqual(
      items.map((item) => item.name),
      ['Laptop'],
    )

    const stranger = new SessionClient(origin)
    const signIn = await stranger.json<{ challengeId: string; options: unknown }>(
      '/api/account/passkey-sign-in/options',
      { method: 'POST' },
    )
    const assertion = await ceremony(page, 'get', signIn.options)
    const state = await stranger.json<{ csrfToken: string; account: { email: string } }>(
      '/api/account/passkey-sign-in',
      {
        method: 'POST',
        json: { challengeId: signIn.challengeId, response: assertion },
      },
    )
    assert.equal(state.account.email, 'cheie@example.ro')
    stranger.csrfToken = state.csrfToken
    assert.equal((await stranger.request('/api/account')).status, 200, 'the passkey opened a session')

    const replay = await fetch(`${origin}/api/account/passkey-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challengeId: signIn.challengeId, response: assertion }),
    })
    assert.equal(replay.status, 400, 'a sign-in challenge works once')

    const removed = await client.request(`/api/account/passkeys/${encodeURIComponent(items[0]!.id)}`, {
      method: 'DELETE',
    })
    assert.equal(removed.status, 204)
    const again = await stranger.json<{ challengeId: string; options: unknown }>(
      '/api/account/passkey-sign-in/options',
      { method: 'POST' },
    )
    const orphan = await ceremony(page, 'get', again.options)
    const refused = await fetch(`${origin}/api/account/passkey-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challengeId: again.challengeId, response: orphan }),
    })
    assert.equal(refused.status, 401, 'a removed passkey no longer signs in')
  })
})
