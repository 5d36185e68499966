import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { wcagViolations } from '../support/axe.ts'
import { launchBrowser } from '../support/browser.ts'
import { type Language, messages } from '../support/messages.ts'
import { startServer, type TestServer } from '../support/server.ts'
import { SessionClient } from '../support/session-client.ts'

type Person = { id: string; email: string; displayName: string }
type Organisation = { slug: string; name: string; names: Partial<Record<Language, string>> }

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
const ro = messages.ro.staff

let server: TestServer
let browser: Browser
/** The demo's generated passwords, by email, as `cetate start --demo` printed them. */
const passwords = new Map<string, string>()
const cookies = new Map<string, string>()
let admin: SessionClient

const email = (name: string) => `${name}@cluj-napoca.example`
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))

async function sessionCookie(who: string): Promise<string> {
  const known = cookies.get(who)
  if (known) return known
  const password = passwords.get(who)
  assert.ok(password, `the demo printed a password for ${who}`)
  const response = await fetch(`${server.url}/api/account/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who, password }),
  })
  assert.equal(response.status, 200, `${who} signs in`)
  const value = /cetate_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1]
  assert.ok(value, 'the sign-in sets the session cookie')
  cookies.set(who, value)
  return value
}

type Opened = { page: Page; problems: string[]; close: () => Promise<void> }

/** Opens a path as someone (signed in with their session cookie), in a language and width. */
async function open(
  path: string,
  options: {
    as?: string
    language?: Language
    width?: number
    intercept?: (page: Page) => Promise<unknown>
  } = {},
): Promise<Opened> {
  const { as, language = 'ro', width = 1280 } = options
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: language,
    storageState: {
      cookies: [],
      origins: [{ origin: server.url, localStorage: [{ name: 'cetate.language', value: language }] }],
    },
  })
  if (as) {
    const { hostname } = new URL(server.url)
    await context.addCookies([
      {
        name: 'cetate_session',
        value: await sessionCookie(as),
        domain: hostname,
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'Lax',
      },
    ])
  }
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    // Answers the page expects (a refused search, the outbox without SMTP) log a failed resource.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await options.intercept?.(page)
  await page.goto(server.url + path)
  await page.locator('main h1').waitFor({ timeout: 10_000 })
  return { page, problems, close: () => context.close() }
}

/** Waits until no request of the page is in progress (no progress message is shown). */
async function settled(page: Page): Promise<void> {
  await page.locator('.working').first().waitFor({ state: 'detached', timeout: 10_000 })
}

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true })

async function findPerson(who: string): Promise<Person> {
  const { items } = await admin.json<{ items: Person[] }>(`/api/people?q=${encodeURIComponent(who)}`)
  const person = items.find((item) => item.email === who)
  assert.ok(person, `${who} is found`)
  return person
}

before(async () => {
  server = await startServer({ env: { AUTH_RATE_LIMIT: '1000' } })
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
  for (const match of server.startup.matchAll(/^\s*(\S+@\S+) \([^)]*\): password (\S+)$/gm)) {
    passwords.set(match[1]!, match[2]!)
  }
  assert.ok(passwords.size >= 7, `the demo people's passwords are printed:\n${server.startup}`)
  admin = new SessionClient(server.url)
  await admin.signIn(email('administrator'), passwords.get(email('administrator'))!)
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the counter clerk', () => {
  test('finds Ana, records an identity check, and sees her level become "substantial"', async () => {
    const { page, problems, close } = await open('/', { as: email('ghiseu') })
    const nav = page.getByRole('navigation', { name: messages.ro.nav.label })
    await nav.getByRole('link', { name: ro.nav.link }).click()
    // The click routes in the page: wait for the new heading rather than read the old one.
    await page.locator('main h1', { hasText: ro.index.title }).waitFor()
    await page.getByRole('link', { name: ro.index.tools.people.name }).click()
    await page.locator('main h1', { hasText: ro.people.title }).waitFor()
    // A clerk has no tools for administrators.
    assert.equal(await page.getByRole('link', { name: ro.index.tools.audit.name }).count(), 0)
    await page.getByText(ro.people.audited).waitFor()

    await page.getByLabel(ro.people.searchLabel, { exact: true }).fill('Ana')
    await page.getByRole('button', { name: ro.people.search }).click()
    const result = page.locator('.people-list li', { hasText: email('ana') })
    await result.waitFor()
    assert.equal(await result.locator('.level').textContent(), ro.levels.low)
    await screenshot(page, 'staff-clerk-search')
    await result.getByRole('link').click()

    await page.locator('main h1', { hasText: 'Ana Mureșan' }).waitFor()
    await page.getByText(ro.check.documentNumberHint).waitFor()
    await page.getByRole('radio', { name: new RegExp(ro.levels.substantial) }).check()
    await page.getByLabel(ro.check.documentType, { exact: true }).selectOption('identity_card')
    await page.getByLabel(ro.check.documentNumber, { exact: true }).fill('CJ 123456')
    await page.getByRole('button', { name: ro.check.submit }).click()

    const done = page.locator('.done')
    await done.waitFor()
    const confirmation = (await done.textContent()) ?? ''
    assert.ok(confirmation.includes(ro.levels.substantial), confirmation)
    assert.equal(await page.locator('.facts .level').textContent(), ro.levels.substantial)
    const check = page.locator('.data-table tbody tr').first()
    const row = (await check.textContent()) ?? ''
    assert.ok(row.includes('…3456'), row)
    assert.ok(!row.includes('123456'), 'only the last 4 characters are kept')
    assert.ok(row.includes('Mihai Rusu'), row)
    await screenshot(page, 'staff-clerk-identity-check')
    assert.deepEqual(problems, [])
    await close()
  })
})

