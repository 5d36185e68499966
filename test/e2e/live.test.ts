import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { wcagViolations } from '../support/axe.ts'
import { launchBrowser, openPage, settled } from '../support/browser.ts'
import { type TestDatabase, testBackends } from '../support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../support/demo.ts'
import { type Language, languages, messages } from '../support/messages.ts'

type Entity = { id: string; type: string; name?: string; location?: { coordinates: number[] } }

/** The live pages' own words (namespace `live`), so the test follows their wording. */
const live = { ro: messages.ro.live, en: messages.en.live, hu: messages.hu.live }

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url))
/** The demo's data steward; every signed-in person may manage their own subscriptions. */
const developer = 'date@cluj-napoca.example'
const demoTypes = [
  'AirQualityObserved',
  'WeatherObserved',
  'TrafficFlowObserved',
  'OffStreetParking',
] as const

let database: TestDatabase
let server: DemoCetate
let browser: Browser
/** The demo's entities by type, as the API lists them (keyValues). */
const entities = new Map<string, Entity[]>()

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))

async function getJson<T>(path: string): Promise<T> {
  const response = await server.request(path, { headers: { accept: 'application/json' } })
  assert.equal(response.status, 200, path)
  return (await response.json()) as T
}

const open = (path: string, options: { language?: Language; width?: number; as?: string } = {}) =>
  openPage(browser, server, path, options)

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true })

/** Waits until no request of the page is in progress (no progress message is shown). */
before(async () => {
  database = await testBackends()[0]!.create()
  server = await startDemoCetate(database, { WEB_ROOT: webRoot })
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
  const { typeList } = await getJson<{ typeList: string[] }>('/ngsi-ld/v1/types')
  for (const type of demoTypes) {
    assert.ok(typeList.includes(type), `the demo has ${type} entities: ${typeList.join(', ')}`)
    const list = await getJson<Entity[]>(`/ngsi-ld/v1/entities?type=${type}&options=keyValues&limit=1000`)
    assert.ok(list.length > 0, `${type} entities are listed`)
    entities.set(type, list)
  }
})

after(async () => {
  await browser?.close()
  await server?.close()
  await database?.drop()
})

describe('live city data', () => {
  for (const language of languages) {
    test(`lists every demo type on the map and in tables (${language})`, async () => {
      const words = live[language]
      const { page, problems, close } = await open('/live', { language })
      assert.equal(await page.locator('main h1').textContent(), words.list.title)
      assert.equal(await page.locator('html').getAttribute('lang'), language)

      let markers = 0
      for (const type of demoTypes) {
        const list = entities.get(type)!
        markers += list.filter((entity) => entity.location).length
        const section = page.locator('main section', {
          has: page.getByRole('heading', { level: 2, name: words.types[type] }),
        })
        await section.locator('.live-table tbody tr').first().waitFor()
        assert.equal(await section.locator('.live-table tbody tr').count(), list.length, type)
        // Each row names the entity, links to its page and says when it was observed.
        const first = [...list].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, language))[0]!
        const link = section.getByRole('link', { name: first.name ?? first.id, exact: true })
        assert.equal(
          await link.getAttribute('href'),
          `/live/entity/${encodeURIComponent(first.id)}`,
          `${type}: ${first.name}`,
        )
        assert.ok(
          (await section.locator('tbody time').count()) > 0,
          `${type} rows say when they were observed`,
        )
      }
      const markerPaths = page.locator('.live-map path[role="link"]')
      assert.equal(await markerPaths.count(), markers, 'one marker per entity with a location')
      assert.match((await page.locator('.live__updated').textContent()) ?? '', /\d/)
      // Readings carry their units, in symbols.
      assert.ok((await page.locator('.readings__value', { hasText: 'µg/m³' }).count()) > 0)
      assert.ok((await page.locator('.readings__value', { hasText: '°C' }).count()) > 0)

      await screenshot(page, `live-${language}`)
      assert.deepEqual(await wcagViolations(page), [])
      assert.deepEqual(problems, [])
      await close()
    })
  }

  test('on a phone, shows the same entities as cards', async () => {
    const words = live.ro
    const { page, problems, close } = await open('/live', { width: 390 })
    const cards = page.locator('.live-card')
    await cards.first().waitFor()
    const total = [...entities.values()].reduce((sum, list) => sum + list.length, 0)
    assert.equal(await cards.count(), total)
    assert.equal(await page.locator('.live-list__table').first().isVisible(), false)
    assert.ok(await page.getByRole('heading', { level: 2, name: words.types.OffStreetParking }).isVisible())
    await screenshot(page, 'live-ro-390')
    assert.deepEqual(await wcagViolations(page), [])
    assert.deepEqual(problems, [])
    await close()
  })

  test('the type filter shows one type, and the address keeps the choice', async () => {
    const words = live.en
    const { page, close } = await open('/live', { language: 'en' })
    await page.locator('.live-table tbody tr').first().waitFor()
    await page.getByRole('button', { name: words.types.OffStreetParking, exact: true }).click()
    await page.waitForURL(/\?type=OffStreetParking$/)
    const headings = page.locator('main h2:not(.visually-hidden)')
    await page.waitForFunction(
      (selector) => document.querySelectorAll(selector).length === 1,
      'main h2:not(.visually-hidden)',
    )
    assert.match((await headings.textContent()) ?? '', new RegExp(words.types.OffStreetParking))
    assert.equal(
      await page
        .getByRole('button', { name: words.types.OffStreetParking, exact: true })
        .getAttribute('aria-pressed'),
      'true',
    )
    assert.equal(
      await page.locator('.live-map path[role="link"]').count(),
      entities.get('OffStreetParking')!.length,
    )
    await close()
  })

  test('a marker is a link by keyboard, named with the entity and its level', async () => {
    const { page, close } = await open('/live?type=AirQualityObserved', { language: 'en' })
    const marker = page.locator('.live-map path[role="link"]').first()
    await marker.waitFor()
    const label = (await marker.getAttribute('aria-label')) ?? ''
    const station = entities.get('AirQualityObserved')!.find((entity) => label.startsWith(entity.name ?? ''))
    assert.ok(station, `the marker is named after a station: ${label}`)
    await marker.focus()
    await page.keyboard.press('Enter')
    await page.locator('main h1', { hasText: station.name! }).waitFor()
    assert.equal(new URL(page.url()).pathname, `/live/entity/${encodeURIComponent(station.id)}`)
    await close()
  })
})

