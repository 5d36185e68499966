import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { callNotFound, type RequestFacts, requireManager, resultsFrozen } from './access.ts'
import type { Call, CallCreate, CallDates, CallPatch, Criterion } from './challenge-schemas.ts'
import {
  type ChallengeDefinition,
  type ChallengeRow,
  insertChallenge,
  selectChallenge,
  selectChallenges,
  updateChallenge,
} from './challenge-store.ts'
import { selectScores } from './jury-store.ts'
import { phaseOf } from './phase.ts'

export function toCall(row: ChallengeRow, now = new Date()): Call {
  const iso = (date: Date | null) => (date ? date.toISOString() : null)
  return {
    year: row.year,
    theme: row.theme,
    description: row.description,
    objectives: row.objective_keys,
    criteria: row.criteria,
    dates: {
      submissionsOpen: row.submissions_open.toISOString(),
      submissionsClose: row.submissions_close.toISOString(),
      evaluationClose: row.evaluation_close.toISOString(),
      votingOpen: iso(row.voting_open),
      votingClose: iso(row.voting_close),
      resultsAt: row.results_at.toISOString(),
    },
    publicVote: row.public_vote,
    phase: phaseOf(row, now),
    resultsPublishedAt: iso(row.results_published_at),
  }
}

export async function loadCall(context: ModuleContext, year: number): Promise<ChallengeRow> {
  const row = await selectChallenge(context.db, year)
  if (!row) throw callNotFound(year)
  return row
}

export async function listCalls(context: ModuleContext): Promise<Call[]> {
  const now = new Date()
  return (await selectChallenges(context.db)).map((row) => toCall(row, now))
}

export async function getCall(context: ModuleContext, year: number): Promise<Call> {
  return toCall(await loadCall(context, year))
}

export async function createCall(
  context: ModuleContext,
  actor: Actor,
  input: CallCreate,
  request: RequestFacts,
): Promise<Call> {
  await requireManager(context, actor, 'open a challenge')
  const definition = definitionOf(input.year, input)
  const call = await context.db.transaction().execute(async (trx) => {
    if (!(await insertChallenge(trx, definition)))
      throw new Problem(
        409,
        'PORTFOLIO_CHALLENGE_YEAR_TAKEN',
        'That year has a challenge',
        `There is already a challenge for ${input.year}; change it with PATCH /api/portfolio/challenges/${input.year}.`,
      )
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'portfolio.challenge.create',
      target: { type: 'challenge', id: String(input.year) },
      outcome: 'success',
      details: { criteria: definition.criteria.map((criterion) => criterion.key) },
      requestId: request.requestId,
    })
    return selectChallenge(trx, input.year)
  })
  return toCall(call!)
}

export async function changeCall(
  context: ModuleContext,
  actor: Actor,
  year: number,
  patch: CallPatch,
  request: RequestFacts,
): Promise<Call> {
  await requireManager(context, actor, 'change a challenge')
  const row = await loadCall(context, year)
  if (row.results_published_at) throw resultsFrozen(year)
  const current = toCall(row)
  const definition = definitionOf(year, {
    theme: patch.theme ?? current.theme,
    description: patch.description ?? current.description,
    objectives: patch.objectives ?? current.objectives,
    criteria: patch.criteria ?? current.criteria,
    dates: patch.dates ?? current.dates,
  })
  if (patch.criteria && (await selectScores(context.db, row.id)).length > 0)
    throw new Problem(
      409,
      'PORTFOLIO_CRITERIA_IN_USE',
      'Jurors have scored already',
      'The criteria cannot change once jurors have started scoring; every score would lose its meaning.',
    )
  await context.db.transaction().execute(async (trx) => {
    await updateChallenge(trx, row.id, definition)
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'portfolio.challenge.change',
      target: { type: 'challenge', id: String(year) },
      outcome: 'success',
      details: { fields: Object.keys(patch) },
      requestId: request.requestId,
    })
  })
  return getCall(context, year)
}

function definitionOf(year: number, input: Omit<CallCreate, 'year'>): ChallengeDefinition {
  checkCriteria(input.criteria)
  const dates = datesOf(input.dates)
  return {
    year,
    theme: input.theme,
    description: input.description,
    objective_keys: [...new Set(input.objectives)],
    criteria: input.criteria,
    ...dates,
  }
}

function checkCriteria(criteria: readonly Criterion[]): void {
  const keys = new Set(criteria.map((criterion) => criterion.key))
  if (keys.size !== criteria.length)
    throw new Problem(
      400,
      'PORTFOLIO_CRITERIA_DUPLICATE',
      'Two criteria share a key',
      'Give each criterion its own key.',
    )
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight, 0)
  if (total !== 100)
    throw new Problem(
      400,
      'PORTFOLIO_WEIGHTS_NOT_100',
      'The weights do not sum to 100',
      `The criteria's weights sum to ${total}; they must sum to 100 (percent).`,
    )
}

type DateColumns = Pick<
  ChallengeDefinition,
  | 'submissions_open'
  | 'submissions_close'
  | 'evaluation_close'
  | 'public_vote'
  | 'voting_open'
  | 'voting_close'
  | 'results_at'
>

/** The dates in their order; the first one out of place is named. */
function datesOf(dates: CallDates): DateColumns {
  const open = new Date(dates.submissionsOpen)
  const close = new Date(dates.submissionsClose)
  const evaluation = new Date(dates.evaluationClose)
  const results = new Date(dates.resultsAt)
  const outOfOrder = (field: string, rule: string) =>
    new Problem(
      400,
      'PORTFOLIO_DATES_OUT_OF_ORDER',
      `"${field}" is out of order`,
      `"${field}" must ${rule}.`,
      {
        field,
      },
    )
  if (!(close > open)) throw outOfOrder('submissionsClose', 'come after "submissionsOpen"')
  if (!(evaluation >= close)) throw outOfOrder('evaluationClose', 'not come before "submissionsClose"')
  if (!(results >= evaluation)) throw outOfOrder('resultsAt', 'not come before "evaluationClose"')
  const votingOpen = dates.votingOpen ? new Date(dates.votingOpen) : null
  const votingClose = dates.votingClose ? new Date(dates.votingClose) : null
  if (!votingOpen !== !votingClose)
    throw outOfOrder(
      votingOpen ? 'votingClose' : 'votingOpen',
      'be given too for a public vote (or leave both out)',
    )
  if (votingOpen && votingClose) {
    if (!(votingOpen >= close)) throw outOfOrder('votingOpen', 'not come before "submissionsClose"')
    if (!(votingClose > votingOpen)) throw outOfOrder('votingClose', 'come after "votingOpen"')
    if (!(results >= votingClose)) throw outOfOrder('resultsAt', 'not come before "votingClose"')
  }
  return {
    submissions_open: open,
    submissions_close: close,
    evaluation_close: evaluation,
    public_vote: votingOpen !== null,
    voting_open: votingOpen,
    voting_close: votingClose,
    results_at: results,
  }
}
