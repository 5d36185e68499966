import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { findOrganisation, isMember, listOrganisations } from '../../identity/index.ts'
import {
  personOf,
  type RequestFacts,
  requireManager,
  resultsFrozen,
  submissionNotFound,
  when,
} from './access.ts'
import { loadCall } from './calls.ts'
import type {
  EligibilityInput,
  PublicSubmission,
  Submission,
  SubmissionInput,
  SubmissionPatch,
} from './challenge-schemas.ts'
import {
  type ChallengeRow,
  deleteSubmission,
  insertSubmission,
  type SubmissionContent,
  type SubmissionRow,
  selectSubmission,
  selectSubmissions,
  setEligibility,
  updateSubmission,
} from './challenge-store.ts'

type Organisations = Map<string, { slug: string; name: PublicSubmission['title'] }>

export async function organisationsById(context: ModuleContext): Promise<Organisations> {
  const all = await listOrganisations(context, {})
  return new Map(
    all.map((organisation) => [organisation.id, { slug: organisation.slug, name: organisation.names }]),
  )
}

export function toPublicSubmission(row: SubmissionRow, organisations: Organisations): PublicSubmission {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    objectives: row.objective_keys,
    team: row.team,
    organisation: row.organisation_id ? (organisations.get(row.organisation_id) ?? null) : null,
  }
}

