import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { wcagViolations } from '../support/axe.ts'
import { launchBrowser } from '../support/browser.ts'
import { type Language, messages } from '../support/messages.ts'
import { startServer, type TestServer } from '../support/server.ts'

type City = { slug: string; name: string; names?: Partial<Record<Language, string>> }
type Areas = { attribution: string; features: { properties: { name: string } }[] }

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
const areaPaths = '.area-map path[role="button"]'

let server: TestServer
let browser: Browser
let city: City
let areas: Areas
let version: string

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(server.url + path)
  assert.equal(response.status, 200, path)
  return (await response.json()) as T
}

const cityName = (language: Language) => city.names?.[language] ?? city.name

type Opened = { page: Page; problems: string[]; close: () => Promise<void> }

type OpenOptions = {
  language?: Language
  width?: number
  /** Fakes some of the server's answers; the caller then waits for what it expects. */
  intercept?: (page: Page) => Promise<unknown>
}

/**
 * Opens a path in a fresh browser context, with a stored language choice when one is given, and
 * waits for the city's data to show; collects console errors (CSP violations among them).
 */
async function open(path: string, options: OpenOptions = {}): Promise<Opened> {
  const { language, width = 1280, intercept } = options
  const localStorage = language ? [{ name: 'cetate.language', value: language }] : []
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    storageState: { cookies: [], origins: [{ origin: server.url, localStorage }] },
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    // An unknown path answers 404 with the app, which then shows its not-found page: expected.
    const ownStatus =
      message.location().url === page.url() && message.text().startsWith('Failed to load resource')
    if (message.type() === 'error' && !ownStatus) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await intercept?.(page)
  const response = await page.goto(server.url + path)
  const type = response?.headers()['content-type'] ?? ''
  assert.ok(type.startsWith('text/html'), `${path} answered ${response?.status()} ${type}, not the web app`)
  if (!intercept) {
    await page.locator('header .brand__city').waitFor({ timeout: 10_000 })
    if (path === '/') await waitForAreas(page)
  }
  return { page, problems, close: () => context.close() }
}

async function waitForAreas(page: Page): Promise<void> {
  const paths = page.locator(areaPaths)
  await paths.nth(areas.features.length - 1).waitFor({ timeout: 10_000 })
  assert.equal(await paths.count(), areas.features.length)
}

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true })

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
  const { items } = await getJson<{ items: City[] }>('/api/cities')
  assert.ok(items[0], 'the demo city is loaded')
  city = items[0]
  areas = await getJson<Areas>(`/api/cities/${city.slug}/areas`)
  version = (await getJson<{ version: string }>('/api/platform')).version
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

describe('home page', () => {
  test('draws every neighbourhood of the city on the map and in the list', async () => {
    const { page, problems, close } = await open('/')
    const ro = messages.ro
    assert.equal(areas.features.length, 21)
    assert.equal(await page.locator(areaPaths).count(), 21)
    assert.equal(await page.locator('.area-list button').count(), 21)
    assert.equal(await page.locator('html').getAttribute('lang'), 'ro')
    assert.equal(await page.title(), ro.pageTitle.replace('{{page}}', ro.home.title))
    assert.match(
      (await page.locator('header .brand').textContent()) ?? '',
      new RegExp(`Cetate\\s*${city.name}`),
    )
    const footer = (await page.locator('footer').textContent()) ?? ''
    assert.ok(footer.includes(areas.attribution), footer)
    assert.ok(footer.includes(version), footer)
    const mapAttribution = (await page.locator('.leaflet-control-attribution').textContent()) ?? ''
    assert.ok(mapAttribution.includes(areas.attribution), mapAttribution)
    await screenshot(page, 'home')
    assert.deepEqual(problems, [])
    await close()
  })

  test('names a neighbourhood focused by keyboard, and Enter selects it', async () => {
    const { page, close } = await open('/')
    await page.keyboard.press('Tab')
    assert.equal(await page.locator('.skip-link:focus').count(), 1, 'the skip link comes first')

    let name: string | null = null
    for (let presses = 0; presses < 40 && !name; presses++) {
      await page.keyboard.press('Tab')
      const focused = page.locator(`${areaPaths}:focus`)
      if (await focused.count()) name = await focused.getAttribute('aria-label')
    }
    assert.ok(name, 'a neighbourhood takes the keyboard focus')
    const tooltip = page.locator('.area-map .leaflet-tooltip')
    assert.equal(await tooltip.textContent(), name)
    assert.ok(await tooltip.isVisible())
    await screenshot(page, 'home-keyboard-focus')

    await page.keyboard.press('Enter')
    const listed = page.locator('.area-list').getByRole('button', { name, exact: true })
    assert.equal(await listed.getAttribute('aria-pressed'), 'true')
    assert.ok((await page.locator('.neighbourhoods__selected').textContent())?.includes(name))
    await close()
  })

  test('a neighbourhood chosen in the list is highlighted on the map', async () => {
    const { page, close } = await open('/')
    const button = page.locator('.area-list button').nth(3)
    const name = (await button.textContent()) ?? ''
    await button.click()
    assert.equal(await button.getAttribute('aria-pressed'), 'true')
    const path = page.locator(`${areaPaths}[aria-label="${name}"]`)
    assert.equal(await path.getAttribute('aria-pressed'), 'true')
    assert.equal(await page.locator(`${areaPaths}[aria-pressed="true"]`).count(), 1)
    assert.equal(await page.locator('.area-map .leaflet-tooltip').textContent(), name)
    assert.equal(
      await page.locator('.neighbourhoods__selected').textContent(),
      messages.ro.home.areas.selected.replace('{{name}}', name),
    )
    await screenshot(page, 'home-list-selection')
    await close()
  })
  test('says so and offers a retry when the city cannot be loaded', async () => {
    const citiesUnavailable = (page: Page) =>
      page.route('**/api/cities', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Unavailable',
            status: 503,
            code: 'TEST_UNAVAILABLE',
            requestId: 'test-request-1',
          }),
        }),
      )
    const { page, close } = await open('/', { intercept: citiesUnavailable })
    const alert = page.getByRole('alert')
    await alert.waitFor()
    const text = (await alert.textContent()) ?? ''
    assert.ok(text.includes(messages.ro.status.error), text)
    assert.ok(text.includes('test-request-1'), text)
    await screenshot(page, 'home-error')
    assert.deepEqual(await wcagViolations(page), [])

    await page.unroute('**/api/cities')
    await alert.getByRole('button', { name: messages.ro.status.retry }).click()
    await waitForAreas(page)
    await close()
  })

  test('says so when no city is loaded', async () => {
    const noCities = (page: Page) =>
      page.route('**/api/cities', (route) => route.fulfill({ json: { items: [] } }))
    const { page, close } = await open('/', { intercept: noCities })
    await page.getByText(messages.ro.home.noCity).waitFor()
    assert.equal(await page.locator('h1').textContent(), messages.ro.home.headingGeneric)
    assert.equal(await page.locator('.area-map').count(), 0)
    await screenshot(page, 'home-no-city')
    await close()
  })
})

