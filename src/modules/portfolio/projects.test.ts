import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../test/support/demo.ts'
import type { SessionClient } from '../../../test/support/session-client.ts'
import type { Assessment, Project } from './schemas.ts'

const OFFICE = 'inovare@cluj-napoca.example'
const EDITOR = 'date@cluj-napoca.example'
const CITIZEN = 'ana@cluj-napoca.example'

const goodImpact = { scores: { emissions: 2, resources: 3, accessibility: 4, inclusion: 3, languages: 2 } }
const goodSecurity = {
  risks: [
    {
      title: 'Account takeover',
      likelihood: 3,
      impact: 5,
      mitigation: 'Passkeys and rate limits',
      residualLikelihood: 1,
      residualImpact: 5,
    },
  ],
}
const goodGdpr = {
  personalData: true,
  categories: ['email'],
  lawfulBasis: 'public_task',
  dpiaNeeded: false,
  dpiaDone: false,
}

for (const backend of testBackends()) {
  describe(`the project portfolio on ${backend.name}`, { timeout: 240_000 }, () => {
    let database: TestDatabase
    let server: DemoCetate
    let office: SessionClient
    let editor: SessionClient
    const read = async <T>(path: string) => (await (await fetch(`${server.url}${path}`)).json()) as T

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
      office = await server.signedIn(OFFICE)
      editor = await server.signedIn(EDITOR)
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test("the demo holds the strategy's core projects and its annexes' projects, completion from milestones", async () => {
      const { items } = await read<{ items: Project[] }>('/api/portfolio/projects')
      // The strategy's 57, and the 2026 challenge's winner as a pilot.
      assert.equal(items.length, 58)
      const core = await read<{ items: Project[] }>('/api/portfolio/projects?kind=core')
      assert.equal(core.items.length, 4)
      // (3×100 + 3×100 + 2×100 + 2×0) ÷ 10
      assert.equal(items.find((project) => project.slug === 'platforma-urbana-de-date')?.completion, 80)
      // (2×100 + 1×100 + 2×0) ÷ 5
      assert.equal(items.find((project) => project.slug === 'identitatea-digitala')?.completion, 60)
      assert.ok(
        items
          .filter((project) => project.status === 'completed')
          .every((project) => project.completion === 100),
      )
      const page = await read<{ updates: { text: { ro: string } }[] }>('/api/portfolio/projects/anto-ciic')
      assert.match(page.updates[0]!.text.ro, /anexa 5/)
      assert.ok(!JSON.stringify(page).match(/author|person|@cluj-napoca/))
    })

    test('who may add and change projects', async () => {
      const project = {
        slug: 'harta-accesibilitatii',
        kind: 'flexible',
        title: { ro: 'Harta accesibilității', en: 'Accessibility map' },
        need: { ro: 'Unde pot ajunge persoanele în scaun rulant.' },
        owner: 'serviciul-strategii-de-informatizare',
        objectives: ['objective-1'],
        period: { start: '2026-01-01', end: '2027-12-31', text: null },
      }
      const anonymous = await fetch(`${server.url}/api/portfolio/projects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(project),
      })
      assert.equal(anonymous.status, 401)
      const citizen = await server.signedIn(CITIZEN)
      assert.equal(
        (await citizen.request('/api/portfolio/projects', { method: 'POST', json: project })).status,
        403,
      )
      // An editor describes the organisation's projects but does not add them.
      assert.equal(
        (await editor.request('/api/portfolio/projects', { method: 'POST', json: project })).status,
        403,
      )
      const reversed = await office.request('/api/portfolio/projects', {
        method: 'POST',
        json: { ...project, period: { start: '2027-01-01', end: '2026-01-01', text: null } },
      })
      assert.equal(reversed.status, 400)
      assert.equal(((await reversed.json()) as { code: string }).code, 'PORTFOLIO_PERIOD_REVERSED')
      const created = await office.request('/api/portfolio/projects', { method: 'POST', json: project })
      assert.equal(created.status, 201, await created.clone().text())
      assert.equal(((await created.json()) as Project).status, 'idea')
      assert.equal(
        (await office.request('/api/portfolio/projects', { method: 'POST', json: project })).status,
        409,
      )
      const changed = await editor.request('/api/portfolio/projects/harta-accesibilitatii', {
        method: 'PATCH',
        json: { version: 1, budget: 25_000 },
      })
      assert.equal(changed.status, 200, await changed.clone().text())
      const stale = await editor.request('/api/portfolio/projects/harta-accesibilitatii', {
        method: 'PATCH',
        json: { version: 1, budget: 30_000 },
      })
      assert.equal(stale.status, 409)
      const elsewhere = await editor.request('/api/portfolio/projects/anto-ciic', {
        method: 'PATCH',
        json: { version: 1, budget: 1 },
      })
      assert.equal(elsewhere.status, 403)
    })

    test('milestones roll up by weight into the completion', async () => {
      const path = '/api/portfolio/projects/harta-accesibilitatii/milestones'
      const first = await editor.request(path, {
        method: 'POST',
        json: { title: { ro: 'Colectarea datelor' }, weight: 1, progress: 50 },
      })
      assert.equal(first.status, 201)
      const second = (await (
        await editor.request(path, { method: 'POST', json: { title: { ro: 'Harta publică' }, weight: 3 } })
      ).json()) as Project
      assert.equal(second.completion, 12.5)
      const id = second.milestones[1]!.id
      const done = await editor.request(`${path}/${id}`, { method: 'PATCH', json: { progress: 100 } })
      // (1×50 + 3×100) ÷ 4
      assert.equal(((await done.json()) as Project).completion, 87.5)
      const bad = await editor.request(path, { method: 'POST', json: { title: { ro: 'X' }, weight: 0 } })
      assert.equal(bad.status, 400)
    })

    test('no approval without the three assessments, each meeting the standards; only the board approves', async () => {
      const status = (client: SessionClient, value: string) =>
        client.request('/api/portfolio/projects/harta-accesibilitatii/status', {
          method: 'PUT',
          json: { status: value },
        })
      const skipped = await status(office, 'approved')
      assert.equal(skipped.status, 409)
      assert.equal(((await skipped.json()) as { code: string }).code, 'PORTFOLIO_STATUS_STEP')
      assert.equal((await status(editor, 'proposed')).status, 200)
      const missing = await status(office, 'approved')
      assert.equal(missing.status, 409)
      const problem = (await missing.json()) as { code: string; detail: string }
      assert.equal(problem.code, 'PORTFOLIO_ASSESSMENTS_MISSING')
      assert.match(problem.detail, /impact, security, gdpr/)

      const assess = (kind: string, body: unknown) =>
        editor.request(`/api/portfolio/projects/harta-accesibilitatii/assessments/${kind}`, {
          method: 'PUT',
          json: body,
        })
      const weak = (await (
        await assess('impact', { scores: { ...goodImpact.scores, accessibility: 1 } })
      ).json()) as Assessment
      assert.equal(weak.passes, false)
      assert.match(weak.findings[0]!, /Accessible to people with disabilities: 1 of at least 2/)
      const risky = (await (
        await assess('security', {
          risks: [{ ...goodSecurity.risks[0], residualLikelihood: 3, residualImpact: 5 }],
        })
      ).json()) as Assessment
      assert.equal(risky.passes, false)
      const unlawful = (await (await assess('gdpr', { ...goodGdpr, lawfulBasis: null })).json()) as Assessment
      assert.equal(unlawful.passes, false)
      const failing = await status(office, 'approved')
      assert.equal(((await failing.json()) as { code: string }).code, 'PORTFOLIO_ASSESSMENTS_FAILING')

      assert.equal((await assess('impact', goodImpact)).status, 200)
      assert.equal((await assess('security', goodSecurity)).status, 200)
      assert.equal((await assess('gdpr', goodGdpr)).status, 200)
      assert.equal((await assess('gdpr', { personalData: 'maybe' })).status, 400)
      assert.equal((await status(editor, 'approved')).status, 403)
      const approved = await status(office, 'approved')
      assert.equal(approved.status, 200, await approved.clone().text())
      const project = (await approved.json()) as Project
      assert.deepEqual(project.assessments, { impact: true, security: true, gdpr: true })

      const citizen = await server.signedIn(CITIZEN)
      assert.equal(
        (await citizen.request('/api/portfolio/projects/harta-accesibilitatii/assessments')).status,
        403,
      )
      const { items } = await editor.json<{ items: Assessment[] }>(
        '/api/portfolio/projects/harta-accesibilitatii/assessments',
      )
      assert.equal(items.length, 3)
      const audit = await office.json<{ items: { targetId: string }[] }>(
        '/api/audit?action=portfolio.project.approve',
      )
      assert.ok(audit.items.some((entry) => entry.targetId === 'harta-accesibilitatii'))
    })

    test('a pilot is evaluated, then abandoned with its reasons and lessons', async () => {
      const created = await office.request('/api/portfolio/projects', {
        method: 'POST',
        json: {
          slug: 'senzori-zgomot-pilot',
          kind: 'pilot',
          title: { ro: 'Senzori de zgomot (pilot)' },
          need: { ro: 'Zgomotul nocturn în centru.' },
          owner: 'oficiul-de-inovare',
        },
      })
      assert.equal(((await created.json()) as Project).pilot?.stage, 'proof_of_concept')
      const decide = (body: unknown) =>
        office.request('/api/portfolio/projects/senzori-zgomot-pilot/pilot', { method: 'PUT', json: body })
      assert.equal((await decide({ stage: 'scale' })).status, 409)
      assert.equal((await decide({ stage: 'evaluated' })).status, 200)
      const unexplained = await decide({ stage: 'abandon' })
      assert.equal(unexplained.status, 400)
      assert.equal(((await unexplained.json()) as { code: string }).code, 'PORTFOLIO_DECISION_UNEXPLAINED')
      const before = await read<{ items: { name: string; value: number }[] }>('/api/metrics')
      const abandoned = await decide({
        stage: 'abandon',
        reasons: { ro: 'Senzorii nu au rezistat iernii.' },
        lessons: { ro: 'Carcase certificate IP67 de la început.' },
      })
      assert.equal(abandoned.status, 200)
      const pilot = (await abandoned.json()) as Project
      assert.equal(pilot.status, 'stopped')
      assert.equal(pilot.pilot?.reasons?.ro, 'Senzorii nu au rezistat iernii.')
      const afterwards = await read<{ items: { name: string; value: number }[] }>('/api/metrics')
      const value = (list: typeof before, name: string) =>
        list.items.find((item) => item.name === name)?.value
      assert.equal(
        value(afterwards, 'portfolio.pilots.abandoned'),
        (value(before, 'portfolio.pilots.abandoned') ?? 0) + 1,
      )
      assert.equal(value(afterwards, 'portfolio.projects.from_hubs'), 11)
      assert.equal((await decide({ stage: 'proof_of_concept' })).status, 409)
      const flexible = await office.request('/api/portfolio/projects/anto-ciic/pilot', {
        method: 'PUT',
        json: { stage: 'evaluated' },
      })
      assert.equal(flexible.status, 409)
    })
  })
}
