import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { catalogServerForSuite } from '../../../test/support/catalog.ts'
import { testBackends } from '../../../test/support/databases.ts'
import type { SessionClient } from '../../../test/support/session-client.ts'
import type { Dashboard, Kpi, Measurement } from './schemas.ts'

const OFFICE = 'inovare@cluj-napoca.example'
const STEWARD = 'date@cluj-napoca.example'
const CITIZEN = 'ana@cluj-napoca.example'

const boundKpi = {
  slug: 'open-datasets-test',
  name: { ro: 'Seturi de date deschise (test)', en: 'Open datasets (test)' },
  description: { ro: 'Seturi de date deschise publicate în catalog.' },
  unit: 'dataset',
  direction: 'higher',
  frequency: 'daily',
  owner: 'oficiul-de-inovare',
  objectives: ['objective-4'],
  coreProjects: ['core-project-1'],
  metric: 'catalog.datasets.open',
  target: { value: 10, date: '2030-12-31' },
}

const manualKpi = {
  slug: 'officials-trained-test',
  name: { ro: 'Funcționari instruiți (test)' },
  description: { ro: 'Funcționari instruiți în securitate cibernetică.' },
  unit: 'person',
  direction: 'higher',
  frequency: 'monthly',
  owner: 'serviciul-strategii-de-informatizare',
  objectives: ['objective-5'],
  target: { value: 200, date: '2030-12-31' },
}

