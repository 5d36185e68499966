import assert from 'node:assert/strict'
import { mkdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import * as oidc from 'openid-client'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { wcagViolations } from '../support/axe.ts'
import { launchBrowser } from '../support/browser.ts'
import { type Language, messages } from '../support/messages.ts'
import { startServer, type TestServer } from '../support/server.ts'
import { SessionClient } from '../support/session-client.ts'

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
// The demo pack's sample city app (src/demo/packs/cluj-napoca/oidc-clients.json).
const CLIENT_ID = 'parcari-cluj'
const REDIRECT_URI = 'http://localhost:3000/callback'
const SUBSTANTIAL = 'http://eidas.europa.eu/LoA/substantial'

let server: TestServer
let browser: Browser
/** The address people open: a host name, since WebAuthn refuses IP addresses. */
let origin: string
const passwords = new Map<string, string>()
let clientSecret = ''

const text = (language: Language = 'ro') => messages[language].account
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

type Opened = { context: BrowserContext; page: Page; problems: string[]; close: () => Promise<void> }

/** A fresh browser context on the public address, with a stored language choice. */
async function newContext(options: { language?: Language; width?: number } = {}): Promise<Opened> {
  const { language = 'ro', width = 1280 } = options
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    storageState: {
      cookies: [],
      origins: [{ origin, localStorage: [{ name: 'cetate.language', value: language }] }],
    },
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    // Failed requests the pages handle themselves (a wrong password, a used link) log a network error.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return { context, page, problems, close: () => context.close() }
}

async function go(page: Page, path: string): Promise<void> {
  await page.goto(origin + path)
  await page.locator('main h1').first().waitFor({ timeout: 10_000 })
}

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}account-${name}.png`, fullPage: true })

async function signInThroughPage(page: Page, email: string, password: string, language: Language = 'ro') {
  const words = text(language)
  const form = page.locator('form', {
    has: page.getByRole('button', { name: words.signIn.submit, exact: true }),
  })
  await form.getByLabel(words.fields.email).fill(email)
  await form.getByLabel(words.fields.password).fill(password)
  await form.getByRole('button', { name: words.signIn.submit, exact: true }).click()
}

/** The latest mail to an address, read from the outbox as the demo administrator. */
async function latestMail(to: string): Promise<{ subject: string; body: string; link: string }> {
  const admin = new SessionClient(server.url)
  await admin.signIn('administrator@cluj-napoca.example', passwords.get('administrator@cluj-napoca.example')!)
  const { items } = await admin.json<{ items: { subject: string; body: string }[] }>(
    `/api/outbox?to=${encodeURIComponent(to)}&limit=1`,
  )
  const mail = items[0]
  assert.ok(mail, `a mail was sent to ${to}`)
  const link = /https?:\/\/\S+/.exec(mail.body)?.[0]
  assert.ok(link, mail.body)
  return { ...mail, link }
}

async function signUpThroughApi(email: string, password: string): Promise<void> {
  const response = await fetch(`${server.url}/api/account/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, displayName: 'Test Persoană' }),
  })
  assert.equal(response.status, 201, await response.text())
}

const unique = (name: string) => `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.ro`