describe('people without a staff role', () => {
  test('a citizen sees no staff link and is told clearly that the page is not for them', async () => {
    const { page, problems, close } = await open('/staff/people', { as: email('ana') })
    assert.equal(await page.locator('main h1').textContent(), ro.gate.notAllowedTitle)
    const alert = page.getByRole('alert')
    assert.ok((await alert.textContent())?.includes(ro.gate.needs.people))
    // The session is known by now: the header shows no way into the back office.
    assert.equal(await page.getByRole('link', { name: ro.nav.link }).count(), 0)
    assert.deepEqual(await wcagViolations(page), [])
    await screenshot(page, 'staff-citizen-not-allowed')
    assert.deepEqual(problems, [])
    await close()
  })

  test("the server's refusal is shown next to the form when it comes", async () => {
    const refuse = (page: Page) =>
      page.route('**/api/people?*', (route) =>
        route.fulfill({
          status: 403,
          contentType: 'application/problem+json',
          body: JSON.stringify({ status: 403, code: 'FORBIDDEN', detail: 'no', requestId: 'test-403' }),
        }),
      )
    const { page, close } = await open('/staff/people', { as: email('ghiseu'), intercept: refuse })
    await page.getByLabel(ro.people.searchLabel, { exact: true }).fill('Ana')
    await page.getByRole('button', { name: ro.people.search }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    const text = (await alert.textContent()) ?? ''
    assert.ok(text.includes(ro.problems.FORBIDDEN), text)
    assert.ok(text.includes('test-403'), text)
    await close()
  })
})

describe('the administrator', () => {
  test('grants the clerk role to László, revokes it, and is refused removing the last administrator', async () => {
    const laszlo = await findPerson(email('laszlo'))
    const { page, problems, close } = await open('/staff/people?q=laszlo', { as: email('administrator') })
    await page.locator('.people-list li', { hasText: laszlo.email }).getByRole('link').click()
    await page.locator('main h1', { hasText: laszlo.displayName }).waitFor()

    const clerk = ro.roleNames.clerk
    await page.getByRole('button', { name: fill(ro.roles.grant, { role: clerk }) }).click()
    await page.getByText(fill(ro.roles.granted, { name: laszlo.displayName, role: clerk })).waitFor()
    assert.deepEqual(
      (await admin.json<{ platformRoles: string[] }>(`/api/people/${laszlo.id}`)).platformRoles,
      ['clerk'],
    )
    await screenshot(page, 'staff-admin-role-granted')
    await page.getByRole('button', { name: fill(ro.roles.revoke, { role: clerk }) }).click()
    await page.getByText(fill(ro.roles.revoked, { name: laszlo.displayName, role: clerk })).waitFor()
    assert.deepEqual(
      (await admin.json<{ platformRoles: string[] }>(`/api/people/${laszlo.id}`)).platformRoles,
      [],
    )

    const self = await findPerson(email('administrator'))
    await page.goto(`${server.url}/staff/people/${self.id}`)
    await page.locator('main h1', { hasText: self.displayName }).waitFor()
    const administrator = ro.roleNames.administrator
    await page.getByRole('button', { name: fill(ro.roles.revoke, { role: administrator }) }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    assert.ok((await alert.textContent())?.includes(ro.problems.LAST_ADMINISTRATOR))
    await screenshot(page, 'staff-admin-last-administrator')
    assert.deepEqual(problems, [])
    await close()
  })

  test('registers a sign-on application, sees its secret once, and removes it', async () => {
    const { page, problems, close } = await open('/staff/sign-on-clients', { as: email('administrator') })
    await page.getByLabel(ro.clients.name, { exact: true }).fill('Aplicație de test')
    await page.getByLabel(ro.clients.clientIdOptional, { exact: true }).fill('aplicatie-test')
    await page
      .getByLabel(ro.clients.redirectUris, { exact: true })
      .fill('https://test.example/callback\nhttp://localhost:3000/cb')
    await page.getByRole('checkbox', { name: /cetate:catalog\.dataset\.read/ }).check()
    await page.getByRole('button', { name: ro.clients.register }).click()

    await page.getByText(ro.clients.secretWarning).waitFor()
    const secret = await page.getByLabel(ro.clients.secret, { exact: true }).inputValue()
    assert.ok(secret.length >= 20, 'the secret is shown')
    await page.getByRole('button', { name: ro.secret.copy }).waitFor()
    const { items } = await admin.json<{ items: { clientId: string; scopes: string[] }[] }>(
      '/api/oidc/clients',
    )
    assert.deepEqual(items.find((item) => item.clientId === 'aplicatie-test')?.scopes, [
      'cetate:catalog.dataset.read',
    ])
    await screenshot(page, 'staff-admin-client-registered')

    await page.reload()
    const entry = page.locator('.client', { hasText: 'aplicatie-test' })
    await entry.waitFor()
    assert.equal(await page.getByText(ro.clients.secretWarning).count(), 0, 'the secret is shown only once')
    assert.equal(await page.getByText(secret).count(), 0)

    await entry.getByRole('button', { name: fill(ro.clients.remove, { name: 'Aplicație de test' }) }).click()
    await entry.getByRole('button', { name: ro.clients.confirmYes }).click()
    await page.getByText(fill(ro.clients.removed, { name: 'Aplicație de test' })).waitFor()
    // The list reloads after the message appears; wait for the entry to go rather than race it.
    await page.locator('.client', { hasText: 'aplicatie-test' }).waitFor({ state: 'detached' })
    const after = await admin.json<{ items: { clientId: string }[] }>('/api/oidc/clients')
    assert.ok(!after.items.some((item) => item.clientId === 'aplicatie-test'))
    assert.deepEqual(problems, [])
    await close()
  })

  test("adds Maria as editor of an organisation and manages the organisation's API keys", async () => {
    const maria = await findPerson(email('maria'))
    const { items } = await admin.json<{ items: Organisation[] }>('/api/organisations')
    const organisation = items.find((item) => item.slug === 'ciic') ?? items[0]!
    const { page, problems, close } = await open('/staff/organisations', { as: email('administrator') })
    await page.getByRole('link', { name: organisation.names.ro ?? organisation.name, exact: true }).click()
    await page.locator('main h1', { hasText: organisation.names.ro ?? organisation.name }).waitFor()

    await page.getByText(ro.members.none).waitFor()

    await page.getByLabel(ro.people.searchLabel, { exact: true }).fill('maria')
    await page.getByRole('button', { name: ro.people.search }).click()
    await page.getByRole('button', { name: fill(ro.members.choose, { name: maria.displayName }) }).click()
    const chosen = page.locator('.chosen')
    await chosen.getByText(ro.members.notMember).waitFor()
    await chosen.getByLabel(ro.members.role, { exact: true }).selectOption('editor')
    await chosen.getByRole('button', { name: ro.members.add }).click()
    await chosen
      .getByText(fill(ro.members.saved, { name: maria.displayName, role: ro.membershipRoles.editor }))
      .waitFor()
    await chosen.getByText(ro.members.currentRole).waitFor()
    const memberships = async () =>
      (await admin.json<{ memberships: { organisation: string; role: string }[] }>(`/api/people/${maria.id}`))
        .memberships
    assert.deepEqual(await memberships(), [{ organisation: organisation.slug, role: 'editor' }])

    // The list shows her at once, with her role and the day she joined, written the Romanian way.
    const member = page.locator('.members-table tbody tr', { hasText: maria.email })
    await member.waitFor()
    assert.ok((await member.textContent())?.includes(maria.displayName))
    const role = member.getByLabel(`${ro.members.role}: ${maria.displayName}`, { exact: true })
    assert.equal(await role.inputValue(), 'editor')
    const since = member.locator('time')
    assert.equal(
      await since.textContent(),
      new Intl.DateTimeFormat('ro', { dateStyle: 'medium' }).format(
        new Date((await since.getAttribute('datetime')) ?? ''),
      ),
    )
    await screenshot(page, 'staff-admin-member-added')

    await role.selectOption('member')
    await member.getByRole('button', { name: `${ro.members.change}: ${maria.displayName}` }).click()
    await page
      .locator('.done', {
        hasText: fill(ro.members.saved, { name: maria.displayName, role: ro.membershipRoles.member }),
      })
      .waitFor()
    assert.deepEqual(await memberships(), [{ organisation: organisation.slug, role: 'member' }])

    await member.getByRole('button', { name: `${ro.members.remove}: ${maria.displayName}` }).click()
    const question = page.locator('.members-table .confirm', {
      hasText: fill(ro.members.confirmRemove, { name: maria.displayName }),
    })
    await question.waitFor()
    await screenshot(page, 'staff-admin-member-confirm-remove')
    await question.getByRole('button', { name: ro.members.confirmYes }).click()
    const removed = page.getByText(fill(ro.members.removed, { name: maria.displayName }))
    await removed.waitFor()
    await member.waitFor({ state: 'detached' })
    assert.equal(
      await removed.evaluate((element) => element === document.activeElement),
      true,
      'the focus moves to the message when the row goes',
    )
    assert.deepEqual(await memberships(), [])
    await page.getByText(ro.members.none).waitFor()

    await page.getByLabel(ro.keys.name, { exact: true }).fill('Senzori de test')
    await page.getByLabel(ro.keys.scopes, { exact: true }).fill('catalog.dataset.read')
    await page.getByRole('button', { name: ro.keys.create }).click()
    await page.getByText(ro.keys.warning).waitFor()
    const key = await page
      .getByLabel(fill(ro.keys.newKey, { name: 'Senzori de test' }), { exact: true })
      .inputValue()
    assert.match(key, /^ck_/)
    const row = page.locator('.data-table tr', { hasText: 'Senzori de test' })
    await row.waitFor()
    assert.ok((await row.textContent())?.includes(key.slice(0, 10)))
    await screenshot(page, 'staff-admin-key-created')
    await row.getByRole('button', { name: fill(ro.keys.revoke, { name: 'Senzori de test' }) }).click()
    await page.getByText(fill(ro.keys.revokedDone, { name: 'Senzori de test' })).waitFor()
    await row.getByText(ro.keys.revokedOn).waitFor()
    const probe = await fetch(`${server.url}/api/organisations`, {
      headers: { authorization: `Bearer ${key}` },
    })
    assert.equal(probe.status, 401, 'a revoked key no longer opens anything')
    assert.deepEqual(problems, [])
    await close()
  })
})

describe('the owner of an organisation', () => {
  test('the Innovation Office owner adds László by his address, sees him listed, and is told plainly about an address without an account', async () => {
    const laszlo = await findPerson(email('laszlo'))
    const { items } = await admin.json<{ items: Organisation[] }>('/api/organisations')
    const office = items.find((item) => item.slug === 'oficiul-de-inovare')
    assert.ok(office, 'the demo has the Innovation Office')
    const name = office.names.ro ?? office.name
    const { page, problems, close } = await open('/', { as: email('inovare') })
    await page
      .getByRole('navigation', { name: messages.ro.nav.label })
      .getByRole('link', { name: ro.nav.link })
      .click()
    await page.getByRole('link', { name: ro.index.tools.organisations.name }).click()
    await page.locator('main h1', { hasText: ro.organisations.title }).waitFor()
    await page.getByText(ro.organisations.leadOwned).waitFor()
    // Only the organisation she owns.
    assert.deepEqual(await page.locator('.data-table tbody tr td:first-child').allTextContents(), [name])
    await page.getByRole('link', { name, exact: true }).click()
    await page.locator('main h1', { hasText: name }).waitFor()

    const rows = page.locator('.members-table tbody tr')
    await rows.first().waitFor()
    const self = rows.filter({ hasText: email('inovare') })
    assert.ok((await self.textContent())?.includes(`(${ro.members.you})`))
    assert.equal(await self.getByRole('combobox').inputValue(), 'owner')

    const form = page.locator('form', { has: page.getByText(ro.members.addIntro) })
    await form.getByLabel(ro.members.email, { exact: true }).fill(laszlo.email)
    await form.getByLabel(ro.members.role, { exact: true }).selectOption('editor')
    await form.getByRole('button', { name: ro.members.add }).click()
    await form
      .getByText(fill(ro.members.added, { email: laszlo.email, role: ro.membershipRoles.editor }))
      .waitFor()
    const added = rows.filter({ hasText: laszlo.email })
    await added.waitFor()
    assert.ok((await added.textContent())?.includes(laszlo.displayName))
    assert.equal(
      await added.getByLabel(`${ro.members.role}: ${laszlo.displayName}`, { exact: true }).inputValue(),
      'editor',
    )
    assert.equal(
      await form.getByLabel(ro.members.email, { exact: true }).inputValue(),
      '',
      'the form is ready again',
    )
    await screenshot(page, 'staff-owner-member-added')

    await form.getByLabel(ro.members.email, { exact: true }).fill('nimeni@example.ro')
    await form.getByRole('button', { name: ro.members.add }).click()
    const alert = form.getByRole('alert')
    await alert.waitFor()
    const refusal = (await alert.textContent()) ?? ''
    assert.ok(refusal.includes(ro.members.noAccount), refusal)
    assert.equal(await rows.count(), 2, 'no one else was added')
    await screenshot(page, 'staff-owner-no-account')

    // Another organisation's page says it is not hers and offers nothing to change.
    await page.goto(`${server.url}/staff/organisations/ciic`)
    await page.getByText(ro.organisation.notYours).waitFor()
    assert.equal(await page.locator('main .members-table, main form').count(), 0)
    assert.deepEqual(problems, [])
    await close()
  })
})

describe('the audit log', () => {
  test('shows the identity check and the role changes, filters by an action prefix, and pages to older entries', async () => {
    const { page, problems, close } = await open('/staff/audit', { as: email('administrator') })
    await settled(page)
    await page.getByText(ro.audit.chain).waitFor()
    const actions = () => page.locator('.audit-table tbody td:nth-child(3) code').allTextContents()
    const shown = await actions()
    for (const action of ['identity.person.verify', 'identity.role.grant', 'identity.role.revoke'])
      assert.ok(shown.includes(action), `${action} is shown`)
    const time = page.locator('.audit-table tbody time').first()
    const at = (await time.getAttribute('datetime')) ?? ''
    assert.equal(
      await time.textContent(),
      new Intl.DateTimeFormat('ro', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(at)),
    )
    await screenshot(page, 'staff-audit')

    await page.getByLabel(ro.audit.action, { exact: true }).fill('identity.role')
    await page.getByRole('button', { name: ro.audit.apply }).click()
    await page.waitForURL(/action=identity\.role/)
    await page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('.audit-table tbody td:nth-child(3) code'))
      return cells.length > 0 && cells.every((cell) => cell.textContent?.startsWith('identity.role.'))
    })
    const filtered = await actions()
    assert.ok(filtered.length >= 2, filtered.join())
    assert.ok(
      filtered.every((action) => action.startsWith('identity.role.')),
      filtered.join(),
    )
    await screenshot(page, 'staff-audit-filtered')

    // Enough entries for a second page: each search is itself audited.
    for (let n = 0; n < 55; n++) await admin.json('/api/people?q=ana')
    await page.getByRole('button', { name: ro.audit.clear }).click()
    await page.waitForURL((url) => url.search === '')
    await page.waitForFunction(() => document.querySelectorAll('.audit-table tbody tr').length === 50)
    assert.equal(await page.locator('.audit-table tbody tr').count(), 50)
    await page.getByRole('button', { name: ro.audit.older }).click()
    await page.getByText(/Intrări mai vechi adăugate/).waitFor()
    assert.ok((await page.locator('.audit-table tbody tr').count()) > 50)
    const sequence = await page
      .locator('.audit-table tbody time')
      .evaluateAll((times) => times.map((time) => Date.parse(time.getAttribute('datetime') ?? '')))
    assert.deepEqual(
      sequence,
      [...sequence].sort((a, b) => b - a),
      'newest first, older entries after',
    )
    assert.deepEqual(problems, [])
    await close()
  })
})