for (const backend of testBackends()) {
  describe(`strategy KPIs on ${backend.name}`, { timeout: 240_000 }, () => {
    const server = catalogServerForSuite(backend)
    let office: SessionClient

    const dashboard = async () =>
      (await (await fetch(`${server().url}/api/strategy/dashboard`)).json()) as Dashboard

    test('the demo holds every KPI the strategy proposes, the automatic ones measured from its data', async () => {
      const board = await dashboard()
      assert.equal(board.kpis.length, 32)
      const automatic = board.kpis.filter((kpi) => kpi.source === 'metric')
      assert.equal(automatic.length, 8)
      assert.ok(automatic.every((kpi) => kpi.latest !== null && kpi.score !== null))
      assert.equal(board.kpis.find((kpi) => kpi.metric === 'catalog.datasets.open')?.latest?.value, 6)
      const manual = board.kpis.filter((kpi) => kpi.source === 'manual')
      assert.ok(manual.every((kpi) => kpi.sourceNote && kpi.latest === null))
      assert.ok(board.city.score !== null && board.city.score > 0)
      assert.equal(board.objectives.filter((objective) => objective.kpis.length > 0).length, 5)
    })

    test('an office user binds a KPI to a metric: measured at once, scored, on the city dashboard', async () => {
      office = await server().signedIn(OFFICE)
      const response = await office.request('/api/strategy/kpis', { method: 'POST', json: boundKpi })
      assert.equal(response.status, 201, await response.clone().text())
      const kpi = (await response.json()) as Kpi
      assert.equal(kpi.latest?.value, 6)
      assert.equal(kpi.score, 0.6)
      const onBoard = (await dashboard()).kpis.find((entry) => entry.slug === boundKpi.slug)
      assert.equal(onBoard?.score, 0.6)
    })

    test('the metric changes, the job measures, and the score and the dashboard follow', async () => {
      const before = await dashboard()
      const objectiveBefore = before.objectives.find((objective) => objective.key === 'objective-4')!.score!
      const created = await server().call('/api/catalog/datasets', {
        method: 'POST',
        body: {
          organisation: 'primaria-cluj-napoca',
          name: 'strazi-reparate-test',
          title: { ro: 'Străzi reparate' },
          description: { ro: 'Străzile reparate în 2026.' },
          licence: 'cc-by-4.0',
        },
      })
      assert.equal(created.status, 201, await created.clone().text())
      await server().call('/api/catalog/datasets/strazi-reparate-test/resources', {
        method: 'POST',
        body: { kind: 'link', title: { ro: 'Lista' }, format: 'csv', url: 'https://example.org/strazi.csv' },
      })
      const published = await server().call('/api/catalog/datasets/strazi-reparate-test/status', {
        method: 'PUT',
        body: { status: 'published' },
      })
      assert.equal(published.status, 200)
      await server().cetate.context.jobs.enqueue('strategy.measure_kpis', {}, { key: 'test-measure' })
      await server().cetate.context.jobs.runDue()
      let after = await dashboard()
      for (
        let wait = 0;
        wait < 50 && after.kpis.find((kpi) => kpi.slug === boundKpi.slug)?.latest?.value !== 7;
        wait++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        after = await dashboard()
      }
      const kpi = after.kpis.find((entry) => entry.slug === boundKpi.slug)!
      assert.equal(kpi.latest?.value, 7)
      assert.equal(kpi.score, 0.7)
      assert.ok(
        after.objectives.find((objective) => objective.key === 'objective-4')!.score! > objectiveBefore,
      )
      // The same period keeps both values; the latest counts, the earlier is marked superseded.
      const history = (await (await fetch(`${server().url}/api/strategy/kpis/${boundKpi.slug}`)).json()) as {
        measurements: Measurement[]
      }
      assert.deepEqual(
        history.measurements.map((entry) => [entry.value, entry.superseded]),
        [
          [7, false],
          [6, true],
        ],
      )
    })

    test('a KPI definition is checked: metric, organisation, objective, dates, name; only the office defines', async () => {
      const problems: [Record<string, unknown>, number, string][] = [
        [{ metric: 'no.such.metric' }, 400, 'STRATEGY_METRIC_UNKNOWN'],
        [{ owner: 'no-such-organisation' }, 400, 'STRATEGY_OWNER_UNKNOWN'],
        [{ objectives: ['direction-1a'] }, 400, 'STRATEGY_LINK_UNKNOWN'],
        [{ coreProjects: ['objective-1'] }, 400, 'STRATEGY_LINK_UNKNOWN'],
        [
          { baseline: { value: 1, date: '2031-01-01' }, target: { value: 9, date: '2030-01-01' } },
          400,
          'STRATEGY_TARGET_BEFORE_BASELINE',
        ],
        [{}, 409, 'STRATEGY_KPI_SLUG_TAKEN'],
        [{ direction: 'sideways' }, 400, ''],
      ]
      for (const [change, status, code] of problems) {
        const response = await office.request('/api/strategy/kpis', {
          method: 'POST',
          json: { ...boundKpi, ...change },
        })
        assert.equal(response.status, status, JSON.stringify(change))
        const problem = (await response.json()) as { code?: string; detail: string }
        if (code) assert.equal(problem.code, code)
        assert.ok(problem.detail.length > 10)
      }
      const anonymous = await fetch(`${server().url}/api/strategy/kpis`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...boundKpi, slug: 'anonymous-kpi' }),
      })
      assert.equal(anonymous.status, 401)
      const citizen = await server().signedIn(CITIZEN)
      const refused = await citizen.request('/api/strategy/kpis', {
        method: 'POST',
        json: { ...boundKpi, slug: 'citizen-kpi' },
      })
      assert.equal(refused.status, 403)
    })

    test('a manual value needs evidence; the owner organisation enters it, others may not', async () => {
      const created = await office.request('/api/strategy/kpis', { method: 'POST', json: manualKpi })
      assert.equal(created.status, 201, await created.clone().text())
      const steward = await server().signedIn(STEWARD)
      const path = `/api/strategy/kpis/${manualKpi.slug}/measurements`
      for (const body of [{ value: 40 }, { value: 40, evidence: '   ' }, { value: 40, evidence: 'ok' }]) {
        const refused = await steward.request(path, { method: 'POST', json: body })
        assert.equal(refused.status, 400)
        const problem = (await refused.json()) as { code: string; detail: string }
        assert.equal(problem.code, 'STRATEGY_EVIDENCE_REQUIRED')
        assert.match(problem.detail, /evidence/)
      }
      const future = await steward.request(path, {
        method: 'POST',
        json: { value: 40, evidence: 'Lista de prezență', period: '2099-01-15' },
      })
      assert.equal(future.status, 400)
      assert.equal(((await future.json()) as { code: string }).code, 'STRATEGY_PERIOD_IN_FUTURE')
      const accepted = await steward.request(path, {
        method: 'POST',
        json: {
          value: 40,
          evidence: 'https://example.org/prezenta-curs-securitate.pdf',
          note: 'Curs din noiembrie',
        },
      })
      assert.equal(accepted.status, 201, await accepted.clone().text())
      const { kpi, measurements } = (await accepted.json()) as { kpi: Kpi; measurements: Measurement[] }
      assert.equal(kpi.latest?.value, 40)
      assert.equal(kpi.score, 0.2)
      assert.equal(measurements[0]?.evidence, 'https://example.org/prezenta-curs-securitate.pdf')

      const citizen = await server().signedIn(CITIZEN)
      const byCitizen = await citizen.request(path, {
        method: 'POST',
        json: { value: 1, evidence: 'my own count' },
      })
      assert.equal(byCitizen.status, 403)
      const otherOrganisation = await steward.request(
        '/api/strategy/kpis/interconnected-institutions/measurements',
        { method: 'POST', json: { value: 3, evidence: 'https://example.org/x' } },
      )
      assert.equal(otherOrganisation.status, 403)
      const automatic = await office.request(`/api/strategy/kpis/${boundKpi.slug}/measurements`, {
        method: 'POST',
        json: { value: 3, evidence: 'https://example.org/x' },
      })
      assert.equal(automatic.status, 409)
      assert.equal(((await automatic.json()) as { code: string }).code, 'STRATEGY_KPI_AUTOMATIC')
    })

    test('internal KPIs stay inside: not listed, not found, not exported for outsiders', async () => {
      const created = await office.request('/api/strategy/kpis', {
        method: 'POST',
        json: { ...manualKpi, slug: 'internal-kpi-test', visibility: 'internal' },
      })
      assert.equal(created.status, 201)
      const anonymous = await fetch(`${server().url}/api/strategy/kpis/internal-kpi-test`)
      assert.equal(anonymous.status, 404)
      const list = (await (await fetch(`${server().url}/api/strategy/kpis`)).json()) as { items: Kpi[] }
      assert.ok(!list.items.some((kpi) => kpi.slug === 'internal-kpi-test'))
      const officeList = await office.json<{ items: Kpi[] }>('/api/strategy/kpis')
      assert.ok(officeList.items.some((kpi) => kpi.slug === 'internal-kpi-test'))
      assert.ok(!(await dashboard()).kpis.some((kpi) => kpi.slug === 'internal-kpi-test'))
      const csv = await (await fetch(`${server().url}/api/strategy/export/kpis.csv`)).text()
      assert.ok(!csv.includes('internal-kpi-test'))
    })

    test('exports: CSV and JSON of public KPIs and their measurements, without who entered them', async () => {
      const kpis = await fetch(`${server().url}/api/strategy/export/kpis.csv`)
      assert.match(kpis.headers.get('content-type') ?? '', /text\/csv/)
      const lines = (await kpis.text()).trim().split('\n')
      assert.match(lines[0]!, /^slug,name_ro,name_en,unit,direction/)
      assert.equal(lines.length, 1 + 32 + 2)
      const measurements = await (await fetch(`${server().url}/api/strategy/export/measurements.csv`)).text()
      assert.match(
        measurements,
        /officials-trained-test,\d{4}-\d{2}-01,40,person,0\.2,manual,https:\/\/example\.org/,
      )
      const json = (await (await fetch(`${server().url}/api/strategy/export/measurements.json`)).json()) as {
        items: Record<string, unknown>[]
      }
      assert.ok(json.items.length >= 8)
      const text = JSON.stringify(json)
      assert.ok(!/entered|person_id|personId|@cluj-napoca/.test(text))
    })

    test('the management dashboard lists what the caller answers for', async () => {
      const mine = await office.json<{
        kpis: Kpi[]
        counts: { total: number; automatic: number; manual: number }
      }>('/api/strategy/management')
      assert.equal(mine.counts.total, 35)
      assert.equal(mine.counts.automatic, 9)
      const steward = await server().signedIn(STEWARD)
      const theirs = await steward.json<{ kpis: Kpi[] }>('/api/strategy/management')
      assert.ok(theirs.kpis.length > 0)
      assert.ok(theirs.kpis.every((kpi) => kpi.owner.slug === 'serviciul-strategii-de-informatizare'))
      const citizen = await server().signedIn(CITIZEN)
      assert.equal((await citizen.request('/api/strategy/management')).status, 403)
      assert.equal((await fetch(`${server().url}/api/strategy/management`)).status, 401)
    })

    test('the module publishes its own metrics: on track, automatic and manual', async () => {
      const { items } = (await (await fetch(`${server().url}/api/metrics`)).json()) as {
        items: { name: string; value: number }[]
      }
      const value = (name: string) => items.find((item) => item.name === name)?.value
      assert.equal(value('strategy.kpis.automatic'), 9)
      assert.equal(value('strategy.kpis.manual'), 26)
      assert.equal(typeof value('strategy.kpis.on_track'), 'number')
      assert.equal(typeof value('strategy.kpis.overdue'), 'number')
    })
  })
}
