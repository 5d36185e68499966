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
import type { SessionClient } from '../support/session-client.ts'

/** The board pages' own words (namespace `board`), so the test follows their wording. */
const words = { ro: messages.ro.board, en: messages.en.board, hu: messages.hu.board }

const screenshots = fileURLToPath(new URL('../../test-results/', import.meta.url))
const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url))
/** The demo's Innovation Office: the board that approves projects and runs the challenge. */
const office = 'inovare@cluj-napoca.example'
/** A resident without a role, who submits a proposal. */
const resident = 'ana@cluj-napoca.example'
/** The data steward, whom the office appoints to the jury. */
const juror = 'date@cluj-napoca.example'
const YEAR = 2033

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshots}portfolio-board-${name}.png`, fullPage: true })
const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

/** No sideways scrolling; when there is, the message names the innermost elements that stick out. */
let browser: Browser
before(async () => {
  browser = await launchBrowser()
  await mkdir(screenshots, { recursive: true })
})
after(async () => {
  await browser?.close()
})

for (const backend of browserBackends()) {
  describe(`the board's portfolio pages (${backend.name})`, { timeout: 300_000 }, () => {
    let database: TestDatabase
    let server: DemoCetate
    let officeApi: SessionClient
    const open = (path: string, options: { language?: Language; width?: number; as?: string } = {}) =>
      openPage(browser, server, path, options)

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database, { WEB_ROOT: webRoot })
      officeApi = await server.signedIn(office)
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    /** A new flexible project of the office, proposed, waiting for the board. */
    async function proposedProject(title: string): Promise<string> {
      const created = await officeApi.request('/api/portfolio/projects', {
        method: 'POST',
        json: {
          kind: 'flexible',
          title: { ro: title },
          need: { ro: 'Locuitorii află mai ușor ce se întâmplă în cartier.' },
          owner: 'oficiul-de-inovare',
        },
      })
      assert.equal(created.status, 201, await created.clone().text())
      const { slug } = (await created.json()) as { slug: string }
      const proposed = await officeApi.request(`/api/portfolio/projects/${slug}/status`, {
        method: 'PUT',
        json: { status: 'proposed' },
      })
      assert.equal(proposed.status, 200, await proposed.text())
      return slug
    }

    test('the overview lists projects at risk first and every project with its verdicts', async () => {
      const t = words.ro
      const { page, problems, close } = await open('/staff', { as: office })
      await page.getByRole('link', { name: t.tool.title }).click()
      await page.getByRole('heading', { level: 1, name: t.overview.title }).waitFor()
      await settled(page)
      await page.getByRole('heading', { name: t.overview.countsTitle }).waitFor()
      const rows = page.locator('.project-table tbody tr')
      assert.ok((await rows.count()) > 10, 'the office manages the demo projects')
      await page.getByRole('link', { name: 'Platforma urbană de date' }).first().waitFor()
      assert.deepEqual(await wcagViolations(page), [], 'overview ro 1280')
      await screenshot(page, 'overview-ro-1280')
      assert.deepEqual(problems, [])
      await close()
    })

    test('approval is refused without the assessments, in the server’s words, and granted once they pass', async () => {
      const t = words.ro
      const slug = await proposedProject(`Harta sesizărilor (${backend.name})`)
      const { page, problems, close } = await open(`/staff/portfolio/projects/${slug}`, { as: office })
      await page.getByRole('heading', { level: 2, name: t.lifecycle.title }).waitFor()
      await settled(page)

      await page.getByRole('button', { name: t.lifecycle.to.approved }).click()
      const refusal = page.locator('section[aria-labelledby="lifecycle"]').getByRole('alert')
      await refusal.getByText(/needs its impact, security, gdpr assessments before approval/).waitFor()
      await refusal.getByText(t.lifecycle.refused).waitFor()
      await screenshot(page, 'approval-refused')

      // The security matrix flags a residual risk at or above the office's threshold as high.
      const security = page.locator('form[aria-labelledby="security-title"]')
      await security.getByLabel(t.security.title, { exact: true }).fill('Scurgerea adreselor din sesizări')
      await security.getByLabel(t.security.residualLikelihood).selectOption('5')
      await security.getByLabel(t.security.residualImpact).selectOption('4')
      await security.locator('.risk-product--high').getByText(t.security.high).waitFor()
      await security.getByRole('button', { name: t.security.submit }).click()
      await security.getByText(t.assessment.verdict.fails, { exact: true }).waitFor()
      await security.getByText(/residual risk 5 × 4 = 20/).waitFor()
      assert.deepEqual(await wcagViolations(page), [], 'a failing assessment')
      await screenshot(page, 'security-fails')

      await security
        .getByLabel(t.security.mitigation)
        .fill('Adresele se păstrează criptat și se șterg după 90 de zile.')
      await security.getByLabel(t.security.residualLikelihood).selectOption('2')
      await security.getByLabel(t.security.residualImpact).selectOption('2')
      await security.getByRole('button', { name: t.security.submit }).click()
      await security.getByText(t.assessment.verdict.passes, { exact: true }).waitFor()

      const impact = page.locator('form[aria-labelledby="impact-title"]')
      await impact.getByRole('button', { name: t.impact.submit }).click()
      await impact.getByText(t.assessment.verdict.passes, { exact: true }).waitFor()

      const gdpr = page.locator('form[aria-labelledby="gdpr-title"]')
      await gdpr.getByLabel(t.gdpr.personalData).check()
      await gdpr.getByLabel(t.gdpr.categories).fill('nume, adresă')
      await gdpr.getByLabel(t.gdpr.lawfulBasis).selectOption('public_task')
      await gdpr.getByRole('button', { name: t.gdpr.submit }).click()
      await gdpr.getByText(t.assessment.verdict.passes, { exact: true }).waitFor()

      await page.getByRole('button', { name: t.lifecycle.to.approved }).click()
      await page.getByText(fill(t.lifecycle.done, { status: t.statuses.approved })).waitFor()
      await page.getByRole('button', { name: t.lifecycle.to.in_progress }).waitFor()

      // A milestone half done moves the project's completion to 50 %.
      const milestones = page.locator('#milestones').locator('..')
      await milestones
        .getByRole('group', { name: t.milestones.name, exact: true })
        .getByLabel(messages.ro.strategy.form.roRequired)
        .fill('Prima versiune')
      await milestones
        .locator('form[aria-labelledby="add-milestone"]')
        .getByLabel(t.milestones.progress)
        .fill('50')
      await milestones.getByRole('button', { name: t.milestones.addSubmit }).click()
      await milestones.getByText(t.milestones.added).waitFor()
      await milestones.getByRole('heading', { level: 3, name: 'Prima versiune' }).waitFor()
      const detail = (await (await server.request(`/api/portfolio/projects/${slug}`)).json()) as {
        project: { status: string; completion: number; assessments: Record<string, boolean> }
      }
      assert.equal(detail.project.status, 'approved')
      assert.equal(detail.project.completion, 50)
      assert.deepEqual(detail.project.assessments, { impact: true, security: true, gdpr: true })
      await screenshot(page, 'approved')
      assert.deepEqual(problems, [])
      await close()
    })

    test('the project page is accessible on a phone and a desk, in Romanian and Hungarian', async () => {
      const slug = await proposedProject(`Bănci inteligente în parcuri (${backend.name})`)
      for (const language of ['ro', 'hu'] as const) {
        for (const width of [390, 1280]) {
          const t = words[language]
          const { page, problems, close } = await open(`/staff/portfolio/projects/${slug}`, {
            as: office,
            language,
            width,
          })
          await page.getByRole('heading', { level: 2, name: t.assessment.title }).waitFor()
          await settled(page)
          await page.locator('form[aria-labelledby="gdpr-title"]').waitFor()
          assert.deepEqual(await wcagViolations(page), [], `project ${language} ${width}`)
          await screenshot(page, `project-${language}-${width}`)
          await noSidewaysScroll(page, `project ${language} ${width}`)
          await page.goto(`${server.url}/staff/portfolio`)
          await page.getByRole('heading', { level: 2, name: t.overview.countsTitle }).waitFor()
          await settled(page)
          assert.deepEqual(await wcagViolations(page), [], `overview ${language} ${width}`)
          await screenshot(page, `overview-${language}-${width}`)
          await noSidewaysScroll(page, `overview ${language} ${width}`)
          assert.deepEqual(problems, [])
          await close()
        }
      }
    })

    test('a resident submits, a juror scores, the results are published and the winner becomes a pilot', async () => {
      const t = words.ro
      const base = `/api/portfolio/challenges/${YEAR}`
      const opened = await officeApi.request('/api/portfolio/challenges', {
        method: 'POST',
        json: {
          year: YEAR,
          theme: { ro: 'Cartiere care se ajută', en: 'Neighbourhoods that help each other' },
          description: { ro: 'Idei digitale pentru vecini.' },
          objectives: ['objective-1', 'objective-3'],
          criteria: [
            { key: 'impact', title: { ro: 'Impact', en: 'Impact' }, weight: 60 },
            { key: 'feasibility', title: { ro: 'Fezabilitate', en: 'Feasibility' }, weight: 40 },
          ],
          dates: {
            submissionsOpen: at(-60),
            submissionsClose: at(60),
            evaluationClose: at(120),
            resultsAt: at(180),
          },
        },
      })
      assert.equal(opened.status, 201, await opened.text())
      const moveDates = async (dates: Record<string, string>) => {
        const current = await officeApi.json<{ dates: Record<string, string | null> }>(base)
        const moved = await officeApi.request(base, {
          method: 'PATCH',
          json: { dates: { ...current.dates, votingOpen: null, votingClose: null, ...dates } },
        })
        assert.equal(moved.status, 200, await moved.text())
      }

      // The resident submits with their own session, through the API the public challenge page uses.
      const ana = await server.signedIn(resident)
      const submitted = await ana.request(`${base}/submissions`, {
        method: 'POST',
        json: {
          title: { ro: 'Vecini la un clic' },
          summary: { ro: 'O aplicație prin care vecinii își oferă ajutor.' },
          objectives: ['objective-1'],
          team: [{ name: 'Ana M.', role: 'Coordonatoare' }],
          budgetAsked: 20_000,
          pilotPlan: { ro: 'Trei luni într-un cartier din Mănăștur.' },
        },
      })
      assert.equal(submitted.status, 201, await submitted.text())

      // The deadline passes: the office finds it eligible and appoints the juror, on its page.
      await moveDates({ submissionsClose: at(-1) })
      const officePage = await open(`/staff/portfolio/challenge/${YEAR}`, { as: office })
      const { page } = officePage
      await page.getByText(t.phases.evaluation).first().waitFor()
      await settled(page)
      const decision = page.getByRole('form', {
        name: fill(t.office.decideFor, { name: 'Vecini la un clic' }),
      })
      await decision.getByLabel(t.office.reason).fill('Îndeplinește condițiile apelului.')
      await decision.getByRole('button', { name: t.office.decide }).click()
      await page.locator('.eligibility--eligible').getByText(t.eligibility.eligible).waitFor()
      await page.getByLabel(t.office.jurorEmail).fill(juror)
      await page.getByRole('button', { name: t.office.appoint }).click()
      await page.getByText(t.office.appointed).waitFor()
      await page.getByText('Andrei Moldovan', { exact: true }).waitFor()
      assert.deepEqual(await wcagViolations(page), [], 'the office’s challenge page')
      await screenshot(page, 'challenge-office')

      // The juror scores on their own page, and reads that the others' scores stay hidden.
      const jurorPage = await open(`/staff/portfolio/challenge/${YEAR}`, { as: juror })
      const jury = jurorPage.page
      await jury.getByRole('heading', { level: 2, name: t.jury.title }).waitFor()
      await settled(jury)
      await jury.locator('.sealed').waitFor()
      const scores = jury.getByRole('form', { name: fill(t.jury.scoreFor, { name: 'Vecini la un clic' }) })
      await scores
        .getByRole('group', { name: /Impact/ })
        .getByLabel(t.jury.score)
        .fill('8.5')
      await scores
        .getByRole('group', { name: /Impact/ })
        .getByLabel(t.jury.comment)
        .fill('Util și simplu.')
      await scores
        .getByRole('group', { name: /Fezabilitate/ })
        .getByLabel(t.jury.score)
        .fill('7')
      await scores.getByRole('button', { name: t.jury.submitScores }).click()
      await jury.getByText(t.jury.saved).waitFor()
      await jury.getByText(fill(t.jury.progress, { scored: 1, total: 1 })).waitFor()
      assert.deepEqual(await wcagViolations(jury), [], 'the juror’s page')
      await screenshot(jury, 'challenge-juror')
      const sealed = await (await server.signedIn(juror)).request(`${base}/scores`)
      assert.equal(sealed.status, 403, 'scores stay sealed during the evaluation')
      assert.deepEqual(jurorPage.problems, [])
      await jurorPage.close()

      // The evaluation closes: the office publishes the results and turns the winner into a pilot.
      await moveDates({ submissionsClose: at(-2), evaluationClose: at(-1), resultsAt: at(60) })
      await page.reload()
      await page.getByRole('heading', { level: 2, name: t.office.resultsTitle }).waitFor()
      await settled(page)
      await page.getByText(t.office.preview).waitFor()
      await page.getByRole('button', { name: t.office.publish }).click()
      await page.getByRole('button', { name: t.office.publishConfirm }).click()
      await page.getByText(t.office.published).waitFor()
      await page.getByRole('button', { name: new RegExp(t.office.makePilot) }).click()
      await page.getByText(t.office.pilotMade).waitFor()
      const href = await page.getByRole('link', { name: t.office.pilotPublic }).getAttribute('href')
      const slug = decodeURIComponent(href!.replace('/projects/', ''))
      assert.deepEqual(await wcagViolations(page), [], 'the published results')
      await screenshot(page, 'challenge-published')
      assert.deepEqual(officePage.problems, [])
      await officePage.close()

      const pilot = (await (await server.request(`/api/portfolio/projects/${slug}`)).json()) as {
        project: { kind: string; origin: string; pilot: { stage: string } }
      }
      assert.equal(pilot.project.kind, 'pilot')
      assert.equal(pilot.project.origin, 'challenge')
      assert.equal(pilot.project.pilot.stage, 'proof_of_concept')

      // Anyone sees the new pilot on its public page.
      const visitor = await open(`/projects/${slug}`)
      await visitor.page.getByRole('heading', { level: 1, name: 'Vecini la un clic' }).waitFor()
      await screenshot(visitor.page, 'pilot-public')
      await visitor.close()
    })
  })
}