describe('an entity page', () => {
  for (const width of [1280, 390]) {
    test(`shows current values, the place and a chart with its table per reading (${width} px)`, async () => {
      const words = live.ro
      const station = entities.get('AirQualityObserved')![0]!
      const { page, problems, close } = await open(`/live/entity/${encodeURIComponent(station.id)}`, {
        width,
      })
      await page.locator('main h1', { hasText: station.name! }).waitFor()
      await page.getByRole('heading', { level: 2, name: words.entity.values }).waitFor()
      assert.ok((await page.locator('main td', { hasText: 'µg/m³' }).count()) > 0, 'values carry units')
      assert.equal(await page.locator('.live-map').count(), 1)

      const charts = page.locator('.history')
      await charts.locator('canvas').first().waitFor({ timeout: 15_000 })
      const no2 = charts.filter({ has: page.getByRole('heading', { level: 3, name: /NO₂/ }) })
      assert.equal(await no2.count(), 1, 'NO₂ has a chart')
      assert.equal((await no2.locator('canvas').count()) > 0, true)
      await no2.locator('summary').click()
      const rows = no2.locator('details tbody tr')
      assert.ok((await rows.count()) > 0, 'the table alternative lists the hours')
      assert.match((await rows.first().textContent()) ?? '', /µg\/m³/)

      await screenshot(page, `live-entity-${width}`)
      assert.deepEqual(await wcagViolations(page), [])

      const week = page.getByRole('button', { name: words.entity.ranges['7d'] })
      await week.click()
      assert.equal(await week.getAttribute('aria-pressed'), 'true')
      await no2.locator('figcaption', { hasText: '7' }).waitFor()
      await settled(page)
      assert.ok((await no2.locator('canvas').count()) > 0)
      assert.deepEqual(problems, [])
      await close()
    })
  }

  test('says plainly when there is no such entity', async () => {
    const words = live.en
    const { page, close } = await open(`/live/entity/${encodeURIComponent('urn:ngsi-ld:Nothing:here')}`, {
      language: 'en',
    })
    await page.locator('main h1', { hasText: words.entity.notFoundTitle }).waitFor()
    await page.getByRole('link', { name: words.entity.back }).first().waitFor()
    await close()
  })
})