before(async () => {
  const port = await freePort()
  origin = `http://localhost:${port}`
  server = await startServer({ port, env: { PUBLIC_URL: origin, AUTH_RATE_LIMIT: '1000' } })
  for (const line of server.startup.split('\n')) {
    const person = /^\s*(\S+@\S+) \(.*\): password (\S+)\s*$/.exec(line)
    if (person) passwords.set(person[1]!, person[2]!)
    const client = /sign-on client (\S+) .*: client secret (\S+),/.exec(line)
    if (client?.[1] === CLIENT_ID) clientSecret = client[2]!
  }
  assert.ok(
    passwords.size >= 7,
    `the demo printed its passwords (start with a fresh data directory):\n${server.startup}`,
  )
  assert.ok(clientSecret, 'the demo printed the sample app’s client secret')
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('signing up and taking charge of my data', { timeout: 120_000 }, () => {
  test('sign up, confirm the address from the mail, sign in, grant a consent, download my data', async () => {
    const words = text('ro')
    const email = unique('ioana')
    const password = 'patru cuvinte lungi aici'
    const { page, problems, close } = await newContext()

    await go(page, '/account/sign-up')
    await page.getByLabel(words.fields.name).fill('Ioana Test')
    await page.getByLabel(words.fields.email).fill(email)
    await page.getByLabel(words.fields.newPassword).fill(password)
    assert.equal(await page.getByLabel(words.fields.language).inputValue(), 'ro')
    await page.getByRole('button', { name: words.signUp.submit }).click()
    await page.getByRole('heading', { level: 1, name: words.signUp.sentTitle }).waitFor()
    assert.ok((await page.locator('main').textContent())?.includes(email))
    await screenshot(page, 'sign-up-sent')

    const mail = await latestMail(email)
    assert.ok(mail.link.startsWith(`${origin}/account/verify-email?token=`), mail.link)
    await page.goto(mail.link)
    await page.getByText(words.verify.done).waitFor()
    await screenshot(page, 'verify-email-done')
    await page.getByRole('main').getByRole('link', { name: words.verify.toSignIn }).click()
    await page.getByRole('heading', { level: 1, name: words.signIn.title }).waitFor()

    await signInThroughPage(page, email, password)
    await page.getByRole('heading', { level: 1, name: words.overview.title }).waitFor()
    assert.equal(new URL(page.url()).pathname, '/account')
    assert.equal(
      await page.locator('header .account-menu__name').textContent(),
      `${words.header.accountOf} Ioana Test`,
    )
    assert.ok((await page.locator('main').textContent())?.includes(words.overview.verified))
    assert.ok((await page.locator('main').textContent())?.includes(words.assurance.levels.low))

    await page
      .getByRole('navigation', { name: words.area.navLabel })
      .getByRole('link', { name: words.area.myData })
      .click()
    await page.getByRole('heading', { level: 1, name: words.myData.title }).waitFor()
    const purpose = 'Noutăți despre sesizările mele'
    const toggle = page.getByRole('switch', { name: fill(words.myData.allow, { purpose }) })
    assert.equal(await toggle.getAttribute('aria-checked'), 'false')
    await toggle.click()
    await page.locator('.switch[aria-checked="true"]').waitFor()
    const consent = page.locator('.consent', { has: page.getByRole('heading', { name: purpose }) })
    assert.match((await consent.locator('.consent__state').textContent()) ?? '', /^Acordat la /)
    await screenshot(page, 'my-data-consent')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: words.myData.export }).click(),
    ])
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      account: { email: string }
      consents: { key: string; granted: boolean }[]
    }
    assert.equal(exported.account.email, email)
    assert.ok(exported.consents.some((c) => c.key === 'participation.report_updates' && c.granted))
    assert.deepEqual(problems, [])
    await close()
  })
})

describe('passwords', { timeout: 120_000 }, () => {
  test('a wrong password is refused with a message next to the form', async () => {
    const words = text('ro')
    const { page, close } = await newContext()
    await go(page, '/account/sign-in')
    await signInThroughPage(page, 'ana@cluj-napoca.example', 'nu este parola ei')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    assert.equal(await alert.locator('p').first().textContent(), words.problems.SIGN_IN_FAILED)
    assert.equal(new URL(page.url()).pathname, '/account/sign-in')
    await screenshot(page, 'sign-in-wrong-password')
    await close()
  })

  test('reset the password with the mailed link: the old password stops working, the link works once', async () => {
    const words = text('en')
    const email = unique('reset')
    await signUpThroughApi(email, 'the first long password')
    const { page, problems, close } = await newContext({ language: 'en' })

    await go(page, '/account/sign-in')
    await page.getByRole('link', { name: words.signIn.forgot }).click()
    await page.getByRole('heading', { level: 1, name: words.reset.title }).waitFor()
    await page.getByLabel(words.fields.email).fill(email)
    await page.getByRole('button', { name: words.reset.submit }).click()
    await page.getByText(fill(words.reset.sent, { email })).waitFor()

    const mail = await latestMail(email)
    assert.ok(mail.link.startsWith(`${origin}/account/reset-password?token=`), mail.link)
    await page.goto(mail.link)
    await page.getByRole('heading', { level: 1, name: words.reset.newTitle }).waitFor()
    await page.getByLabel(words.fields.newPassword).fill('the second long password')
    await page.getByRole('button', { name: words.reset.newSubmit }).click()
    await page.getByText(words.reset.done).waitFor()
    await screenshot(page, 'reset-password-done')

    await page.goto(mail.link)
    await page.getByLabel(words.fields.newPassword).fill('a third long password')
    await page.getByRole('button', { name: words.reset.newSubmit }).click()
    assert.equal(
      await page.getByRole('alert').locator('p').first().textContent(),
      words.problems.LINK_INVALID,
    )

    await go(page, '/account/sign-in')
    await signInThroughPage(page, email, 'the first long password', 'en')
    assert.equal(
      await page.getByRole('alert').locator('p').first().textContent(),
      words.problems.SIGN_IN_FAILED,
    )
    await signInThroughPage(page, email, 'the second long password', 'en')
    await page.getByRole('heading', { level: 1, name: words.overview.title }).waitFor()
    assert.deepEqual(problems, [])
    await close()
  })
})