export function toSubmission(row: SubmissionRow, organisations: Organisations): Submission {
  return {
    ...toPublicSubmission(row, organisations),
    budgetAsked: row.budget_asked,
    pilotPlan: row.pilot_plan,
    eligibility: row.eligibility,
    eligibilityReason: row.eligibility_reason,
    project: row.project_slug,
    submittedAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

function requireOpen(call: ChallengeRow, now: Date): void {
  if (now < call.submissions_open)
    throw new Problem(
      409,
      'PORTFOLIO_SUBMISSIONS_NOT_OPEN',
      'Submissions are not open yet',
      `Submissions to the ${call.year} challenge open on ${when(call.submissions_open)}.`,
    )
  if (now >= call.submissions_close)
    throw new Problem(
      409,
      'PORTFOLIO_SUBMISSIONS_CLOSED',
      'Submissions are closed',
      `The deadline of the ${call.year} challenge was ${when(call.submissions_close)}; submissions can no longer be made, changed or withdrawn.`,
    )
}

async function contentOf(
  context: ModuleContext,
  actor: Actor,
  call: ChallengeRow,
  input: SubmissionInput,
): Promise<SubmissionContent> {
  const outside = input.objectives.filter((key) => !call.objective_keys.includes(key))
  if (outside.length > 0)
    throw new Problem(
      400,
      'PORTFOLIO_OBJECTIVE_NOT_TARGETED',
      'Objective not targeted by this call',
      `The ${call.year} call targets ${call.objective_keys.join(', ')}; ${outside.join(', ')} is not among them.`,
    )
  let organisationId: string | null = null
  if (input.organisation) {
    const organisation = await findOrganisation(context, input.organisation)
    if (!organisation)
      throw new Problem(
        400,
        'PORTFOLIO_ORGANISATION_UNKNOWN',
        'No such organisation',
        `No organisation "${input.organisation}"; GET /api/organisations lists them, or submit in your own name.`,
      )
    const person = actor.kind === 'person' ? actor.personId : null
    if (!person || !(await isMember(context.db, person, organisation.id)))
      throw new Problem(
        403,
        'PORTFOLIO_NOT_A_MEMBER',
        'Not a member of that organisation',
        `You may submit for "${organisation.slug}" only as one of its members; submit in your own name instead.`,
      )
    organisationId = organisation.id
  }
  return {
    title: input.title,
    summary: input.summary,
    objective_keys: [...new Set(input.objectives)],
    team: input.team,
    budget_asked: input.budgetAsked,
    pilot_plan: input.pilotPlan,
    organisation_id: organisationId,
  }
}

export async function submit(
  context: ModuleContext,
  actor: Actor,
  year: number,
  input: SubmissionInput,
): Promise<Submission> {
  const personId = personOf(actor)
  const call = await loadCall(context, year)
  requireOpen(call, new Date())
  const id = await insertSubmission(
    context.db,
    call.id,
    personId,
    await contentOf(context, actor, call, input),
  )
  const row = await selectSubmission(context.db, call.id, id)
  return toSubmission(row!, await organisationsById(context))
}

async function ownSubmission(
  context: ModuleContext,
  actor: Actor,
  year: number,
  id: string,
): Promise<{ call: ChallengeRow; row: SubmissionRow }> {
  const personId = personOf(actor)
  const call = await loadCall(context, year)
  const row = await selectSubmission(context.db, call.id, id)
  if (!row || row.submitted_by !== personId) throw submissionNotFound(id)
  return { call, row }
}

export async function editSubmission(
  context: ModuleContext,
  actor: Actor,
  year: number,
  id: string,
  patch: SubmissionPatch,
): Promise<Submission> {
  const { call, row } = await ownSubmission(context, actor, year, id)
  requireOpen(call, new Date())
  const current = toSubmission(row, await organisationsById(context))
  const merged: SubmissionInput = {
    title: patch.title ?? current.title,
    summary: patch.summary ?? current.summary,
    objectives: patch.objectives ?? current.objectives,
    team: patch.team ?? current.team,
    budgetAsked: patch.budgetAsked ?? current.budgetAsked,
    pilotPlan: patch.pilotPlan ?? current.pilotPlan,
    organisation:
      patch.organisation === undefined ? (current.organisation?.slug ?? null) : patch.organisation,
  }
  await updateSubmission(context.db, row.id, await contentOf(context, actor, call, merged))
  return toSubmission((await selectSubmission(context.db, call.id, id))!, await organisationsById(context))
}

export async function withdrawSubmission(
  context: ModuleContext,
  actor: Actor,
  year: number,
  id: string,
): Promise<void> {
  const { call, row } = await ownSubmission(context, actor, year, id)
  requireOpen(call, new Date())
  await deleteSubmission(context.db, row.id)
}

export async function mySubmissions(
  context: ModuleContext,
  actor: Actor,
  year: number,
): Promise<Submission[]> {
  const personId = personOf(actor)
  const call = await loadCall(context, year)
  const organisations = await organisationsById(context)
  return (await selectSubmissions(context.db, call.id))
    .filter((row) => row.submitted_by === personId)
    .map((row) => toSubmission(row, organisations))
}

/** The office's view: every submission, eligible or not, before and after the deadline. */
export async function allSubmissions(
  context: ModuleContext,
  actor: Actor,
  year: number,
): Promise<Submission[]> {
  await requireManager(context, actor, 'see every submission')
  const call = await loadCall(context, year)
  const organisations = await organisationsById(context)
  return (await selectSubmissions(context.db, call.id)).map((row) => toSubmission(row, organisations))
}

/** Anyone's view: eligible submissions, once the deadline has passed (nothing before). */
export async function publicSubmissions(context: ModuleContext, year: number): Promise<PublicSubmission[]> {
  const call = await loadCall(context, year)
  if (new Date() < call.submissions_close) return []
  const organisations = await organisationsById(context)
  return (await selectSubmissions(context.db, call.id))
    .filter((row) => row.eligibility === 'eligible')
    .map((row) => toPublicSubmission(row, organisations))
}

export async function decideEligibility(
  context: ModuleContext,
  actor: Actor,
  year: number,
  id: string,
  input: EligibilityInput,
  request: RequestFacts,
): Promise<Submission> {
  await requireManager(context, actor, 'decide eligibility')
  const call = await loadCall(context, year)
  if (call.results_published_at) throw resultsFrozen(year)
  if (new Date() < call.submissions_close)
    throw new Problem(
      409,
      'PORTFOLIO_SUBMISSIONS_STILL_OPEN',
      'Submissions are still open',
      `Eligibility is decided after the deadline (${when(call.submissions_close)}), when submissions no longer change.`,
    )
  const row = await selectSubmission(context.db, call.id, id)
  if (!row) throw submissionNotFound(id)
  await context.db.transaction().execute(async (trx) => {
    await setEligibility(trx, row.id, input.eligibility, input.reason)
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'portfolio.challenge.eligibility',
      target: { type: 'challenge_submission', id: row.id },
      outcome: 'success',
      details: { year, eligibility: input.eligibility, reason: input.reason },
      requestId: request.requestId,
    })
  })
  return toSubmission((await selectSubmission(context.db, call.id, id))!, await organisationsById(context))
}
