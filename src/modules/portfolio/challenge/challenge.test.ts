import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../../test/support/demo.ts'
import type { SessionClient } from '../../../../test/support/session-client.ts'
import type { Call, PublicSubmission, Results, Submission } from './challenge-schemas.ts'
import { loadDemoChallenge } from './demo-challenge.ts'
import { challengeMeasurements } from './measurements.ts'

const OFFICE = 'inovare@cluj-napoca.example'
const ANA = 'ana@cluj-napoca.example' // eIDAS low
const LASZLO = 'laszlo@cluj-napoca.example' // substantial
const MARIA = 'maria@cluj-napoca.example' // high
const JUROR_ONE = 'date@cluj-napoca.example'
const JUROR_TWO = 'ghiseu@cluj-napoca.example'
const YEAR = 2031
const base = `/api/portfolio/challenges/${YEAR}`

const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

const criteria = [
  { key: 'impact', title: { ro: 'Impact', en: 'Impact' }, weight: 50 },
  { key: 'feasibility', title: { ro: 'Fezabilitate' }, weight: 30 },
  { key: 'innovation', title: { ro: 'Inovare' }, weight: 20 },
]

const call = {
  year: YEAR,
  theme: { ro: 'Orașul care ascultă', en: 'The city that listens' },
  description: { ro: 'Idei pentru servicii digitale care ascultă locuitorii.' },
  objectives: ['objective-1', 'objective-3', 'transversal'],
  criteria,
  dates: {
    submissionsOpen: at(-60),
    submissionsClose: at(60),
    evaluationClose: at(120),
    votingOpen: at(60),
    votingClose: at(120),
    resultsAt: at(180),
  },
}

const proposal = (title: string, team: { name: string; role: string }[] = []) => ({
  title: { ro: title },
  summary: { ro: `Rezumat: ${title}` },
  objectives: ['objective-1'],
  team,
  budgetAsked: 25_000,
  pilotPlan: { ro: 'Trei luni de test într-un cartier.' },
})

const scores = (impact: number, feasibility: number, innovation: number) => ({
  scores: [
    { criterion: 'impact', score: impact, comment: 'Bine argumentat' },
    { criterion: 'feasibility', score: feasibility },
    { criterion: 'innovation', score: innovation },
  ],
})

async function problemOf(response: Response, status: number, code: string): Promise<{ detail: string }> {
  const body = await response.text()
  assert.equal(response.status, status, body)
  const problem = JSON.parse(body) as { code: string; detail: string }
  assert.equal(problem.code, code)
  return problem
}

