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

/** The public portfolio pages' own words (namespace `portfolio`), so the test follows their wording. */
const words = { ro: messages.ro.portfolio, en: messages.en.portfolio, hu: messages.hu.portfolio }

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url))
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))
/** Spaces of every kind as one, since number formats put no-break spaces before "%". */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}projects-${name}.png`, fullPage: true })
const percent = (language: Language, value: number) =>
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100)

let browser: Browser
before(async () => {
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
})
after(async () => {
  await browser?.close()
})

for (const backend of browserBackends()) {
  describe(`portfolio pages (${backend.name})`, () => {
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

    test('the portfolio lists every project by kind, accessible on a phone and a desk in three languages', async () => {
      const answer = await fetch(`${server.url}/api/portfolio/projects`)
      const { items } = (await answer.json()) as { items: { kind: string }[] }
      for (const language of ['ro', 'en', 'hu'] as const) {
        for (const width of [390, 1280]) {
          const t = words[language]
          const { page, problems, close } = await open('/projects', { language, width })
          await page.getByRole('heading', { level: 1, name: t.list.title }).waitFor()
          await settled(page)
          for (const kind of ['core', 'flexible', 'pilot'] as const)
            await page
              .getByRole('heading', { level: 2, name: new RegExp(`^${t.kindGroups[kind]}`) })
              .waitFor()
          assert.equal(await page.locator('.project-card').count(), items.length)
          await page.getByText(fill(t.list.shown, { count: items.length, total: items.length })).waitFor()
          // Core projects come first; none has a place yet, so no map is drawn.
          assert.ok((await page.locator('.project-card').first().getAttribute('class'))?.includes('--core'))
          assert.equal(await page.locator('.projects-map').count(), 0)
          assert.deepEqual(await wcagViolations(page), [], `/projects ${language} ${width}`)
          await noSidewaysScroll(page, `/projects ${language} ${width}`)
          await screenshot(page, `list-${language}-${width}`)
          assert.deepEqual(problems, [])
          await close()
        }
      }
    })

    test('the filters go into the address, narrow the list, and a fresh load restores them', async () => {
      const t = words.en
      const { items } = (await (await fetch(`${server.url}/api/portfolio/projects`)).json()) as {
        items: { kind: string; status: string; objectives: string[] }[]
      }
      const count = (test: (item: (typeof items)[number]) => boolean) => items.filter(test).length
      /** The list says how many it shows once it has been drawn again. */
      const showing = (shown: number) =>
        page.getByText(fill(t.list.shown, { count: shown, total: items.length }), { exact: true }).waitFor()
      const core = (item: (typeof items)[number]) => item.kind === 'core'
      const running = (item: (typeof items)[number]) => core(item) && item.status === 'in_progress'
      const { page, problems, close } = await open('/projects', { language: 'en' })
      await settled(page)
      await page.getByLabel(t.filters.kind).selectOption('core')
      await page.waitForURL(/kind=core/)
      await showing(4)
      assert.equal(await page.locator('.project-card').count(), count(core))
      await page.getByLabel(t.filters.status).selectOption('in_progress')
      await page.waitForURL(/status=in_progress/)
      await showing(count(running))
      await page.getByLabel(t.filters.objective).selectOption('objective-3')
      await page.waitForURL(/objective=objective-3/)
      const chosen = count((item) => running(item) && item.objectives.includes('objective-3'))
      await showing(chosen)
      assert.equal(await page.locator('.project-card').count(), chosen)

      await page.reload()
      await settled(page)
      await showing(chosen)
      assert.equal(await page.getByLabel(t.filters.kind).inputValue(), 'core')
      assert.equal(await page.getByLabel(t.filters.status).inputValue(), 'in_progress')
      assert.equal(await page.getByLabel(t.filters.objective).inputValue(), 'objective-3')
      await page.getByRole('link', { name: 'Urban Data Platform' }).waitFor()
      await screenshot(page, 'filtered')

      // A status nobody is in says so; clearing brings every project back.
      await page.getByLabel(t.filters.status).selectOption('stopped')
      await page.getByText(t.list.none).waitFor()
      await page.getByRole('button', { name: t.filters.clear }).click()
      await page.waitForURL((url) => url.search === '')
      await showing(items.length)
      assert.deepEqual(problems, [])
      await close()
    })

    test("a project's page shows its completion, milestones, place in the strategy and timeline", async () => {
      for (const language of ['ro', 'hu'] as const) {
        for (const width of [390, 1280]) {
          const t = words[language]
          const { page, problems, close } = await open('/projects/platforma-urbana-de-date', {
            language,
            width,
          })
          await page.getByRole('heading', { level: 2, name: t.project.progress }).waitFor()
          await settled(page)
          const bar = page.getByRole('progressbar', { name: t.completion.label })
          assert.equal(await bar.getAttribute('aria-valuenow'), '80')
          assert.equal(
            plain(await page.locator('main .completion__text').first().textContent()),
            plain(fill(t.completion.value, { percent: percent(language, 80) })),
          )
          assert.equal(await page.locator('table.milestones tbody tr').count(), 4)
          await page.getByText(t.milestones.rollUp).waitFor()
          await page.locator('main a[href="/strategy/element/objective-2"]').waitFor()
          await page.getByRole('heading', { level: 2, name: t.timeline.heading }).waitFor()
          assert.ok((await page.locator('.timeline__entry').count()) >= 1)
          assert.equal(await page.getByText(t.assessments.none).count(), 3)
          assert.deepEqual(await wcagViolations(page), [], `project ${language} ${width}`)
          await noSidewaysScroll(page, `project ${language} ${width}`)
          await screenshot(page, `project-${language}-${width}`)
          assert.deepEqual(problems, [])
          await close()
        }
      }
    })

    test('a project given a place appears on the map, and its marker opens its page', async () => {
      const office = await server.signedIn('inovare@cluj-napoca.example')
      const { project } = await office.json<{ project: { version: number } }>(
        '/api/portfolio/projects/platforma-urbana-de-date',
      )
      const answer = await office.request('/api/portfolio/projects/platforma-urbana-de-date', {
        method: 'PATCH',
        json: { version: project.version, location: { lon: 23.5899, lat: 46.7694 } },
      })
      assert.equal(answer.status, 200)
      const t = words.ro
      const { page, problems, close } = await open('/projects')
      await page.getByRole('heading', { level: 2, name: t.map.heading }).waitFor()
      await settled(page)
      const total = await page.locator('.project-card').count()
      await page.getByText(fill(t.map.count, { count: 1, total })).waitFor()
      assert.deepEqual(await wcagViolations(page), [], '/projects with a map')
      await screenshot(page, 'map')
      await page.locator('.projects-map [role="link"]').first().press('Enter')
      await page.getByRole('heading', { level: 1, name: 'Platforma urbană de date' }).waitFor()
      assert.deepEqual(problems, [])
      await close()
    })

    test("the challenge's page shows the call and the published ranking with its winner", async () => {
      const calls = (await (await fetch(`${server.url}/api/portfolio/challenges`)).json()) as {
        items: { year: number; phase: string }[]
      }
      const call = calls.items[0]
      assert.ok(call, 'the demo holds a challenge')
      for (const language of ['ro', 'hu'] as const) {
        const t = words[language]
        const { page, problems, close } = await open(`/projects/challenge/${call.year}`, {
          language,
          width: 390,
        })
        await page.getByRole('heading', { level: 2, name: t.challenge.criteria.heading }).waitFor()
        await settled(page)
        if (call.phase === 'results') {
          await page.getByRole('heading', { level: 2, name: t.challenge.results.heading }).waitFor()
          await page.locator('.ranking__entry--winner').getByText(t.challenge.results.winner).waitFor()
        }
        assert.deepEqual(await wcagViolations(page), [], `challenge ${language}`)
        await noSidewaysScroll(page, `challenge ${language}`)
        await screenshot(page, `challenge-${language}-390`)
        assert.deepEqual(problems, [])
        await close()
      }
    })

    test('a signed-in resident submits a proposal through the challenge page while submissions are open', async () => {
      const minutes = (count: number) => new Date(Date.now() + count * 60_000).toISOString()
      const office = await server.signedIn('inovare@cluj-napoca.example')
      const opened = await office.request('/api/portfolio/challenges', {
        method: 'POST',
        json: {
          year: 2035,
          theme: { ro: 'Orașul care ascultă', en: 'The city that listens' },
          description: { ro: 'Idei pentru servicii digitale care ascultă locuitorii.' },
          objectives: ['objective-1', 'objective-4'],
          criteria: [
            { key: 'impact', title: { ro: 'Impact' }, weight: 60 },
            { key: 'cost', title: { ro: 'Cost' }, weight: 40 },
          ],
          dates: {
            submissionsOpen: minutes(-60),
            submissionsClose: minutes(60),
            evaluationClose: minutes(120),
            resultsAt: minutes(180),
          },
        },
      })
      assert.equal(opened.status, 201, await opened.clone().text())
      const t = words.ro
      const { page, problems, close } = await open('/projects/challenge/2035', {
        width: 390,
        as: 'laszlo@cluj-napoca.example',
      })
      await page.getByRole('heading', { level: 3, name: t.submit.newHeading }).waitFor()
      await page
        .getByRole('group', { name: t.submit.title, exact: true })
        .getByLabel(t.submit.inRomanian)
        .fill('Bănci cu senzori de zgomot în parcuri')
      await page
        .getByRole('group', { name: t.submit.summary, exact: true })
        .getByLabel(t.submit.inRomanian)
        .fill('Măsurăm zgomotul din parcuri ca locuitorii să găsească locuri liniștite.')
      await page.getByRole('group', { name: t.submit.objectives }).getByRole('checkbox').first().check()
      await page
        .getByRole('group', { name: t.submit.pilotPlan, exact: true })
        .getByLabel(t.submit.inRomanian)
        .fill('Trei luni în Parcul Central, cu zece senzori.')
      assert.deepEqual(await wcagViolations(page), [], 'the submission form')
      await noSidewaysScroll(page, 'the submission form')
      await page.getByRole('button', { name: t.submit.send }).click()
      await page.getByText(t.submit.saved).waitFor()
      await screenshot(page, 'challenge-submitted-390')
      const laszlo = await server.signedIn('laszlo@cluj-napoca.example')
      const mine = await laszlo.json<{ title: { ro: string } } | { items: { title: { ro: string } }[] }>(
        '/api/portfolio/challenges/2035/submissions/mine',
      )
      assert.match(JSON.stringify(mine), /Bănci cu senzori de zgomot în parcuri/)
      assert.deepEqual(problems, [])
      await close()
    })

    test("the Chief Innovation Officer's report reads from the data and offers its PDF", async () => {
      const year = new Date().getUTCFullYear()
      for (const language of ['ro', 'hu'] as const) {
        for (const width of [390, 1280]) {
          const t = words[language]
          const { page, problems, close } = await open(`/projects/report/${year}`, { language, width })
          await page.getByRole('heading', { level: 1, name: fill(t.report.title, { year }) }).waitFor()
          await settled(page)
          for (const section of [t.report.projects, t.report.kpis, t.report.pilots, t.report.challenge])
            await page.getByRole('heading', { level: 2, name: section }).waitFor()
          const pdf = page.getByRole('link', { name: t.report.download })
          const href = await pdf.getAttribute('href')
          assert.equal(href, `/api/portfolio/reports/${year}.pdf?lang=${language}`)
          const answer = await fetch(`${server.url}${href}`)
          assert.equal(answer.headers.get('content-type'), 'application/pdf')
          assert.equal(
            Buffer.from(await answer.arrayBuffer())
              .subarray(0, 5)
              .toString(),
            '%PDF-',
          )
          assert.deepEqual(await wcagViolations(page), [], `report ${language} ${width}`)
          await noSidewaysScroll(page, `report ${language} ${width}`)
          await screenshot(page, `report-${language}-${width}`)
          assert.deepEqual(problems, [])
          await close()
        }
      }
    })
  })
}
