import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { wcagViolations } from '../support/axe.ts'
import { launchBrowser, noSidewaysScroll, openPage } from '../support/browser.ts'
import { browserBackends, type TestDatabase } from '../support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../support/demo.ts'
import { type Language, languages, messages } from '../support/messages.ts'

/** The dashboard's own words (namespace `dashboard`), so the test follows their wording. */
const words = { ro: messages.ro.dashboard, en: messages.en.dashboard, hu: messages.hu.dashboard }

type Text = { ro: string; en?: string; hu?: string }
type Kpi = {
  slug: string
  name: Text
  unit: string
  source: 'metric' | 'manual'
  frequency: string
  owner: { slug: string }
  latest: { period: string; value: number } | null
}
type Dashboard = {
  objectives: { key: string; title: Text; kpis: string[] }[]
  kpis: Kpi[]
}

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url))
/** The demo's Innovation Office, who may record KPI values. */
const office = 'inovare@cluj-napoca.example'

const nameOf = (text: Text, language: Language) => text[language] ?? text.ro
/** Spaces of every kind as one, since number formats group digits with no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true })

/** KPI cards are list items under a heading of the KPI's name. */
const card = (page: Page, name: string) =>
  page.locator('.kpi-card', { has: page.getByRole('heading', { level: 3, name, exact: true }) }).first()

let browser: Browser
before(async () => {
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
})
after(async () => {
  await browser?.close()
})

