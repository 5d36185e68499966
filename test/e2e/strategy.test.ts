import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { wcagViolations } from '../support/axe.ts'
import { launchBrowser, noSidewaysScroll, openPage, settled } from '../support/browser.ts'
import { browserBackends, type TestDatabase } from '../support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../support/demo.ts'
import { type Language, messages } from '../support/messages.ts'

/** The strategy pages' own words (namespace `strategy`), so the test follows their wording. */
const words = { ro: messages.ro.strategy, en: messages.en.strategy, hu: messages.hu.strategy }

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url))
/** The demo's Innovation Office: edits the strategy, defines KPIs and enters values. */
const office = 'inovare@cluj-napoca.example'
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))
/** Spaces of every kind as one, since number formats group digits with no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}strategy-${name}.png`, fullPage: true })

/** Waits until no request of the page is in progress (no progress line is shown). */
/** The day before today in the browser's calendar, as YYYY-MM-DD. */
function yesterday(): string {
  const day = new Date(Date.now() - 86_400_000)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`
}

let browser: Browser
before(async () => {
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
})
after(async () => {
  await browser?.close()
})

for (const backend of browserBackends()) {
  describe(`strategy pages (${backend.name})`, () => {
    let database: TestDatabase
    let server: DemoCetate
    const open = (path: string, options: { language?: Language; width?: number; as?: string } = {}) =>
      openPage(browser, server, path, options)

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database, { WEB_ROOT: webRoot })
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test('the strategy reads as a document, each element with its page, accessible on a phone and a desk', async () => {
      for (const language of ['ro', 'hu'] as const) {
        for (const width of [390, 1280]) {
          const t = words[language]
          const { page, problems, close } = await open('/strategy', { language, width })
          await page.getByRole('heading', { level: 1, name: t.page.title }).waitFor()
          await settled(page)
          for (const section of ['objective', 'direction_group', 'core_project', 'success_factor'] as const)
            await page.getByRole('heading', { level: 2, name: t.sections[section] }).waitFor()
          // Direction 1g holds the priority areas; the Hungarian page shows Romanian titles marked as such.
          await page.getByText(t.document.priorityAreas).waitFor()
          if (language === 'hu') assert.ok((await page.locator('main [lang="ro"]').count()) > 0)
          assert.deepEqual(await wcagViolations(page), [], `/strategy ${language} ${width}`)
          await noSidewaysScroll(page, `/strategy ${language} ${width}`)
          await screenshot(page, `document-${language}-${width}`)

          await page.locator('main a[href="/strategy/element/objective-3"]').first().click()
          await page.getByRole('heading', { level: 2, name: t.history.title }).waitFor()
          await settled(page)
          assert.deepEqual(await wcagViolations(page), [], `element ${language} ${width}`)
          await noSidewaysScroll(page, `element ${language} ${width}`)
          await screenshot(page, `element-${language}-${width}`)
          assert.deepEqual(problems, [])
          await close()
        }
      }
    })

    test('an office user edits an element: its history shows the difference, the past shows the old title', async () => {
      const t = words.ro
      const { page, problems, close } = await open('/strategy/element/direction-5f', { as: office })
      await page.getByRole('heading', { level: 2, name: t.history.title }).waitFor()
      await settled(page)
      const heading = plain(await page.locator('main h1').textContent())
      const oldTitle = heading.replace(/^5f · /, '')
      const newTitle = `${oldTitle} (revizuit ${backend.name})`

      await page.getByRole('button', { name: t.edit.open }).click()
      const titles = page.getByRole('group', { name: t.form.title })
      await titles.getByLabel(t.form.roRequired).fill(newTitle)
      await page.getByLabel(t.form.note).fill('Formulare mai clară după consultare')
      assert.deepEqual(await wcagViolations(page), [], 'the edit form')
      await page.getByRole('button', { name: t.edit.save }).click()
      await page.getByText(fill(t.edit.done, { version: 2 })).waitFor()
      await page.getByRole('heading', { level: 1, name: `5f · ${newTitle}` }).waitFor()

      const latest = page.locator('.version').first()
      await latest
        .getByRole('heading', { name: new RegExp(fill(t.history.version, { version: 2 })) })
        .waitFor()
      const difference = latest.locator('.diff-table')
      await difference.getByRole('rowheader', { name: `${t.fields.title} (${t.languages.ro})` }).waitFor()
      assert.equal(plain(await difference.locator('.diff-table__before').first().textContent()), oldTitle)
      assert.equal(plain(await difference.locator('.diff-table__after').first().textContent()), newTitle)
      await latest.getByText('Formulare mai clară după consultare').waitFor()
      await screenshot(page, 'element-edited')

      // Someone else saves version 3 meanwhile: the form on version 2 is told so and offers to reload.
      const latestTitle = `${oldTitle} (versiunea a treia)`
      await page.getByRole('button', { name: t.edit.open }).click()
      const other = await server.signedIn(office)
      const answer = await other.request('/api/strategy/elements/direction-5f', {
        method: 'PATCH',
        json: { version: 2, title: { ro: latestTitle } },
      })
      assert.equal(answer.status, 200)
      await page.getByRole('group', { name: t.form.title }).getByLabel(t.form.roRequired).fill('Altceva')
      await page.getByRole('button', { name: t.edit.save }).click()
      await page.getByRole('alert').getByText(t.edit.conflict).waitFor()
      await screenshot(page, 'element-conflict')
      await page.getByRole('button', { name: t.edit.reload }).click()
      await page.getByRole('heading', { level: 1, name: `5f · ${latestTitle}` }).waitFor()

      await page.goto(`${server.url}/strategy?asOf=${yesterday()}`)
      await page.locator('.as-of-banner').waitFor()
      await settled(page)
      const document = page.locator('.strategy-section')
      await document.getByRole('link', { name: oldTitle, exact: true }).waitFor()
      assert.equal(await document.getByRole('link', { name: latestTitle }).count(), 0)
      await screenshot(page, 'as-of-yesterday')

      await page.goto(`${server.url}/strategy`)
      await settled(page)
      await page.locator('.strategy-section').getByRole('link', { name: latestTitle, exact: true }).waitFor()
      const recent = page.locator('.recent-changes')
      await recent.getByRole('link', { name: latestTitle }).first().waitFor()
      assert.deepEqual(problems, [])
      await close()
    })

    test('an office user adds an action direction to a group', async () => {
      const t = words.en
      const { page, problems, close } = await open('/strategy', { language: 'en', as: office })
      await page.getByRole('heading', { level: 2, name: t.add.title }).waitFor()
      await settled(page)
      await page.getByLabel(t.add.parent).selectOption('directions-5')
      await page.getByLabel(t.add.code, { exact: true }).fill('5i')
      const form = page.locator('.add-direction')
      await form
        .getByRole('group', { name: t.form.title })
        .getByLabel(t.form.roRequired)
        .fill('Măsurarea impactului')
      await form
        .getByRole('group', { name: t.form.summary })
        .getByLabel(t.form.roRequired)
        .fill('Fiecare proiect își măsoară impactul și îl publică.')
      await form.getByRole('button', { name: t.add.submit }).click()
      await form.getByText(t.add.done).waitFor()
      await page.locator('.strategy-section').getByRole('link', { name: 'Măsurarea impactului' }).waitFor()
      assert.deepEqual(problems, [])
      await close()
    })

    test('the office defines a KPI bound to a platform metric; a visitor sees it with its value', async () => {
      const t = words.ro
      const name = `Seturi de date deschise publicate (${backend.name})`
      const { page, problems, close } = await open('/staff/strategy/kpis/new', { as: office })
      await page.getByRole('heading', { level: 1, name: t.kpiForm.createTitle }).waitFor()
      await settled(page)
      await page.getByRole('group', { name: t.kpiForm.name }).getByLabel(t.form.roRequired).fill(name)
      await page
        .getByRole('group', { name: t.kpiForm.name })
        .getByLabel(t.languages.en, { exact: true })
        .fill(`Open datasets published (${backend.name})`)
      await page
        .getByRole('group', { name: t.kpiForm.description })
        .getByLabel(t.form.roRequired)
        .fill('Câte seturi de date deschise publică orașul în catalog.')
      await page.getByLabel(t.kpiForm.unit).fill('seturi de date')
      await page.getByLabel(t.kpiForm.sources.metric).check()
      await page.getByLabel(t.kpiForm.metric).selectOption('catalog.datasets.open')
      await page
        .getByRole('group', { name: t.kpiForm.sourceNote })
        .getByLabel(t.languages.ro, { exact: true })
        .fill('Automat: catalogul numără seturile deschise.')
      const target = page.getByRole('group', { name: t.kpiForm.target })
      await target.getByLabel(t.kpiForm.value).fill('40')
      await target.getByLabel(t.kpiForm.date).fill('2027-12-31')
      await page.getByLabel(t.kpiForm.owner, { exact: true }).selectOption('oficiul-de-inovare')
      await page.getByLabel(/^3 · /).check()
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 })
        assert.deepEqual(await wcagViolations(page), [], `the KPI form at ${width}`)
        await noSidewaysScroll(page, `the KPI form at ${width}`)
        await screenshot(page, `kpi-form-ro-${width}`)
      }
      await page.getByRole('button', { name: t.kpiForm.create }).click()
      await page.waitForURL(/\/dashboard\/kpi\/[a-z0-9-]+$/)
      const slug = new URL(page.url()).pathname.split('/').pop()!
      assert.deepEqual(problems, [])
      await close()

      const kpi = (await (await fetch(`${server.url}/api/strategy/kpis/${slug}`)).json()) as {
        kpi: { source: string; metric: string; latest: { value: number } | null; target: { value: number } }
      }
      assert.equal(kpi.kpi.metric, 'catalog.datasets.open')
      // The demo's open datasets, as the platform counts them now (5 or so, as the demo pack grows).
      const metrics = (await (await fetch(`${server.url}/api/metrics`)).json()) as {
        items: { name: string; value: number | null }[]
      }
      const openDatasets = metrics.items.find((metric) => metric.name === 'catalog.datasets.open')?.value
      assert.ok(openDatasets && openDatasets > 0, 'the demo publishes open datasets')
      assert.equal(kpi.kpi.latest?.value, openDatasets, 'measured at once from the demo catalogue')
      assert.equal(kpi.kpi.target.value, 40)

      // A visitor, not signed in, finds it on the public dashboard with its value.
      const visitor = await open('/dashboard')
      const card = visitor.page.locator('.kpi-card', {
        has: visitor.page.getByRole('heading', { level: 3, name, exact: true }),
      })
      await card.waitFor({ timeout: 15_000 })
      assert.match(
        plain(await card.locator('.kpi-value__figure').textContent()),
        new RegExp(`^${openDatasets}\\b`),
      )
      assert.deepEqual(visitor.problems, [])
      await visitor.close()
    })

    test('a value entered by hand without evidence is refused with the reason; with evidence it is recorded', async () => {
      for (const width of [1280, 390]) {
        for (const language of ['ro', 'hu'] as const) {
          const t = words[language]
          const { page, close } = await open('/staff/strategy', { language, width, as: office })
          await page.getByRole('heading', { level: 1, name: t.management.title }).waitFor()
          await settled(page)
          assert.deepEqual(await wcagViolations(page), [], `/staff/strategy ${language} ${width}`)
          await noSidewaysScroll(page, `/staff/strategy ${language} ${width}`)
          await screenshot(page, `management-${language}-${width}`)
          await close()
        }
      }

      const t = words.ro
      const { page, problems, close } = await open('/staff/strategy', { as: office })
      await settled(page)
      const row = page.locator('.kpi-table tbody tr', { has: page.locator('.kpi-manual') }).first()
      const kpiName = plain(await row.locator('th a').textContent())
      await row.getByRole('button', { name: new RegExp(t.measure.open) }).click()
      const form = page.getByRole('form', { name: fill(t.measure.title, { name: kpiName }) })
      const value = form.locator('input[name="value"]')
      await value.fill('12')
      await form.getByRole('button', { name: t.measure.submit }).click()
      const refusal = form.getByRole('alert')
      await refusal.getByText(t.measure.refused).waitFor()
      // The server's own reason, as its problem's detail says it.
      await refusal.getByText(/evidence/).waitFor()
      assert.deepEqual(await wcagViolations(page), [], 'the refused entry')
      await screenshot(page, 'measurement-refused')

      await form.getByLabel(t.measure.evidence).fill('https://cluj-napoca.ro/rapoarte/2026/raport-anual.pdf')
      await value.fill('12')
      await form.getByRole('button', { name: t.measure.submit }).click()
      await form.getByRole('status').getByText(/12/).waitFor()
      await page
        .locator('.kpi-table tbody tr', { has: page.getByRole('link', { name: kpiName, exact: true }) })
        .first()
        .getByText(/^12\b/)
        .waitFor()
      await screenshot(page, 'measurement-recorded')
      assert.deepEqual(problems, [])
      await close()
    })
  })
}