describe('signing in to a city app (OpenID Connect)', { timeout: 120_000 }, () => {
  /** Opens the app's authorization request in the page, as the app would send the browser there. */
  async function startSignOn(page: Page, params: Record<string, string> = {}) {
    const verifier = oidc.randomPKCECodeVerifier()
    const state = oidc.randomState()
    const config = await oidc.discovery(
      new URL(`${origin}/oidc`),
      CLIENT_ID,
      undefined,
      oidc.ClientSecretBasic(clientSecret),
      {
        execute: [oidc.allowInsecureRequests],
      },
    )
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...params,
    })
    await page.goto(url.href)
    await page.waitForURL(/\/account\/authorize\//)
    await page.locator('main h1').waitFor()
    // The app's address does not exist: its request is seen, then fails to connect.
    const returned = () => page.waitForRequest((request) => request.url().startsWith(REDIRECT_URI))
    return { config, verifier, state, returned }
  }

  test('sign in on the page, allow, and the app receives a code it can exchange', async () => {
    const words = text('hu')
    const { page, problems, close } = await newContext({ language: 'hu' })
    const { config, verifier, state, returned } = await startSignOn(page)
    const app = 'Parcări Cluj (sample city app)'
    await page
      .getByRole('heading', { level: 1, name: fill(words.authorize.signInHeading, { app }) })
      .waitFor()
    await screenshot(page, 'authorize-sign-in')
    assert.deepEqual(await wcagViolations(page), [])

    await signInThroughPage(
      page,
      'laszlo@cluj-napoca.example',
      passwords.get('laszlo@cluj-napoca.example')!,
      'hu',
    )
    const next = page.getByRole('button', { name: words.authorize.continue, exact: true })
    await next.waitFor()
    await next.click()

    await page
      .getByRole('heading', { level: 1, name: fill(words.authorize.consentHeading, { app }) })
      .waitFor()
    const scopes = (await page.locator('.scope-list').textContent()) ?? ''
    for (const scope of ['openid', 'profile', 'email'] as const)
      assert.ok(scopes.includes(words.scopes[scope]), scope)
    await screenshot(page, 'authorize-consent')
    assert.deepEqual(await wcagViolations(page), [])
    const [arrived] = await Promise.all([
      returned(),
      page.getByRole('button', { name: words.authorize.allow, exact: true }).click(),
    ])
    const callback = new URL(arrived.url())
    assert.ok(callback.searchParams.get('code'), callback.href)
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    })
    const subject = tokens.claims()?.sub
    assert.ok(subject)
    const info = await oidc.fetchUserInfo(config, tokens.access_token, subject)
    assert.equal(info.email, 'laszlo@cluj-napoca.example')
    assert.deepEqual(problems, [])
    await close()
  })

  test('a low-assurance account asked for "substantial" learns how to raise it, and can cancel', async () => {
    const words = text('ro')
    const { page, close } = await newContext()
    const { returned } = await startSignOn(page, { acr_values: SUBSTANTIAL })
    await signInThroughPage(page, 'ana@cluj-napoca.example', passwords.get('ana@cluj-napoca.example')!)

    await page.getByRole('heading', { level: 1, name: words.authorize.stepUpHeading }).waitFor()
    const main = (await page.locator('main').textContent()) ?? ''
    const levels = words.assurance.levels
    assert.ok(
      main.includes(
        fill(words.authorize.stepUpText, {
          app: 'Parcări Cluj (sample city app)',
          required: levels.substantial,
          current: levels.low,
        }),
      ),
      main,
    )
    assert.ok(main.includes(words.assurance.howToRaise.low), main)
    assert.equal(await page.getByRole('button', { name: words.authorize.continue, exact: true }).count(), 0)
    await screenshot(page, 'authorize-step-up')
    assert.deepEqual(await wcagViolations(page), [])

    const cancel = page.getByRole('button', {
      name: fill(words.authorize.cancelBack, { app: 'Parcări Cluj (sample city app)' }),
    })
    const [arrived] = await Promise.all([returned(), cancel.click()])
    assert.equal(new URL(arrived.url()).searchParams.get('error'), 'unmet_authentication_requirements')
    await close()
  })
})