for (const [index, backend] of browserBackends().entries()) {
  describe(`city dashboard (${backend.name})`, () => {
    let database: TestDatabase
    let server: DemoCetate
    // Screenshots of the first backend only: the pages are the same.
    const shoot = (page: Page, name: string) => (index === 0 ? screenshot(page, name) : undefined)
    const open = (path: string, options: { language?: Language; width?: number } = {}) =>
      openPage(browser, server, path, options)
    const dashboard = async (query = '') => {
      const response = await server.request(`/api/strategy/dashboard${query}`)
      assert.equal(response.status, 200)
      return (await response.json()) as Dashboard
    }
    /** Every KPI listed under each objective shown, the transversal one only when it has KPIs. */
    const listed = (answer: Dashboard) => answer.objectives.flatMap((objective) => objective.kpis)

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database, { WEB_ROOT: webRoot })
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    for (const language of languages) {
      test(`shows every KPI of the demo, automatic ones with their values (${language})`, async () => {
        const text = words[language]
        const answer = await dashboard()
        assert.equal(answer.kpis.length, 32, 'the demo has 32 public KPIs')
        const { page, problems, close } = await open('/dashboard', { language })
        assert.equal(await page.locator('main h1').textContent(), text.title)
        await page.locator('.kpi-card').first().waitFor()
        assert.equal(await page.locator('html').getAttribute('lang'), language)
        assert.equal(await page.locator('.kpi-card').count(), listed(answer).length)
        const formatter = new Intl.NumberFormat(language, { maximumFractionDigits: 2 })
        for (const kpi of answer.kpis) {
          const name = nameOf(kpi.name, language)
          const item = card(page, name)
          assert.ok(await item.isVisible(), `${kpi.slug} is shown as "${name}"`)
          const content = plain(await item.textContent())
          if (kpi.source === 'metric') {
            assert.ok(kpi.latest, `${kpi.slug} is measured by the demo`)
            assert.ok(
              content.includes(plain(formatter.format(kpi.latest.value))),
              `${kpi.slug} shows ${kpi.latest.value}: ${content}`,
            )
            assert.ok(content.includes(text.source.metricLong), `${kpi.slug} says it is automatic`)
          } else {
            assert.ok(content.includes(text.source.manualLong), `${kpi.slug} says it is manual`)
            if (!kpi.latest)
              assert.ok(content.includes(text.kpi.awaitingManual), `${kpi.slug} awaits a value`)
          }
        }
        assert.ok(await page.getByRole('heading', { level: 2, name: text.city.heading }).isVisible())
        await shoot(page, `dashboard-${language}`)
        assert.deepEqual(await wcagViolations(page), [])
        assert.deepEqual(problems, [])
        await close()
      })
    }

    for (const language of ['ro', 'hu'] as const) {
      test(`fits a phone, accessible (${language}, 390 px)`, async () => {
        const { page, problems, close } = await open('/dashboard', { language, width: 390 })
        await page.locator('.kpi-card').first().waitFor()
        await noSidewaysScroll(page)
        await shoot(page, `dashboard-${language}-390`)
        assert.deepEqual(await wcagViolations(page), [])
        assert.deepEqual(problems, [])
        await close()
      })
    }

    test('the objective filter goes into the address, and the address restores it', async () => {
      const text = words.en
      const answer = await dashboard('?objective=objective-4')
      const objective = answer.objectives.find((item) => item.key === 'objective-4')!
      const { page, problems, close } = await open('/dashboard', { language: 'en' })
      await page.locator('.kpi-card').first().waitFor()
      await page.getByLabel(text.filters.objective, { exact: true }).selectOption('objective-4')
      await page.waitForURL(/\?objective=objective-4$/)
      await page.waitForFunction(
        (count) => document.querySelectorAll('.kpi-card').length === count,
        objective.kpis.length,
      )
      const shown = await page.locator('main h2').allTextContents()
      assert.ok(shown.some((heading) => heading.includes(nameOf(objective.title, 'en'))))
      assert.ok(!shown.includes(text.city.heading), 'the city score gives way to the objective')
      const url = page.url()
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
      await page.getByRole('button', { name: text.share.copy }).click()
      await page.getByText(text.share.copied).waitFor()
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url)
      assert.deepEqual(problems, [])
      await close()

      const fresh = await open('/dashboard?objective=objective-4&from=2026-01-01', { language: 'en' })
      await fresh.page.locator('.kpi-card').first().waitFor()
      assert.equal(
        await fresh.page.getByLabel(text.filters.objective, { exact: true }).inputValue(),
        'objective-4',
      )
      assert.equal(await fresh.page.getByLabel(text.filters.from, { exact: true }).inputValue(), '2026-01-01')
      assert.equal(await fresh.page.locator('.kpi-card').count(), objective.kpis.length)
      for (const slug of objective.kpis) {
        const kpi = answer.kpis.find((item) => item.slug === slug)!
        assert.ok(await card(fresh.page, nameOf(kpi.name, 'en')).isVisible(), slug)
      }
      await shoot(fresh.page, 'dashboard-en-filtered')
      await fresh.page.getByRole('button', { name: text.filters.clear }).click()
      await fresh.page.waitForURL((address) => address.search === '')
      await fresh.page.waitForFunction(
        (count) => document.querySelectorAll('.kpi-card').length === count,
        listed(await dashboard()).length,
      )
      assert.deepEqual(fresh.problems, [])
      await fresh.close()
    })

    test('values entered by hand appear as a chart with its table, and on the KPI page', async () => {
      const text = words.ro
      const answer = await dashboard()
      const kpi = answer.kpis.find((item) => item.source === 'manual' && item.frequency === 'quarterly')!
      const client = await server.signedIn(office)
      const record = (period: string, value: number, evidence: string) =>
        client.json(`/api/strategy/kpis/${kpi.slug}/measurements`, {
          method: 'POST',
          json: { period, value, evidence },
        })
      await record('2026-01-01', 2, 'Raport trimestrial T1')
      await record('2026-04-01', 3, 'https://example.org/raport-t2.pdf')
      await record('2026-04-01', 4, 'https://example.org/raport-t2-corectat.pdf')

      const { page, problems, close } = await open('/dashboard')
      const item = card(page, nameOf(kpi.name, 'ro'))
      await item.waitFor()
      await item.scrollIntoViewIfNeeded()
      await item.locator('.series__plot canvas').waitFor()
      await item.getByText(text.chart.tableSummary).click()
      assert.equal(await item.locator('.dashboard-table tbody tr').count(), 2)
      assert.deepEqual(await wcagViolations(page), [])
      await item.screenshot({ path: `${screenshots}dashboard-chart.png` })
      await item.getByRole('link', { name: nameOf(kpi.name, 'ro') }).click()

      await page.getByRole('heading', { level: 1, name: nameOf(kpi.name, 'ro') }).waitFor()
      assert.equal(new URL(page.url()).pathname, `/dashboard/kpi/${kpi.slug}`)
      const rows = page.locator('table.measurements tbody tr')
      await rows.first().waitFor()
      assert.equal(await rows.count(), 3)
      assert.equal(await rows.filter({ hasText: text.measurements.superseded }).count(), 1)
      const evidence = page.getByRole('link', { name: 'https://example.org/raport-t2-corectat.pdf' })
      assert.equal(await evidence.getAttribute('href'), 'https://example.org/raport-t2-corectat.pdf')
      assert.ok(await page.getByRole('link', { name: 'kpis.csv' }).isVisible())
      const code = plain(await page.locator('.embed-snippet code').textContent())
      assert.match(code, new RegExp(`/embed/kpi/${kpi.slug}\\?lang=ro"`))
      assert.match(code, /loading="lazy"/)
      await noSidewaysScroll(page)
      await shoot(page, 'dashboard-kpi-ro')
      assert.deepEqual(await wcagViolations(page), [])
      assert.deepEqual(problems, [])
      await close()

      const phone = await open(`/dashboard/kpi/${kpi.slug}`, { language: 'hu', width: 390 })
      await phone.page.locator('table.measurements tbody tr').first().waitFor()
      await noSidewaysScroll(phone.page)
      await shoot(phone.page, 'dashboard-kpi-hu-390')
      assert.deepEqual(await wcagViolations(phone.page), [])
      await phone.close()
    })

    test('an automatic KPI page names its metric and shows its measurement', async () => {
      const text = words.en
      const { page, problems, close } = await open('/dashboard/kpi/open-datasets', { language: 'en' })
      await page.locator('table.measurements tbody tr').first().waitFor()
      assert.equal(await page.locator('table.measurements tbody tr').count(), 1)
      assert.ok(await page.getByText('catalog.datasets.open').first().isVisible())
      assert.ok(await page.getByRole('link', { name: /Participation and transparency/ }).isVisible())
      assert.ok(await page.getByText(text.kpiPage.fewMeasurements).isVisible())
      assert.deepEqual(await wcagViolations(page), [])
      assert.deepEqual(problems, [])
      await close()
    })

    const widgets = [
      { path: '/embed/kpi/open-datasets', language: 'hu' },
      { path: '/embed/objective/objective-4', language: 'en' },
      { path: '/embed/city', language: 'ro' },
    ] as const
    for (const widget of widgets) {
      test(`the widget ${widget.path} may be framed anywhere and speaks ?lang (${widget.language})`, async () => {
        const path = `${widget.path}?lang=${widget.language}`
        const response = await server.request(path, { headers: { accept: 'text/html' } })
        assert.equal(response.status, 200)
        assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors \*/)
        // The visitor's own choice of language (Romanian here, or English) stays as it was.
        const stored = widget.language === 'ro' ? 'en' : 'ro'
        const { page, problems, close } = await open(path, { language: stored, width: 360 })
        await page.locator('main .score, main .kpi-value').first().waitFor()
        assert.equal(await page.locator('html').getAttribute('lang'), widget.language)
        assert.equal(await page.locator('main').count(), 1)
        assert.equal(await page.locator('header, footer, nav').count(), 0)
        const more = page.getByRole('link', {
          name: new RegExp(words[widget.language].widget.seeOnDashboard),
        })
        assert.equal(await more.getAttribute('target'), '_blank')
        assert.equal(await more.getAttribute('rel'), 'noopener')
        assert.equal(await page.evaluate(() => localStorage.getItem('cetate.language')), stored)
        assert.ok((await page.title()).length > 0)
        await page.setViewportSize({ width: 360, height: 240 })
        await shoot(page, `embed-${widget.path.split('/')[2]}-${widget.language}`)
        assert.deepEqual(await wcagViolations(page), [])
        assert.deepEqual(problems, [])
        await close()
      })
    }
  })
}
