import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { slugify } from '../../../platform/text/slug.ts'
import type { Project } from '../schemas.ts'
import { changeStatus } from '../service/lifecycle.ts'
import { createProject } from '../service/projects.ts'
import { type RequestFacts, requireManager, submissionNotFound } from './access.ts'
import { loadCall } from './calls.ts'
import { linkProject, selectSubmission } from './challenge-store.ts'
import { organisationsById, toSubmission } from './submissions.ts'

const alreadyPilot = (slug: string | null) =>
  new Problem(
    409,
    'PORTFOLIO_ALREADY_PILOT',
    'Already a pilot project',
    `This submission became the pilot project "${slug}"; GET /api/portfolio/projects/${slug} shows it.`,
  )

/**
 * A winning submission becomes a pilot in one step: the project's title, need, objectives and
 * budget come from the submission, its partners are the names the team showed.
 */
export async function makePilot(
  context: ModuleContext,
  actor: Actor,
  year: number,
  submissionId: string,
  request: RequestFacts,
): Promise<Project> {
  await requireManager(context, actor, 'turn a submission into a pilot project')
  const call = await loadCall(context, year)
  if (!call.results_published_at)
    throw new Problem(
      409,
      'PORTFOLIO_RESULTS_NOT_PUBLISHED',
      'The results are not published yet',
      `Publish the results of the ${year} challenge first (POST /api/portfolio/challenges/${year}/results/publish).`,
    )
  const row = await selectSubmission(context.db, call.id, submissionId)
  if (!row) throw submissionNotFound(submissionId)
  if (row.eligibility !== 'eligible')
    throw new Problem(
      409,
      'PORTFOLIO_SUBMISSION_NOT_ELIGIBLE',
      'Not an eligible submission',
      'Only an eligible submission can become a pilot project.',
    )
  if (row.project_id) throw alreadyPilot(row.project_slug)
  const submission = toSubmission(row, await organisationsById(context))
  const created = await createProject(
    context,
    actor,
    {
      slug: `challenge-${year}-${slugify(row.title.ro)}`.slice(0, 100).replace(/-+$/, ''),
      kind: 'pilot',
      title: row.title,
      need: row.summary,
      owner: submission.organisation?.slug ?? null,
      partners: [...new Set(row.team.map((member) => member.name))],
      budget: row.budget_asked,
      notes: row.pilot_plan,
      objectives: row.objective_keys,
      origin: 'challenge',
    },
    request,
  )
  // A winner is proposed at once: the jury has already weighed it; approval still needs its assessments.
  const project = await changeStatus(
    context,
    actor,
    created.slug,
    {
      status: 'proposed',
      note: {
        ro: `Câștigătoare a Provocării de Transformare Digitală Cluj ${year}`,
        en: `Winner of the ${year} Cluj Digital Transformation Challenge`,
        hu: `A ${year}. évi kolozsvári Digitális Átalakulás Kihívás nyertese`,
      },
    },
    request,
  )
  const linked = await context.db.transaction().execute(async (trx) => {
    if (!(await linkProject(trx, row.id, project.slug))) return false
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'portfolio.challenge.pilot',
      target: { type: 'challenge_submission', id: row.id },
      outcome: 'success',
      details: { year, project: project.slug },
      requestId: request.requestId,
    })
    return true
  })
  if (!linked)
    throw alreadyPilot((await selectSubmission(context.db, call.id, submissionId))?.project_slug ?? null)
  return project
}
