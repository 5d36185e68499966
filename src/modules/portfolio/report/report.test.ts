import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inflateSync } from 'node:zlib'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../../test/support/demo.ts'
import type { Project } from '../schemas.ts'
import { renderPdf } from './pdf.ts'
import { reportDocument } from './pdf-layout.ts'
import type { Report } from './report-schemas.ts'

const OFFICE = 'inovare@cluj-napoca.example'
const CITIZEN = 'ana@cluj-napoca.example'
const YEAR = new Date().getUTCFullYear()
// A past year for the challenge, clear of any call the demo pack may hold for the current one.
const CHALLENGE_YEAR = 2022

for (const backend of testBackends()) {
  describe(`the Chief Innovation Officer's report on ${backend.name}`, { timeout: 240_000 }, () => {
    let database: TestDatabase
    let server: DemoCetate
    const signedIn = (email: string) => server.signedIn(email)
    const report = async (year = YEAR): Promise<Report> => {
      const response = await server.request(`/api/portfolio/reports/${year}`)
      assert.equal(response.status, 200)
      return (await response.json()) as Report
    }
    const query = async <T>(text: ReturnType<typeof sql<T>>) =>
      (await text.execute(server.cetate.context.db)).rows

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test("the projects' figures are the database's", async () => {
      const current = await report()
      const rows = await query(sql<{ kind: string; status: string; count: number }>`SELECT kind, status,
        count(*)::int AS count FROM portfolio.projects GROUP BY kind, status`)
      const total = rows.reduce((sum, row) => sum + row.count, 0)
      assert.equal(current.projects.total, total)
      assert.equal(current.projects.items.length, total)
      for (const kind of current.projects.byKind)
        for (const [status, count] of Object.entries(kind.byStatus))
          assert.equal(
            count,
            rows.find((row) => row.kind === kind.kind && row.status === status)?.count ?? 0,
            `${kind.kind} ${status}`,
          )
      for (const [status, count] of Object.entries(current.projects.byStatus))
        assert.equal(
          count,
          rows.filter((row) => row.status === status).reduce((sum, row) => sum + row.count, 0),
        )
      assert.equal(current.projects.atRisk, current.projects.items.filter((project) => project.atRisk).length)
      assert.equal(
        current.projects.items.find((project) => project.slug === 'platforma-urbana-de-date')?.completion,
        80,
      )
      assert.equal(current.period.from, `${YEAR}-01-01`)
      assert.equal(current.period.to, new Date().toISOString().slice(0, 10))
      assert.deepEqual(current.city?.name, { ro: 'Cluj-Napoca', en: 'Cluj-Napoca', hu: 'Kolozsvár' })
      assert.ok(Date.now() - Date.parse(current.generatedAt) < 60_000)
    })

    test('KPI progress per objective comes from the strategy', async () => {
      const { objectives } = await report()
      const [kpis] = await query(sql<{ total: number; automatic: number }>`SELECT count(*)::int AS total,
        count(metric_name)::int AS automatic FROM strategy.kpis WHERE NOT archived AND visibility = 'public'`)
      assert.equal(objectives.kpis.total, kpis!.total)
      assert.equal(objectives.kpis.automatic, kpis!.automatic)
      assert.equal(objectives.kpis.manual, kpis!.total - kpis!.automatic)
      assert.equal(
        Object.values(objectives.kpis.byStatus).reduce((sum, count) => sum + count, 0),
        objectives.kpis.total,
      )
      const elements = await query(sql<{ key: string }>`SELECT DISTINCT key FROM strategy.elements
        WHERE kind IN ('objective', 'transversal_objective')`)
      assert.ok(objectives.items.length > 0)
      assert.ok(
        objectives.items.every((objective) => elements.some((element) => element.key === objective.key)),
      )
      for (const objective of objectives.items) {
        const [count] = await query(sql<{ count: number }>`SELECT count(*)::int AS count FROM strategy.kpis
          WHERE NOT archived AND visibility = 'public' AND ${objective.key} = ANY (objective_keys)`)
        assert.equal(objective.kpis.total, count!.count, objective.key)
        assert.equal(
          Object.values(objective.kpis.byStatus).reduce((sum, value) => sum + value, 0),
          objective.kpis.total,
        )
      }
    })

    test("the office's milestone and pilot decisions show in the report at once", async () => {
      const office = await signedIn(OFFICE)
      const { project } = await office.json<{ project: Project }>(
        '/api/portfolio/projects/platforma-urbana-de-date',
      )
      const unfinished = project.milestones.find((milestone) => milestone.progress < 100)!
      await office.json(`/api/portfolio/projects/platforma-urbana-de-date/milestones/${unfinished.id}`, {
        method: 'PATCH',
        json: { progress: 100 },
      })
      const afterMilestone = await report()
      assert.equal(
        afterMilestone.projects.items.find((item) => item.slug === 'platforma-urbana-de-date')?.completion,
        100,
      )

      const before = await report()
      const decision = {
        stage: 'scale',
        reasons: { ro: 'Costuri mai mici cu 30 %', en: '30 % lower costs' },
        lessons: { ro: 'Implicați cetățenii devreme', hu: 'Vonjuk be korán a lakókat' },
      }
      await office.json('/api/portfolio/projects/reflow/pilot', {
        method: 'PUT',
        json: { stage: 'evaluated' },
      })
      await office.json('/api/portfolio/projects/reflow/pilot', { method: 'PUT', json: decision })
      const afterDecision = await report()
      assert.equal(afterDecision.pilots.decided.scale, before.pilots.decided.scale + 1)
      const pilot = afterDecision.pilots.items.find((item) => item.slug === 'reflow')
      assert.deepEqual(
        { decision: pilot?.decision, reasons: pilot?.reasons, lessons: pilot?.lessons },
        { decision: 'scale', reasons: decision.reasons, lessons: decision.lessons },
      )
      const [decided] = await query(sql<{
        count: number
      }>`SELECT count(*)::int AS count FROM portfolio.projects
        WHERE pilot_stage IN ('scale', 'iterate', 'abandon')
          AND extract(year FROM pilot_decided_at AT TIME ZONE 'UTC') = ${YEAR}`)
      assert.equal(afterDecision.pilots.items.length, decided!.count)
      // Scaling completes the pilot: it is among the year's completed projects now.
      assert.equal(afterDecision.projects.byStatus.completed, before.projects.byStatus.completed + 1)
      assert.ok(afterDecision.projects.completedInYear.some((item) => item.slug === 'reflow'))
      assert.ok(!before.projects.completedInYear.some((item) => item.slug === 'reflow'))
      // Last year's report knows nothing of this year's decision.
      assert.ok(!(await report(YEAR - 1)).pilots.items.some((item) => item.slug === 'reflow'))
    })

    test('the plan: the office writes it, nobody else, and the report shows its text without a name', async () => {
      const plan = {
        text: { ro: 'Extindem senzorii în toate cartierele.\n\nLansăm ediția a doua.', en: 'More sensors.' },
      }
      const anonymous = await server.request(`/api/portfolio/reports/${YEAR}/plan`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(plan),
      })
      assert.equal(anonymous.status, 401)
      const citizen = await signedIn(CITIZEN)
      const refused = await citizen.request(`/api/portfolio/reports/${YEAR}/plan`, {
        method: 'PUT',
        json: plan,
      })
      assert.equal(refused.status, 403)
      assert.equal((await report()).plan, null)

      const office = await signedIn(OFFICE)
      const bad = await office.request(`/api/portfolio/reports/${YEAR}/plan`, {
        method: 'PUT',
        json: { text: { en: 'No Romanian' } },
      })
      assert.equal(bad.status, 400)
      const early = await office.request('/api/portfolio/reports/2020/plan', { method: 'PUT', json: plan })
      assert.equal(early.status, 400)
      const written = await office.json<{ text: unknown; updatedAt: string }>(
        `/api/portfolio/reports/${YEAR}/plan`,
        {
          method: 'PUT',
          json: plan,
        },
      )
      assert.deepEqual(written.text, plan.text)
      const shown = await report()
      assert.deepEqual(shown.plan, written)
      const text = JSON.stringify(shown)
      for (const personal of ['Ioana Pop', '@cluj-napoca', 'updatedBy', 'updated_by'])
        assert.ok(!text.includes(personal), personal)

      const [audit] = await query(sql<{ count: number }>`SELECT count(*)::int AS count FROM platform.audit_log
        WHERE action = 'portfolio.report.plan' AND target_id = ${String(YEAR)}`)
      assert.equal(audit!.count, 1)
      const changed = { text: { ro: 'Un alt plan.' } }
      await office.json(`/api/portfolio/reports/${YEAR}/plan`, { method: 'PUT', json: changed })
      assert.deepEqual((await report()).plan?.text, changed.text)
    })

    test("the year's challenge: counts always, the ranking once published", async () => {
      const [reflow] = await query(
        sql<{ id: string }>`SELECT id FROM portfolio.projects WHERE slug = 'reflow'`,
      )
      const [call] = await query(sql<{
        id: string
      }>`INSERT INTO portfolio.challenges (year, theme, description,
          criteria, submissions_open, submissions_close, evaluation_close, results_at)
        VALUES (${CHALLENGE_YEAR}, ${JSON.stringify({ ro: 'Orașul verde', hu: 'Zöld város' })}::jsonb,
          ${JSON.stringify({ ro: 'Descriere' })}::jsonb,
          ${JSON.stringify([
            { key: 'impact', title: { ro: 'Impact' }, weight: 60 },
            { key: 'feasibility', title: { ro: 'Fezabilitate' }, weight: 40 },
          ])}::jsonb,
          '2022-03-01', '2022-05-01', '2022-06-01', '2022-06-15')
        RETURNING id`)
      const submit = async (title: string, team: { name: string; role: string }[], eligibility: string) => {
        const [row] = await query(sql<{
          id: string
        }>`INSERT INTO portfolio.submissions (challenge_id, title, summary,
            team, pilot_plan, submitted_by, eligibility)
          VALUES (${call!.id}, ${JSON.stringify({ ro: title })}::jsonb, ${JSON.stringify({ ro: 'Rezumat' })}::jsonb,
            ${JSON.stringify(team)}::jsonb, ${JSON.stringify({ ro: 'Plan' })}::jsonb, gen_random_uuid(),
            ${eligibility})
          RETURNING id`)
        return row!.id
      }
      const first = await submit(
        'Grădini pe acoperișuri',
        [
          { name: 'Maria Ionescu', role: 'lead' },
          { name: 'Kovács Anna', role: 'design' },
        ],
        'eligible',
      )
      const second = await submit('Biciclete partajate', [], 'eligible')
      await submit('Copie', [{ name: ' maria ionescu', role: 'lead' }], 'ineligible')
      const jurors = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']
      const scores: [string, string, string, number][] = [
        [first, jurors[0]!, 'impact', 8],
        [first, jurors[0]!, 'feasibility', 6],
        [first, jurors[1]!, 'impact', 9],
        [first, jurors[1]!, 'feasibility', 7],
        [second, jurors[0]!, 'impact', 5],
        [second, jurors[0]!, 'feasibility', 5],
        [second, jurors[1]!, 'impact', 6],
        [second, jurors[1]!, 'feasibility', 6],
      ]
      for (const juror of jurors)
        await query(
          sql`INSERT INTO portfolio.jurors (challenge_id, person_id) VALUES (${call!.id}, ${juror})`,
        )
      for (const [submission, juror, criterion, score] of scores)
        await query(sql`INSERT INTO portfolio.scores (submission_id, person_id, criterion, score)
          VALUES (${submission}, ${juror}, ${criterion}, ${score})`)
      await query(sql`UPDATE portfolio.submissions SET project_id = ${reflow!.id} WHERE id = ${first}`)

      const unpublished = (await report(CHALLENGE_YEAR)).challenge
      assert.deepEqual(
        { ...unpublished, theme: unpublished?.theme.ro },
        {
          theme: 'Orașul verde',
          submissions: 3,
          participants: 3,
          published: false,
          publishedAt: null,
          ranking: [],
        },
      )
      await query(sql`UPDATE portfolio.challenges SET results_published_at = '2022-06-15T10:00:00Z'
        WHERE id = ${call!.id}`)
      const published = (await report(CHALLENGE_YEAR)).challenge!
      assert.equal(published.published, true)
      assert.deepEqual(
        published.ranking.map((entry) => [entry.rank, entry.title.ro, entry.score, entry.votes, entry.pilot]),
        [
          // (8×60 + 6×40) ÷ 100 = 7.2 and 8.2 → 7.7; (5, 6) → 5.5; the ineligible one is not ranked.
          [1, 'Grădini pe acoperișuri', 7.7, 0, 'reflow'],
          [2, 'Biciclete partajate', 5.5, 0, null],
        ],
      )
      assert.equal((await report(CHALLENGE_YEAR - 1)).challenge, null)
    })

    test('the PDF: Roboto prints Romanian and Hungarian, pages numbered', async (t) => {
      const started = performance.now()
      const response = await server.request(`/api/portfolio/reports/${CHALLENGE_YEAR}.pdf`)
      const requestMs = performance.now() - started
      assert.equal(response.status, 200)
      assert.equal(response.headers.get('content-type'), 'application/pdf')
      assert.equal(
        response.headers.get('content-disposition'),
        `inline; filename="raport-inovare-${CHALLENGE_YEAR}.pdf"`,
      )
      const pdf = Buffer.from(await response.arrayBuffer())
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
      assert.ok(pdf.length > 20_000, `${pdf.length} bytes`)
      const text = pdfText(pdf)
      for (const words of [
        'Raportul anual al Directorului de Inovare',
        'sfârșit',
        'Grădini pe acoperișuri',
        'Pagina 1 din',
      ])
        assert.ok(text.includes(words), words)

      const hungarian = await server.request(`/api/portfolio/reports/${CHALLENGE_YEAR}.pdf?lang=hu`)
      assert.equal(hungarian.status, 200)
      const hu = pdfText(Buffer.from(await hungarian.arrayBuffer()))
      for (const words of ['Az innovációs igazgató éves jelentése', 'Résztvevők', 'Zöld város', 'Kolozsvár'])
        assert.ok(hu.includes(words), words)
      // A text with no Hungarian falls back to Romanian.
      assert.ok(hu.includes('Grădini pe acoperișuri'))

      const english = await server.request(`/api/portfolio/reports/${YEAR}.pdf?lang=en`)
      assert.ok(
        pdfText(Buffer.from(await english.arrayBuffer())).includes("Each project's degree of completion"),
      )
      assert.equal((await server.request(`/api/portfolio/reports/${YEAR}.pdf?lang=de`)).status, 400)

      // A report of 60 projects, laid out and rendered.
      const current = await report()
      const items = Array.from({ length: 60 }, (_, index) => ({
        ...current.projects.items[index % current.projects.items.length]!,
        slug: `project-${index}`,
      }))
      const sixty = { ...current, projects: { ...current.projects, items } }
      await renderPdf(reportDocument(sixty, 'ro'))
      // Three runs: the fastest is the work itself, the slowest what a busy machine added.
      const runs: number[] = []
      let size = 0
      for (let run = 0; run < 3; run++) {
        const started = performance.now()
        size = (await renderPdf(reportDocument(sixty, 'ro'))).length
        runs.push(performance.now() - started)
      }
      const [fastest, median, slowest] = runs.sort((a, b) => a - b).map((ms) => ms.toFixed(0))
      const line =
        `[report timing ${backend.name}] first PDF over HTTP (report built, fonts loaded) ${requestMs.toFixed(0)} ms; ` +
        `60-project PDF rendered in ${fastest}/${median}/${slowest} ms (fastest/median/slowest), ${size} bytes`
      t.diagnostic(line)
      console.log(line)
    })

    test('the OpenAPI document describes the report', async () => {
      const document = (await (await server.request('/api/openapi.json')).json()) as {
        paths: Record<string, Record<string, unknown>>
      }
      assert.ok(document.paths['/api/portfolio/reports/{year}']?.get)
      assert.ok(document.paths['/api/portfolio/reports/{year}.pdf']?.get)
      assert.ok(document.paths['/api/portfolio/reports/{year}/plan']?.put)
    })

    test('years outside 2021 to now are refused with a problem', async () => {
      for (const path of ['2020', `${YEAR + 1}`, '2101', 'abc', '2020.pdf', `${YEAR + 1}.pdf`]) {
        const response = await server.request(`/api/portfolio/reports/${path}`)
        assert.equal(response.status, 400, path)
        assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, path)
      }
      const future = await server.request(`/api/portfolio/reports/${YEAR + 1}`)
      assert.equal(((await future.json()) as { code: string }).code, 'PORTFOLIO_REPORT_YEAR')
      assert.equal((await report(2021)).year, 2021)
    })
  })
}