describe('passkeys', { timeout: 120_000 }, () => {
  test('add a passkey on the account page, sign out, sign in with it alone', async () => {
    const words = text('ro')
    const { page, problems, close } = await newContext()
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
    await go(page, '/account/passkeys')
    // Not signed in: the sign-in page, which then returns here.
    assert.equal(new URL(page.url()).searchParams.get('return'), '/account/passkeys')
    await signInThroughPage(page, 'maria@cluj-napoca.example', passwords.get('maria@cluj-napoca.example')!)
    await page.getByRole('heading', { level: 1, name: words.passkeys.title }).waitFor()
    await page.getByText(words.passkeys.none).waitFor()

    await page.getByLabel(words.passkeys.name).fill('Laptop')
    await page.getByRole('button', { name: words.passkeys.add, exact: true }).click()
    await page.getByText(fill(words.passkeys.added, { name: 'Laptop' })).waitFor()
    await page.locator('.card__title', { hasText: 'Laptop' }).waitFor()
    await screenshot(page, 'passkey-added')

    await page.getByRole('button', { name: words.header.signOut }).click()
    await page.getByRole('link', { name: words.header.signIn }).waitFor()
    await go(page, '/account/sign-in')
    await page.getByRole('button', { name: words.signIn.withPasskey }).click()
    await page.getByRole('heading', { level: 1, name: words.overview.title }).waitFor()
    assert.equal(
      await page.locator('header .account-menu__name').textContent(),
      `${words.header.accountOf} Maria Ionescu`,
    )
    assert.deepEqual(problems, [])
    await close()
  })
})

describe('accessibility of the account pages (axe, WCAG 2.1 A and AA)', { timeout: 300_000 }, () => {
  const publicPages = {
    'sign-in': '/account/sign-in',
    'sign-up': '/account/sign-up',
    'reset-password': '/account/reset-password',
    'reset-password-new': '/account/reset-password?token=not-a-real-token-but-long-enough',
    'verify-email-used': '/account/verify-email?token=not-a-real-token-but-long-enough',
  }
  const signedInPages = {
    account: '/account',
    sessions: '/account/sessions',
    passkeys: '/account/passkeys',
    'api-keys': '/account/api-keys',
    'my-data': '/account/my-data',
    delete: '/account/delete',
  }

  async function check(page: Page, problems: string[], name: string) {
    // Wait for the page's data: no "loading" status left.
    await page.waitForFunction(() => !document.querySelector('main .loading'), undefined, { timeout: 10_000 })
    await screenshot(page, name)
    assert.deepEqual(await wcagViolations(page), [], name)
    const fits = await page.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth)
    assert.ok(fits, `${name}: no horizontal scrolling`)
    assert.deepEqual(problems, [], name)
  }

  for (const language of ['ro', 'hu'] as const) {
    for (const width of [1280, 360]) {
      test(`pages for everyone in ${language} at ${width} px`, async () => {
        const { page, problems, close } = await newContext({ language, width })
        for (const [name, path] of Object.entries(publicPages)) {
          await go(page, path)
          if (name === 'verify-email-used') await page.getByRole('alert').waitFor()
          await check(page, problems, `axe-${name}-${language}-${width}`)
        }
        await close()
      })

      test(`signed-in pages in ${language} at ${width} px`, async () => {
        const { context, page, problems, close } = await newContext({ language, width })
        const email = 'inovare@cluj-napoca.example'
        const signedIn = await context.request.post(`${origin}/api/account/sign-in`, {
          data: { email, password: passwords.get(email) },
        })
        assert.equal(signedIn.status(), 200)
        for (const [name, path] of Object.entries(signedInPages)) {
          await go(page, path)
          await check(page, problems, `axe-${name}-${language}-${width}`)
        }
        // The key is shown once, with its warning.
        const words = text(language)
        await go(page, '/account/api-keys')
        await page.getByLabel(words.apiKeys.name, { exact: true }).fill('Test')
        await page.getByLabel(words.apiKeys.scopes, { exact: true }).fill('identity.organisation.read')
        await page.getByRole('button', { name: words.apiKeys.create, exact: true }).click()
        await page.getByText(words.apiKeys.onceWarning).waitFor()
        assert.match(await page.getByLabel(words.apiKeys.theKey).inputValue(), /\S{20,}/)
        await check(page, problems, `axe-api-key-created-${language}-${width}`)
        await close()
      })
    }
  }
})
