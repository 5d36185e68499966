import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { mayManage, type RequestFacts, requireManager, resultsFrozen, when } from './access.ts'
import { loadCall } from './calls.ts'
import type { Results } from './challenge-schemas.ts'
import { type ChallengeRow, markResultsPublished, selectSubmissions } from './challenge-store.ts'
import { selectConflicts, selectJurorIds, selectScores, selectVoteCounts } from './jury-store.ts'
import { evaluationClosed } from './phase.ts'
import { rank } from './ranking.ts'
import { organisationsById, toPublicSubmission } from './submissions.ts'

/** The ranking from the data as it stands; frozen in effect once published, since nothing may change then. */
export async function rankingOf(context: ModuleContext, call: ChallengeRow): Promise<Results> {
  const submissions = (await selectSubmissions(context.db, call.id)).filter(
    (row) => row.eligibility === 'eligible',
  )
  const jurors = new Set(await selectJurorIds(context.db, call.id))
  const scores = (await selectScores(context.db, call.id)).filter((score) => jurors.has(score.person_id))
  const conflicts = new Set(
    (await selectConflicts(context.db, call.id)).map((row) => `${row.submission_id}|${row.person_id}`),
  )
  const votes = call.public_vote ? await selectVoteCounts(context.db, call.id) : new Map<string, number>()
  const ranked = rank(
    call.criteria,
    submissions.map((row) => ({ id: row.id, createdAt: row.created_at })),
    scores,
    conflicts,
    votes,
  )
  const organisations = await organisationsById(context)
  const byId = new Map(submissions.map((row) => [row.id, row]))
  return {
    year: call.year,
    published: call.results_published_at !== null,
    publishedAt: call.results_published_at?.toISOString() ?? null,
    ranking: ranked.map((entry, index) => {
      const row = byId.get(entry.submissionId)!
      return {
        rank: index + 1,
        submission: toPublicSubmission(row, organisations),
        juryScore: entry.juryScore,
        jurors: entry.jurors,
        votes: entry.votes,
        project: row.project_slug,
      }
    }),
  }
}

/** Public once published; the office previews them once the evaluation has closed. */
export async function getResults(context: ModuleContext, actor: Actor, year: number): Promise<Results> {
  const call = await loadCall(context, year)
  if (call.results_published_at) return rankingOf(context, call)
  if (!(await mayManage(context, actor)))
    throw new Problem(
      409,
      'PORTFOLIO_RESULTS_NOT_PUBLISHED',
      'The results are not published yet',
      `The results of the ${year} challenge are due on ${when(call.results_at)}.`,
    )
  requireEvaluationClosed(call)
  return rankingOf(context, call)
}

function requireEvaluationClosed(call: ChallengeRow): void {
  const now = new Date()
  if (!evaluationClosed(call, now))
    throw new Problem(
      409,
      'PORTFOLIO_EVALUATION_OPEN',
      'The evaluation is still open',
      `The jury's totals stay sealed until the evaluation closes on ${when(call.evaluation_close)}.`,
    )
  if (call.public_vote && call.voting_close && now < call.voting_close)
    throw new Problem(
      409,
      'PORTFOLIO_VOTING_OPEN',
      'The public vote is still open',
      `The public vote closes on ${when(call.voting_close)}; the ranking needs its final count.`,
    )
}

export async function publishResults(
  context: ModuleContext,
  actor: Actor,
  year: number,
  request: RequestFacts,
): Promise<Results> {
  await requireManager(context, actor, 'publish the results')
  const call = await loadCall(context, year)
  if (call.results_published_at) throw resultsFrozen(year)
  requireEvaluationClosed(call)
  const results = await rankingOf(context, call)
  await context.db.transaction().execute(async (trx) => {
    if (!(await markResultsPublished(trx, call.id))) throw resultsFrozen(year)
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'portfolio.challenge.publish',
      target: { type: 'challenge', id: String(year) },
      outcome: 'success',
      details: {
        ranking: results.ranking.map((entry) => ({
          submission: entry.submission.id,
          score: entry.juryScore,
        })),
      },
      requestId: request.requestId,
    })
  })
  return rankingOf(context, await loadCall(context, year))
}