/**
 * The text a PDF shows, for assertions: pdfkit writes glyph ids, so each font's ToUnicode map
 * turns them back into characters. Streams are inflated; fonts are named /F1, /F2… document-wide.
 */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1')
  const objects = new Map<string, { dictionary: string; stream: string }>()
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!
    const start = body.indexOf('stream')
    if (start < 0) {
      objects.set(match[1]!, { dictionary: body, stream: '' })
      continue
    }
    const dictionary = body.slice(0, start)
    const from =
      match.index + match[0].indexOf(body) + start + 'stream'.length + (body[start + 6] === '\r' ? 2 : 1)
    const to = source.lastIndexOf('endstream', match.index + match[0].length)
    let data = pdf.subarray(from, to)
    if (dictionary.includes('/FlateDecode')) data = inflateSync(data)
    objects.set(match[1]!, { dictionary, stream: data.toString('latin1') })
  }
  const maps = new Map<string, Map<string, string>>()
  for (const [, name, id] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const unicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(id!)?.dictionary ?? '')
    const cmap = objects.get(unicode?.[1] ?? '')?.stream
    if (!cmap) continue
    const glyphs = new Map<string, string>()
    for (const [, first, list] of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
      // A ligature maps to several characters: <0066 0069> is "fi".
      const codes = list!.match(/<[0-9a-f ]+>/gi) ?? []
      codes.forEach((code, index) => {
        const hex = code.slice(1, -1).replaceAll(' ', '')
        const units = hex.match(/.{4}/g)!.map((unit) => Number.parseInt(unit, 16))
        glyphs.set(
          (Number.parseInt(first!, 16) + index).toString(16).padStart(4, '0'),
          String.fromCharCode(...units),
        )
      })
    }
    maps.set(name!, glyphs)
  }
  // pdfmake writes each word on its own (with its trailing space); a new line starts where the baseline moves.
  let text = ''
  for (const { stream } of objects.values()) {
    let font = new Map<string, string>()
    let line = ''
    for (const [, y, name, hex] of stream.matchAll(/ ([\d.-]+) Tm|\/(F\d+) [\d.]+ Tf|<([0-9a-fA-F]+)>/g)) {
      if (y !== undefined) {
        if (y !== line) text += '\n'
        line = y
      } else if (name) font = maps.get(name) ?? font
      else if (hex)
        text += (hex.match(/.{4}/g) ?? []).map((glyph) => font.get(glyph.toLowerCase()) ?? '').join('')
    }
  }
  return text
}