describe('languages', () => {
  test('Romanian by default; English and Hungarian change the interface and survive a reload', async () => {
    const { page, close } = await open('/')
    const nav = page.getByRole('navigation')
    assert.equal(await nav.getByRole('link').first().textContent(), messages.ro.nav.home)

    for (const language of ['en', 'hu'] as const) {
      const text = messages[language]
      await page.selectOption('#language', language)
      await nav.getByRole('link', { name: text.nav.home, exact: true }).waitFor()
      assert.equal(await page.locator('html').getAttribute('lang'), language)
      assert.equal(await page.title(), text.pageTitle.replace('{{page}}', text.home.title))
      assert.equal(
        await page.locator('h1').textContent(),
        text.home.heading.replace('{{city}}', cityName(language)),
      )

      await page.reload()
      await waitForAreas(page)
      assert.equal(await page.locator('html').getAttribute('lang'), language)
      assert.equal(await page.inputValue('#language'), language)
      assert.equal(await nav.getByRole('link').first().textContent(), text.nav.home)
      await screenshot(page, `home-${language}`)
    }
    await close()
  })
})

describe('about and not-found pages', () => {
  test('the about page names the platform, the city and the standards it speaks', async () => {
    const { page, close } = await open('/about', { language: 'en' })
    const text = messages.en
    assert.equal(await page.locator('h1').textContent(), text.about.heading)
    assert.equal(await page.title(), text.pageTitle.replace('{{page}}', text.about.title))
    await page.locator('main').getByText(cityName('en')).waitFor()
    const main = (await page.locator('main').textContent()) ?? ''
    for (const expected of [
      text.about.udpHeading,
      text.about.icpHeading,
      cityName('en'),
      'NGSI-LD',
      'CKAN',
      'DCAT-AP',
      'Open311',
      'OpenID Connect',
      'OpenAPI',
    ]) {
      assert.ok(main.includes(expected), expected)
    }
    const current = page.getByRole('navigation').locator('[aria-current="page"]')
    assert.equal(await current.textContent(), text.nav.about)
    await close()
  })

  test('an unknown path shows the not-found page with a link home', async () => {
    const { page, close } = await open('/no/such/page', { language: 'hu' })
    const text = messages.hu
    assert.equal(await page.locator('h1').textContent(), text.notFound.title)
    assert.equal(await page.title(), text.pageTitle.replace('{{page}}', text.notFound.title))
    await page.getByRole('link', { name: text.notFound.home }).click()
    await waitForAreas(page)
    assert.equal(new URL(page.url()).pathname, '/')
    await close()
  })
})

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  const pages = { home: '/', about: '/about', 'not-found': '/no-such-page' }
  for (const language of ['ro', 'en', 'hu'] as const) {
    for (const width of [1280, 360]) {
      for (const [name, path] of Object.entries(pages)) {
        test(`${name} in ${language} at ${width} px`, async () => {
          const { page, problems, close } = await open(path, { language, width })
          await screenshot(page, `axe-${name}-${language}-${width}`)
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