describe('the development outbox', () => {
  test('shows mail with clickable links, and says when mail goes out by SMTP', async () => {
    const reset = await fetch(`${server.url}/api/account/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: email('ana') }),
    })
    assert.equal(reset.status, 202)
    const { page, problems, close } = await open('/staff/outbox', { as: email('administrator') })
    await page.getByLabel(ro.outbox.recipient, { exact: true }).fill(email('ana'))
    await page.getByRole('button', { name: ro.outbox.filter }).click()
    const mail = page.locator('.mail').first()
    await mail.waitFor()
    assert.ok((await mail.textContent())?.includes(email('ana')))
    const link = mail.locator('.mail__body a').first()
    assert.match((await link.getAttribute('href')) ?? '', /^http/)
    await screenshot(page, 'staff-outbox')
    assert.deepEqual(problems, [])
    await close()

    const smtp = (opened: Page) =>
      opened.route('**/api/outbox*', (route) =>
        route.fulfill({
          status: 404,
          contentType: 'application/problem+json',
          body: JSON.stringify({ status: 404, code: 'NOT_FOUND' }),
        }),
      )
    const withSmtp = await open('/staff/outbox', { as: email('administrator'), intercept: smtp })
    await withSmtp.page.getByText(ro.outbox.smtp).waitFor()
    await withSmtp.close()
  })
})

describe('accessibility of the staff pages (axe, WCAG 2.1 A and AA)', () => {
  /** Pages seen by someone other than the administrator. */
  const viewers: Record<string, string> = { 'owned-organisation': email('inovare') }
  const pages: Record<string, () => Promise<string>> = {
    index: async () => '/staff',
    people: async () => '/staff/people?q=ana',
    person: async () => `/staff/people/${(await findPerson(email('ana'))).id}`,
    organisations: async () => '/staff/organisations',
    organisation: async () => '/staff/organisations/ciic',
    'owned-organisation': async () => '/staff/organisations/oficiul-de-inovare',
    'sign-on-clients': async () => '/staff/sign-on-clients',
    audit: async () => '/staff/audit',
    outbox: async () => '/staff/outbox',
  }
  for (const language of ['ro', 'hu'] as const) {
    for (const width of [1280, 360]) {
      for (const [name, path] of Object.entries(pages)) {
        test(`${name} in ${language} at ${width} px`, async () => {
          const { page, problems, close } = await open(await path(), {
            as: viewers[name] ?? email('administrator'),
            language,
            width,
          })
          await settled(page)
          if (name === 'people') await page.locator('.people-list').waitFor()
          assert.equal(await page.locator('html').getAttribute('lang'), language)
          await screenshot(page, `axe-staff-${name}-${language}-${width}`)
          assert.deepEqual(await wcagViolations(page), [])
          const fits = await page.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth)
          assert.ok(fits, 'no horizontal scrolling')
          assert.deepEqual(problems, [])
          await close()
        })
      }
    }
  }
})