describe('subscriptions for developers', () => {
  test('asks to sign in first, and explains the API', async () => {
    const words = live.ro
    const { page, problems, close } = await open('/live/subscriptions')
    await page.getByText(words.subscriptions.signInNeeded).waitFor()
    const signIn = page.locator('main').getByRole('link', { name: words.subscriptions.signIn })
    assert.equal(
      await signIn.getAttribute('href'),
      `/account/sign-in?return=${encodeURIComponent('/live/subscriptions')}`,
    )
    assert.ok(((await page.locator('.developers').textContent()) ?? '').includes('/ngsi-ld/v1'))
    assert.equal(
      await page.getByRole('link', { name: words.developers.docs }).getAttribute('href'),
      '/api/docs',
    )
    await screenshot(page, 'live-subscriptions-anonymous')
    assert.deepEqual(await wcagViolations(page), [])
    assert.deepEqual(problems, [])
    await close()
  })

  for (const width of [1280, 390]) {
    test(`a developer creates, pauses, resumes and deletes a subscription (${width} px)`, async () => {
      const words = live.en
      const s = words.subscriptions
      const { page, problems, close } = await open('/live/subscriptions', {
        language: 'en',
        width,
        as: developer,
      })
      await page.getByRole('heading', { level: 2, name: s.listHeading }).waitFor()
      await settled(page)

      const description = `Air alerts ${width}`
      await page.getByLabel(s.form.type).selectOption('AirQualityObserved')
      await page.getByLabel(s.form.description).fill(description)
      await page.getByLabel(s.form.watched).fill('no2, pm10')
      await page.getByLabel(s.form.q).fill('no2>40')
      await page.getByLabel(s.form.endpoint).fill('https://example.org/cetate-hook')
      await page.getByRole('button', { name: s.form.submit }).click()
      await page.getByText(s.created).waitFor()

      const entry = page.locator('.subscription', { hasText: description })
      await entry.waitFor()
      assert.match((await entry.locator('.badge').first().textContent()) ?? '', new RegExp(s.status.active))
      assert.ok(((await entry.textContent()) ?? '').includes('https://example.org/cetate-hook'))
      assert.ok(((await entry.textContent()) ?? '').includes(words.types.AirQualityObserved))

      await entry.getByRole('button', { name: `${s.pause} ${description}` }).click()
      await page.getByText(fill(s.paused, { name: description })).waitFor()
      // The message comes before the list is read again; wait for the list too.
      await entry.locator('.badge', { hasText: s.status.paused }).first().waitFor()
      assert.equal(await entry.locator('.badge').first().textContent(), s.status.paused)
      await screenshot(page, `live-subscriptions-${width}`)
      assert.deepEqual(await wcagViolations(page), [])

      await entry.getByRole('button', { name: `${s.resume} ${description}` }).click()
      await page.getByText(fill(s.resumed, { name: description })).waitFor()
      await entry.locator('.badge', { hasText: s.status.active }).first().waitFor()
      assert.equal(await entry.locator('.badge').first().textContent(), s.status.active)

      await entry.getByRole('button', { name: `${s.delete} ${description}` }).click()
      await entry.getByText(fill(s.confirmDelete, { name: description })).waitFor()
      await entry.getByRole('button', { name: s.confirmYes }).click()
      await page.getByText(fill(s.deleted, { name: description })).waitFor()
      await entry.waitFor({ state: 'detached' })
      assert.deepEqual(problems, [])
      await close()
    })
  }

  test("shows the server's reason when it refuses a subscription", async () => {
    const s = live.en.subscriptions
    const { page, close } = await open('/live/subscriptions', { language: 'en', as: developer })
    await page.getByRole('heading', { level: 2, name: s.listHeading }).waitFor()
    await page.getByLabel(s.form.q).fill('no2>>>(')
    await page.getByLabel(s.form.endpoint).fill('https://example.org/cetate-hook')
    await page.getByRole('button', { name: s.form.submit }).click()
    const alert = page.locator('form [role="alert"]')
    await alert.waitFor()
    const text = (await alert.textContent()) ?? ''
    assert.ok(text.startsWith(s.createFailed), text)
    assert.ok(text.length > s.createFailed.length + 10, `the server's detail follows: ${text}`)
    await screenshot(page, 'live-subscription-refused')
    await close()
  })
})