for (const backend of testBackends()) {
  describe(`the yearly challenge on ${backend.name}`, { timeout: 300_000 }, () => {
    let database: TestDatabase
    let server: DemoCetate
    let office: SessionClient
    let ana: SessionClient
    let laszlo: SessionClient
    let maria: SessionClient
    let jurorOne: SessionClient
    let jurorTwo: SessionClient
    const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' }

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
      office = await server.signedIn(OFFICE)
      ana = await server.signedIn(ANA)
      laszlo = await server.signedIn(LASZLO)
      maria = await server.signedIn(MARIA)
      jurorOne = await server.signedIn(JUROR_ONE)
      jurorTwo = await server.signedIn(JUROR_TWO)
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    const patchDates = async (dates: Partial<typeof call.dates>) => {
      const current = await office.json<Call>(base)
      return office.request(base, { method: 'PATCH', json: { dates: { ...current.dates, ...dates } } })
    }

    test('only the office opens a call; weights must sum to 100 and dates come in order', async () => {
      await problemOf(
        await server.request('/api/portfolio/challenges', { method: 'POST' }),
        401,
        'AUTH_REQUIRED',
      )
      await problemOf(
        await ana.request('/api/portfolio/challenges', { method: 'POST', json: call }),
        403,
        'FORBIDDEN',
      )
      const weights = criteria.map((criterion) => ({ ...criterion, weight: criterion.weight - 5 }))
      const badWeights = await office.request('/api/portfolio/challenges', {
        method: 'POST',
        json: { ...call, criteria: weights },
      })
      assert.match((await problemOf(badWeights, 400, 'PORTFOLIO_WEIGHTS_NOT_100')).detail, /sum to 85/)
      const reversed = await office.request('/api/portfolio/challenges', {
        method: 'POST',
        json: { ...call, dates: { ...call.dates, evaluationClose: at(30) } },
      })
      assert.match((await problemOf(reversed, 400, 'PORTFOLIO_DATES_OUT_OF_ORDER')).detail, /evaluationClose/)
      const earlyVote = await office.request('/api/portfolio/challenges', {
        method: 'POST',
        json: { ...call, dates: { ...call.dates, votingOpen: at(0) } },
      })
      assert.match((await problemOf(earlyVote, 400, 'PORTFOLIO_DATES_OUT_OF_ORDER')).detail, /votingOpen/)
      const unknownObjective = await office.request('/api/portfolio/challenges', {
        method: 'POST',
        json: { ...call, objectives: ['objective-12'] },
      })
      assert.equal(unknownObjective.status, 400)
    })

    test('the office opens the call; anyone reads it with its phase; a year has one call', async () => {
      const response = await office.request('/api/portfolio/challenges', { method: 'POST', json: call })
      assert.equal(response.status, 201, await response.clone().text())
      const created = (await response.json()) as Call
      assert.equal(created.phase, 'submissions')
      assert.equal(created.publicVote, true)
      const again = await office.request('/api/portfolio/challenges', { method: 'POST', json: call })
      await problemOf(again, 409, 'PORTFOLIO_CHALLENGE_YEAR_TAKEN')
      const later = await office.request('/api/portfolio/challenges', {
        method: 'POST',
        json: {
          ...call,
          year: YEAR + 1,
          dates: {
            submissionsOpen: at(600),
            submissionsClose: at(700),
            evaluationClose: at(800),
            resultsAt: at(900),
          },
        },
      })
      assert.equal(((await later.json()) as Call).phase, 'upcoming')
      const list = (await (await server.request('/api/portfolio/challenges')).json()) as { items: Call[] }
      assert.deepEqual(
        // The demo's 2026 challenge is there too; these are the test's own calls.
        list.items.filter((item) => item.year >= YEAR).map((item) => [item.year, item.phase]),
        [
          [YEAR + 1, 'upcoming'],
          [YEAR, 'submissions'],
        ],
      )
      const early = await ana.request(`/api/portfolio/challenges/${YEAR + 1}/submissions`, {
        method: 'POST',
        json: proposal('Prea devreme'),
      })
      await problemOf(early, 409, 'PORTFOLIO_SUBMISSIONS_NOT_OPEN')
      const noVote = await maria.request(`/api/portfolio/challenges/${YEAR + 1}/votes`, {
        method: 'POST',
        json: { submission: '00000000-0000-4000-8000-000000000000' },
      })
      await problemOf(noVote, 409, 'PORTFOLIO_NO_PUBLIC_VOTE')
    })

    test('residents submit and edit before the deadline; the public sees nothing yet', async () => {
      await problemOf(await server.request(`${base}/submissions`, { method: 'POST' }), 401, 'AUTH_REQUIRED')
      const first = await ana.request(`${base}/submissions`, {
        method: 'POST',
        json: proposal('Harta zgomotului', [
          { name: 'Ana M.', role: 'coordonatoare' },
          { name: 'Echipa Zgomot', role: 'dezvoltare' },
        ]),
      })
      assert.equal(first.status, 201, await first.clone().text())
      ids.a = ((await first.json()) as Submission).id
      ids.b = (
        await laszlo.json<Submission>(`${base}/submissions`, {
          method: 'POST',
          json: proposal('Bănci inteligente', [{ name: 'Kovács L.', role: 'lider' }]),
        })
      ).id
      ids.c = (
        await maria.json<Submission>(`${base}/submissions`, {
          method: 'POST',
          json: proposal('Grădini pe acoperiș'),
        })
      ).id
      ids.d = (
        await ana.json<Submission>(`${base}/submissions`, {
          method: 'POST',
          json: proposal('Ceva în afara temei'),
        })
      ).id
      const withdrawn = await ana.json<Submission>(`${base}/submissions`, {
        method: 'POST',
        json: proposal('Retrasă'),
      })
      const withdraw = await ana.request(`${base}/submissions/${withdrawn.id}`, { method: 'DELETE' })
      assert.equal(withdraw.status, 204)

      const outside = await ana.request(`${base}/submissions`, {
        method: 'POST',
        json: { ...proposal('X'), objectives: ['objective-2'] },
      })
      await problemOf(outside, 400, 'PORTFOLIO_OBJECTIVE_NOT_TARGETED')
      const forOthers = await ana.request(`${base}/submissions`, {
        method: 'POST',
        json: { ...proposal('X'), organisation: 'oficiul-de-inovare' },
      })
      await problemOf(forOthers, 403, 'PORTFOLIO_NOT_A_MEMBER')
      const negative = await ana.request(`${base}/submissions`, {
        method: 'POST',
        json: { ...proposal('X'), budgetAsked: -1 },
      })
      assert.equal(negative.status, 400)

      const edited = await ana.json<Submission>(`${base}/submissions/${ids.a}`, {
        method: 'PATCH',
        json: { title: { ro: 'Harta zgomotului urban' }, budgetAsked: 40_000 },
      })
      assert.equal(edited.title.ro, 'Harta zgomotului urban')
      assert.equal(edited.budgetAsked, 40_000)
      const notHers = await laszlo.request(`${base}/submissions/${ids.a}`, {
        method: 'PATCH',
        json: { title: { ro: 'Furat' } },
      })
      await problemOf(notHers, 404, 'PORTFOLIO_SUBMISSION_NOT_FOUND')
      const mine = await ana.json<{ items: Submission[] }>(`${base}/submissions/mine`)
      assert.deepEqual(mine.items.map((item) => item.id).sort(), [ids.a, ids.d].sort())
      const visible = (await (await server.request(`${base}/submissions`)).json()) as { items: unknown[] }
      assert.deepEqual(visible.items, [])
      const tooEarly = await office.request(`${base}/submissions/${ids.a}/eligibility`, {
        method: 'PUT',
        json: { eligibility: 'eligible', reason: 'ok' },
      })
      await problemOf(tooEarly, 409, 'PORTFOLIO_SUBMISSIONS_STILL_OPEN')
    })

    test('the office appoints the jury; nobody scores before the deadline', async () => {
      const appointed = await office.request(`${base}/jurors`, { method: 'POST', json: { email: JUROR_ONE } })
      assert.equal(appointed.status, 201, await appointed.clone().text())
      await office.json(`${base}/jurors`, { method: 'POST', json: { email: JUROR_TWO } })
      const unknown = await office.request(`${base}/jurors`, {
        method: 'POST',
        json: { email: 'nobody@cluj-napoca.example' },
      })
      await problemOf(unknown, 400, 'PORTFOLIO_PERSON_UNKNOWN')
      const byCitizen = await ana.request(`${base}/jurors`, { method: 'POST', json: { email: ANA } })
      assert.equal(byCitizen.status, 403)
      const early = await jurorOne.request(`${base}/submissions/${ids.a}/scores`, {
        method: 'PUT',
        json: scores(5, 5, 5),
      })
      await problemOf(early, 409, 'PORTFOLIO_NOT_EVALUATING')
    })

    test('after the deadline submissions are frozen, naming the deadline', async () => {
      const closed = await patchDates({ submissionsClose: at(-1), votingOpen: at(-1) })
      assert.equal(closed.status, 200, await closed.clone().text())
      assert.equal(((await closed.json()) as Call).phase, 'voting')
      const edit = await ana.request(`${base}/submissions/${ids.a}`, {
        method: 'PATCH',
        json: { title: { ro: 'Prea târziu' } },
      })
      const problem = await problemOf(edit, 409, 'PORTFOLIO_SUBMISSIONS_CLOSED')
      assert.match(problem.detail, /deadline .* was \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)
      await problemOf(
        await ana.request(`${base}/submissions/${ids.a}`, { method: 'DELETE' }),
        409,
        'PORTFOLIO_SUBMISSIONS_CLOSED',
      )
      await problemOf(
        await ana.request(`${base}/submissions`, { method: 'POST', json: proposal('Târziu') }),
        409,
        'PORTFOLIO_SUBMISSIONS_CLOSED',
      )
    })

    test('the office decides eligibility; the public then sees eligible submissions without personal data', async () => {
      for (const id of [ids.a, ids.b, ids.c])
        await office.json(`${base}/submissions/${id}/eligibility`, {
          method: 'PUT',
          json: { eligibility: 'eligible', reason: 'Îndeplinește condițiile apelului' },
        })
      const ineligible = await office.json<Submission>(`${base}/submissions/${ids.d}/eligibility`, {
        method: 'PUT',
        json: { eligibility: 'ineligible', reason: 'În afara temei apelului' },
      })
      assert.equal(ineligible.eligibility, 'ineligible')
      const byCitizen = await ana.request(`${base}/submissions/${ids.a}/eligibility`, {
        method: 'PUT',
        json: { eligibility: 'eligible', reason: 'eu zic' },
      })
      assert.equal(byCitizen.status, 403)
      const all = await office.json<{ items: Submission[] }>(`${base}/submissions/all`)
      assert.equal(all.items.length, 4)
      const response = await server.request(`${base}/submissions`)
      const text = await response.text()
      const items = (JSON.parse(text) as { items: PublicSubmission[] }).items
      assert.deepEqual(items.map((item) => item.id).sort(), [ids.a, ids.b, ids.c].sort())
      assert.deepEqual(Object.keys(items[0]!).sort(), [
        'id',
        'objectives',
        'organisation',
        'summary',
        'team',
        'title',
      ])
      const { rows } = await sql<{ id: string }>`SELECT id FROM identity.people
        WHERE email = ${ANA}`.execute(server.cetate.context.db)
      assert.ok(
        !text.includes(rows[0]!.id) && !text.includes('@'),
        'no person id or email in the public list',
      )
    })

    test('jurors score independently; a conflict blocks scoring; nobody sees the others before the close', async () => {
      const one = await jurorOne.json<{ scores: unknown[] }>(`${base}/submissions/${ids.a}/scores`, {
        method: 'PUT',
        json: scores(8, 6, 9),
      })
      assert.equal(one.scores.length, 3)
      await jurorOne.json(`${base}/submissions/${ids.b}/scores`, { method: 'PUT', json: scores(9, 5, 5) })
      await jurorOne.json(`${base}/submissions/${ids.c}/scores`, { method: 'PUT', json: scores(6, 8, 8) })
      await jurorTwo.json(`${base}/submissions/${ids.a}/scores`, { method: 'PUT', json: scores(7, 7, 7) })
      await jurorTwo.json(`${base}/submissions/${ids.c}/scores`, { method: 'PUT', json: scores(7, 7, 7) })
      // A score given before declaring a conflict is voided by the declaration.
      await jurorTwo.json(`${base}/submissions/${ids.b}/scores`, { method: 'PUT', json: scores(1, 1, 1) })
      const conflict = await jurorTwo.request(`${base}/submissions/${ids.b}/conflict`, {
        method: 'PUT',
        json: { reason: 'Am lucrat cu echipa în 2030' },
      })
      assert.equal(conflict.status, 204, await conflict.clone().text())
      await problemOf(
        await jurorTwo.request(`${base}/submissions/${ids.b}/scores`, {
          method: 'PUT',
          json: scores(10, 10, 10),
        }),
        409,
        'PORTFOLIO_CONFLICT_DECLARED',
      )
      await problemOf(
        await jurorOne.request(`${base}/submissions/${ids.d}/scores`, {
          method: 'PUT',
          json: scores(5, 5, 5),
        }),
        409,
        'PORTFOLIO_SUBMISSION_NOT_ELIGIBLE',
      )
      await problemOf(
        await ana.request(`${base}/submissions/${ids.a}/scores`, { method: 'PUT', json: scores(10, 10, 10) }),
        403,
        'PORTFOLIO_NOT_A_JUROR',
      )
      const unknownCriterion = await jurorOne.request(`${base}/submissions/${ids.a}/scores`, {
        method: 'PUT',
        json: { scores: [{ criterion: 'beauty', score: 5 }] },
      })
      await problemOf(unknownCriterion, 400, 'PORTFOLIO_CRITERION_UNKNOWN')
      const tooHigh = await jurorOne.request(`${base}/submissions/${ids.a}/scores`, {
        method: 'PUT',
        json: { scores: [{ criterion: 'impact', score: 11 }] },
      })
      assert.equal(tooHigh.status, 400)

      const sealed = await problemOf(await jurorOne.request(`${base}/scores`), 403, 'PORTFOLIO_SCORES_SEALED')
      assert.match(sealed.detail, /sealed until the evaluation closes/)
      await problemOf(await office.request(`${base}/scores`), 403, 'PORTFOLIO_SCORES_SEALED')
      await problemOf(await office.request(`${base}/results`), 409, 'PORTFOLIO_EVALUATION_OPEN')
      await problemOf(await server.request(`${base}/results`), 409, 'PORTFOLIO_RESULTS_NOT_PUBLISHED')

      const work = await jurorOne.json<{
        submissions: { submission: Submission; conflict: string | null; scores: { score: number }[] }[]
      }>(`${base}/jury/mine`)
      assert.equal(work.submissions.length, 3)
      const onA = work.submissions.find((entry) => entry.submission.id === ids.a)!
      assert.deepEqual(
        onA.scores.map((score) => score.score),
        [8, 6, 9],
        "only their own scores, in the call's criterion order",
      )
      const mineTwo = await jurorTwo.json<{
        submissions: { submission: Submission; conflict: string | null }[]
      }>(`${base}/jury/mine`)
      assert.equal(
        mineTwo.submissions.find((entry) => entry.submission.id === ids.b)?.conflict,
        'Am lucrat cu echipa în 2030',
      )
      await problemOf(await ana.request(`${base}/jury/mine`), 403, 'PORTFOLIO_NOT_A_JUROR')

      const progress = await office.json<{ items: { email: string; scored: number; conflicts: number }[] }>(
        `${base}/jurors`,
      )
      assert.deepEqual(progress.items.map((juror) => [juror.email, juror.scored, juror.conflicts]).sort(), [
        [JUROR_ONE, 3, 0],
        [JUROR_TWO, 2, 1],
      ])
    })

    test('one vote per verified resident; an unverified one is told how to get verified', async () => {
      const unverified = await problemOf(
        await ana.request(`${base}/votes`, { method: 'POST', json: { submission: ids.a } }),
        403,
        'PORTFOLIO_VERIFICATION_REQUIRED',
      )
      assert.match(unverified.detail, /identity checked at a city hall desk/)
      const vote = await laszlo.request(`${base}/votes`, { method: 'POST', json: { submission: ids.b } })
      assert.equal(vote.status, 201, await vote.clone().text())
      await problemOf(
        await laszlo.request(`${base}/votes`, { method: 'POST', json: { submission: ids.c } }),
        409,
        'PORTFOLIO_ALREADY_VOTED',
      )
      await maria.json(`${base}/votes`, { method: 'POST', json: { submission: ids.c } })
      await jurorTwo.json(`${base}/votes`, { method: 'POST', json: { submission: ids.c } })
      await problemOf(
        await office.request(`${base}/votes`, { method: 'POST', json: { submission: ids.d } }),
        409,
        'PORTFOLIO_SUBMISSION_NOT_ELIGIBLE',
      )
      assert.equal((await laszlo.json<{ submission: string }>(`${base}/votes/mine`)).submission, ids.b)
      assert.equal((await ana.json<{ submission: string | null }>(`${base}/votes/mine`)).submission, null)
      await problemOf(
        await office.request(`${base}/results/publish`, { method: 'POST' }),
        409,
        'PORTFOLIO_EVALUATION_OPEN',
      )
    })

    test('after the close jurors see every score; the ranking weighs criteria and breaks ties by votes', async () => {
      const closed = await patchDates({
        evaluationClose: at(-0.5),
        votingClose: at(-0.5),
        resultsAt: at(-0.5),
      })
      assert.equal(((await closed.json()) as Call).phase, 'awaiting_results')
      await problemOf(
        await jurorOne.request(`${base}/submissions/${ids.a}/scores`, {
          method: 'PUT',
          json: scores(1, 1, 1),
        }),
        409,
        'PORTFOLIO_NOT_EVALUATING',
      )
      await problemOf(
        await jurorTwo.request(`${base}/submissions/${ids.a}/conflict`, {
          method: 'PUT',
          json: { reason: 'late' },
        }),
        409,
        'PORTFOLIO_EVALUATION_CLOSED',
      )
      const every = await jurorOne.json<{
        submissions: { id: string; jurors: { juror: string; conflict: string | null; scores: unknown[] }[] }[]
      }>(`${base}/scores`)
      const onB = every.submissions.find((entry) => entry.id === ids.b)!
      const scoresBy = (conflict: string | null) =>
        onB.jurors.find((juror) => juror.conflict === conflict)?.scores.length
      assert.equal(onB.jurors.length, 2)
      assert.equal(scoresBy('Am lucrat cu echipa în 2030'), 0, 'the conflicted juror scored nothing on B')
      assert.equal(scoresBy(null), 3, "the other juror's scores are visible now")
      await problemOf(await ana.request(`${base}/scores`), 403, 'PORTFOLIO_NOT_A_JUROR')

      const preview = await office.json<Results>(`${base}/results`)
      assert.equal(preview.published, false)
      // A: (8×50 + 6×30 + 9×20)/100 = 7.6 and 7 → 7.3; C: 7.0 and 7.0 → 7, 2 votes; B: 7.0 (one juror), 1 vote.
      assert.deepEqual(
        preview.ranking.map((entry) => [
          entry.rank,
          entry.submission.id,
          entry.juryScore,
          entry.jurors,
          entry.votes,
        ]),
        [
          [1, ids.a, 7.3, 2, 0],
          [2, ids.c, 7, 2, 2],
          [3, ids.b, 7, 1, 1],
        ],
      )
      await problemOf(
        await office.request(`${base}/submissions/${ids.a}/pilot`, { method: 'POST' }),
        409,
        'PORTFOLIO_RESULTS_NOT_PUBLISHED',
      )
    })

    test('the office publishes: the results are public and frozen', async () => {
      await problemOf(await ana.request(`${base}/results/publish`, { method: 'POST' }), 403, 'FORBIDDEN')
      const published = await office.json<Results>(`${base}/results/publish`, { method: 'POST' })
      assert.equal(published.published, true)
      await problemOf(
        await office.request(`${base}/results/publish`, { method: 'POST' }),
        409,
        'PORTFOLIO_RESULTS_PUBLISHED',
      )
      await problemOf(
        await office.request(base, { method: 'PATCH', json: { theme: { ro: 'Altă temă' } } }),
        409,
        'PORTFOLIO_RESULTS_PUBLISHED',
      )
      await problemOf(
        await office.request(`${base}/submissions/${ids.d}/eligibility`, {
          method: 'PUT',
          json: { eligibility: 'eligible', reason: 'răzgândit' },
        }),
        409,
        'PORTFOLIO_RESULTS_PUBLISHED',
      )
      const response = await server.request(`${base}/results`)
      const text = await response.text()
      const results = JSON.parse(text) as Results
      assert.deepEqual(
        results.ranking.map((entry) => [entry.submission.id, entry.juryScore, entry.votes]),
        [
          [ids.a, 7.3, 0],
          [ids.c, 7, 2],
          [ids.b, 7, 1],
        ],
      )
      assert.ok(!text.includes('@'), 'no email in the public results')
      assert.equal(((await (await server.request(base)).json()) as Call).phase, 'results')
    })

    test('the winner becomes a pilot project in one step', async () => {
      const byCitizen = await ana.request(`${base}/submissions/${ids.a}/pilot`, { method: 'POST' })
      assert.equal(byCitizen.status, 403)
      const response = await office.request(`${base}/submissions/${ids.a}/pilot`, { method: 'POST' })
      assert.equal(response.status, 201, await response.clone().text())
      const pilot = (await response.json()) as {
        slug: string
        kind: string
        status: string
        pilotStage: string
        origin: string
      }
      assert.equal(pilot.kind, 'pilot')
      assert.equal(pilot.status, 'proposed')
      assert.equal(pilot.pilotStage, 'proof_of_concept')
      assert.equal(pilot.origin, 'challenge')
      const { rows } = await sql<{
        title: { ro: string }
        budget: number
        partners: string[]
        objective_keys: string[]
      }>`SELECT title, budget::float8 AS budget, partners, objective_keys FROM portfolio.projects
        WHERE slug = ${pilot.slug}`.execute(server.cetate.context.db)
      assert.deepEqual(rows[0], {
        title: { ro: 'Harta zgomotului urban' },
        budget: 40_000,
        partners: ['Ana M.', 'Echipa Zgomot'],
        objective_keys: ['objective-1'],
      })
      await problemOf(
        await office.request(`${base}/submissions/${ids.a}/pilot`, { method: 'POST' }),
        409,
        'PORTFOLIO_ALREADY_PILOT',
      )
      await problemOf(
        await office.request(`${base}/submissions/${ids.d}/pilot`, { method: 'POST' }),
        409,
        'PORTFOLIO_SUBMISSION_NOT_ELIGIBLE',
      )
      const results = (await (await server.request(`${base}/results`)).json()) as Results
      assert.equal(results.ranking[0]?.project, pilot.slug)
    })

    test('every office action is in the audit log; the metrics count the latest call', async () => {
      const { rows } = await sql<{ action: string; count: number }>`SELECT action, count(*)::int AS count
        FROM platform.audit_log WHERE action LIKE 'portfolio.challenge.%' AND request_id IS DISTINCT FROM 'demo'
        GROUP BY action ORDER BY action`.execute(server.cetate.context.db)
      assert.deepEqual(Object.fromEntries(rows.map((row) => [row.action, row.count])), {
        'portfolio.challenge.change': 2,
        'portfolio.challenge.conflict': 1,
        'portfolio.challenge.create': 2,
        'portfolio.challenge.eligibility': 4,
        'portfolio.challenge.juror.appoint': 2,
        'portfolio.challenge.pilot': 1,
        'portfolio.challenge.publish': 1,
      })
      const db = server.cetate.context.db
      const measure = (name: string) =>
        challengeMeasurements.find((entry) => entry.name === name)!.measure(db)
      assert.equal(await measure('portfolio.challenge.submissions'), 4)
      // Named team members Ana M., Echipa Zgomot, Kovács L.; Maria and Ana's second entry name no team (2 people).
      assert.equal(await measure('portfolio.challenge.participants'), 5)
    })

    test('the demo loader adds the finished 2026 challenge once, its winner a pilot', async () => {
      // The demo pack loaded it with the server; a second run changes nothing.
      assert.equal(await loadDemoChallenge(server.cetate.context), undefined)
      const results = (await (
        await server.request('/api/portfolio/challenges/2026/results')
      ).json()) as Results
      assert.equal(results.published, true)
      assert.deepEqual(
        results.ranking.map((entry) => [entry.juryScore, entry.votes]),
        [
          [8.25, 1],
          [8.15, 1],
          [7.3, 0],
        ],
      )
      assert.ok(results.ranking[0]?.project)
      assert.ok(
        results.ranking.every((entry) => entry.submission.summary.ro.includes('Exemplu demonstrativ')),
      )
    })
  })
}
