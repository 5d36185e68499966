import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { colleaguesByIds, findColleagueByEmail } from '../../identity/index.ts'
import {
  mayManage,
  personOf,
  type RequestFacts,
  requireManager,
  resultsFrozen,
  submissionNotFound,
  when,
} from './access.ts'
import { loadCall } from './calls.ts'
import type { Juror, ScoreInput } from './challenge-schemas.ts'
import { type ChallengeRow, selectSubmission, selectSubmissions } from './challenge-store.ts'
import {
  deleteJuror,
  insertConflict,
  insertJuror,
  isJuror,
  type ScoreRow,
  selectConflicts,
  selectJurorIds,
  selectScores,
  upsertScore,
} from './jury-store.ts'
import { evaluating, evaluationClosed } from './phase.ts'
import { organisationsById, toSubmission } from './submissions.ts'

const toScore = (row: ScoreRow) => ({ criterion: row.criterion, score: row.score, comment: row.comment })

/** Scores in the order the call lists its criteria. */
function scoresOf(call: ChallengeRow, rows: readonly ScoreRow[]) {
  const order = call.criteria.map((criterion) => criterion.key)
  return [...rows].sort((a, b) => order.indexOf(a.criterion) - order.indexOf(b.criterion)).map(toScore)
}

/** The office's view of the jury: who is on it and how far each has got (never the scores themselves). */
export async function listJurors(context: ModuleContext, actor: Actor, year: number): Promise<Juror[]> {
  await requireManager(context, actor, 'see the jury')
  const call = await loadCall(context, year)
  const ids = await selectJurorIds(context.db, call.id)
  const names = await colleaguesByIds(context.db, ids)
  const scores = await selectScores(context.db, call.id)
  const conflicts = await selectConflicts(context.db, call.id)
  const criteria = call.criteria.length
  return ids
    .map((id) => {
      const perSubmission = new Map<string, number>()
      for (const score of scores)
        if (score.person_id === id)
          perSubmission.set(score.submission_id, (perSubmission.get(score.submission_id) ?? 0) + 1)
      return {
        id,
        displayName: names.get(id)?.displayName ?? '',
        email: names.get(id)?.email ?? '',
        scored: [...perSubmission.values()].filter((count) => count === criteria).length,
        conflicts: conflicts.filter((conflict) => conflict.person_id === id).length,
      }
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
}

export async function appointJuror(
  context: ModuleContext,
  actor: Actor,
  year: number,
  email: string,
  request: RequestFacts,
): Promise<Juror[]> {
  await requireManager(context, actor, 'appoint jurors')
  const call = await loadCall(context, year)
  if (call.results_published_at) throw resultsFrozen(year)
  const person = await findColleagueByEmail(context.db, email)
  if (!person)
    throw new Problem(
      400,
      'PORTFOLIO_PERSON_UNKNOWN',
      'No account with that email',
      `Nobody has an account with ${email}; ask the juror to sign up first, then appoint them.`,
    )
  await context.db.transaction().execute(async (trx) => {
    if (!(await insertJuror(trx, call.id, person.id))) return
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'portfolio.challenge.juror.appoint',
      target: { type: 'challenge', id: String(year) },
      outcome: 'success',
      details: { juror: person.id },
      requestId: request.requestId,
    })
  })
  return listJurors(context, actor, year)
}

export async function removeJuror(
  context: ModuleContext,
  actor: Actor,
  year: number,
  personId: string,
  request: RequestFacts,
): Promise<void> {
  await requireManager(context, actor, 'change the jury')
  const call = await loadCall(context, year)
  if (call.results_published_at) throw resultsFrozen(year)
  await context.db.transaction().execute(async (trx) => {
    if (!(await deleteJuror(trx, call.id, personId)))
      throw new Problem(
        404,
        'PORTFOLIO_JUROR_NOT_FOUND',
        'Not a juror',
        `That person is not on the ${year} jury.`,
      )
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'portfolio.challenge.juror.remove',
      target: { type: 'challenge', id: String(year) },
      outcome: 'success',
      details: { juror: personId },
      requestId: request.requestId,
    })
  })
}

async function requireJuror(context: ModuleContext, actor: Actor, call: ChallengeRow): Promise<string> {
  const personId = personOf(actor)
  if (!(await isJuror(context.db, call.id, personId)))
    throw new Problem(
      403,
      'PORTFOLIO_NOT_A_JUROR',
      'Not on the jury',
      `Only the jurors the Innovation Office appointed to the ${call.year} challenge may do this.`,
    )
  return personId
}

async function eligibleSubmission(context: ModuleContext, call: ChallengeRow, id: string) {
  const row = await selectSubmission(context.db, call.id, id)
  if (!row) throw submissionNotFound(id)
  if (row.eligibility !== 'eligible')
    throw new Problem(
      409,
      'PORTFOLIO_SUBMISSION_NOT_ELIGIBLE',
      'Not an eligible submission',
      'The jury scores only submissions the office has found eligible.',
    )
  return row
}

export async function declareConflict(
  context: ModuleContext,
  actor: Actor,
  year: number,
  submissionId: string,
  reason: string,
  request: RequestFacts,
): Promise<void> {
  const call = await loadCall(context, year)
  const personId = await requireJuror(context, actor, call)
  if (evaluationClosed(call, new Date()))
    throw new Problem(
      409,
      'PORTFOLIO_EVALUATION_CLOSED',
      'Evaluation is closed',
      `The evaluation closed on ${when(call.evaluation_close)}.`,
    )
  const row = await selectSubmission(context.db, call.id, submissionId)
  if (!row) throw submissionNotFound(submissionId)
  await context.db.transaction().execute(async (trx) => {
    await insertConflict(trx, row.id, personId, reason)
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'portfolio.challenge.conflict',
      target: { type: 'challenge_submission', id: row.id },
      outcome: 'success',
      details: { year, reason },
      requestId: request.requestId,
    })
  })
}

export async function scoreSubmission(
  context: ModuleContext,
  actor: Actor,
  year: number,
  submissionId: string,
  input: ScoreInput,
): Promise<ReturnType<typeof scoresOf>> {
  const call = await loadCall(context, year)
  const personId = await requireJuror(context, actor, call)
  if (!evaluating(call, new Date()))
    throw new Problem(
      409,
      'PORTFOLIO_NOT_EVALUATING',
      'Not the evaluation period',
      `Jurors score between the submission deadline (${when(call.submissions_close)}) and the evaluation close (${when(call.evaluation_close)}).`,
    )
  const row = await eligibleSubmission(context, call, submissionId)
  const conflicts = await selectConflicts(context.db, call.id)
  if (
    row.submitted_by === personId ||
    conflicts.some((conflict) => conflict.submission_id === row.id && conflict.person_id === personId)
  )
    throw new Problem(
      409,
      'PORTFOLIO_CONFLICT_DECLARED',
      'You declared a conflict of interest',
      'You submitted this proposal or declared a conflict of interest on it, so you do not score it.',
    )
  const keys = new Set(call.criteria.map((criterion) => criterion.key))
  const unknown = input.scores.filter((score) => !keys.has(score.criterion)).map((score) => score.criterion)
  if (unknown.length > 0)
    throw new Problem(
      400,
      'PORTFOLIO_CRITERION_UNKNOWN',
      'No such criterion',
      `The ${year} call has the criteria ${[...keys].join(', ')}; ${unknown.join(', ')} is not one of them.`,
    )
  await context.db.transaction().execute(async (trx) => {
    for (const score of input.scores)
      await upsertScore(trx, row.id, personId, {
        criterion: score.criterion,
        score: score.score,
        comment: score.comment ?? null,
      })
  })
  return scoresOf(
    call,
    (await selectScores(context.db, call.id, personId)).filter((score) => score.submission_id === row.id),
  )
}

/** A juror's own worklist: the eligible submissions, with their own conflicts and scores only. */
export async function juryWork(context: ModuleContext, actor: Actor, year: number) {
  const call = await loadCall(context, year)
  const personId = await requireJuror(context, actor, call)
  const organisations = await organisationsById(context)
  const scores = await selectScores(context.db, call.id, personId)
  const conflicts = (await selectConflicts(context.db, call.id)).filter((row) => row.person_id === personId)
  return {
    submissions: (await selectSubmissions(context.db, call.id))
      .filter((row) => row.eligibility === 'eligible')
      .map((row) => ({
        submission: toSubmission(row, organisations),
        conflict: conflicts.find((conflict) => conflict.submission_id === row.id)?.reason ?? null,
        scores: scoresOf(
          call,
          scores.filter((score) => score.submission_id === row.id),
        ),
      })),
  }
}

/** Every juror's scores, for the jury and the office, sealed until the evaluation closes. */
export async function allScores(context: ModuleContext, actor: Actor, year: number) {
  const call = await loadCall(context, year)
  if (!(await mayManage(context, actor))) await requireJuror(context, actor, call)
  if (!evaluationClosed(call, new Date()))
    throw new Problem(
      403,
      'PORTFOLIO_SCORES_SEALED',
      'Scores are sealed until evaluation closes',
      `Each juror scores independently: the scores stay sealed until the evaluation closes on ${when(call.evaluation_close)}. Jurors see their own under GET /api/portfolio/challenges/${year}/jury/mine.`,
    )
  const ids = await selectJurorIds(context.db, call.id)
  const names = await colleaguesByIds(context.db, ids)
  const scores = await selectScores(context.db, call.id)
  const conflicts = await selectConflicts(context.db, call.id)
  return {
    submissions: (await selectSubmissions(context.db, call.id))
      .filter((row) => row.eligibility === 'eligible')
      .map((row) => ({
        id: row.id,
        title: row.title,
        jurors: ids.map((id) => ({
          juror: names.get(id)?.displayName ?? '',
          conflict:
            conflicts.find((conflict) => conflict.submission_id === row.id && conflict.person_id === id)
              ?.reason ?? null,
          scores: scoresOf(
            call,
            scores.filter((score) => score.submission_id === row.id && score.person_id === id),
          ),
        })),
      })),
  }
}
