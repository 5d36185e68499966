import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import type { PilotDecisionInput, Project } from '../schemas.ts'
import { insertUpdate, selectLatestAssessments } from '../store/project-parts.ts'
import { updatePilotStage, updateStatus } from '../store/projects.ts'
import { pilotDecided, statusChanged } from '../timeline-words.ts'
import { NEXT_STAGES, NEXT_STATUSES, type PilotStage, type ProjectStatus } from '../vocabularies.ts'
import { APPROVE_PROJECTS, DECIDE_PILOTS, UPDATE_PROJECTS } from './access.ts'
import { getProject, personOf, projectToChange, type RequestFacts } from './projects.ts'
import { getSettings } from './settings.ts'

/**
 * Moves a project along its lifecycle. Approval is the board's (the Innovation Office) and needs the
 * assessments its kind requires, each meeting the standards; other steps are the owner's.
 */
export async function changeStatus(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  input: { status: ProjectStatus; note?: LocalizedText | undefined },
  request: RequestFacts,
): Promise<Project> {
  const action = input.status === 'approved' ? APPROVE_PROJECTS : UPDATE_PROJECTS
  const row = await projectToChange(context, actor, slug, action)
  if (!NEXT_STATUSES[row.status].includes(input.status))
    throw new Problem(
      409,
      'PORTFOLIO_STATUS_STEP',
      'Not a step this project can take',
      `From "${row.status}" a project goes to ${NEXT_STATUSES[row.status].map((status) => `"${status}"`).join(' or ') || 'nowhere: it is final'}.`,
    )
  if (input.status === 'approved') await checkAssessed(context, row.id, row.kind)
  await updateStatus(context.db, row.id, input.status)
  await insertUpdate(context.db, row.id, 'status', statusChanged(row.status, input.status), personOf(actor))
  if (input.note) await insertUpdate(context.db, row.id, 'note', input.note, personOf(actor))
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: `portfolio.project.${input.status === 'approved' ? 'approve' : 'status'}`,
    target: { type: 'project', id: slug },
    outcome: 'success',
    details: { from: row.status, to: input.status },
    requestId: request.requestId,
  })
  return getProject(context, slug)
}

async function checkAssessed(
  context: ModuleContext,
  projectId: string,
  kind: Project['kind'],
): Promise<void> {
  const settings = await getSettings(context)
  const latest = await selectLatestAssessments(context.db, [projectId])
  const missing = settings.requiredForApproval[kind].filter(
    (required) => !latest.some((assessment) => assessment.kind === required),
  )
  if (missing.length > 0)
    throw new Problem(
      409,
      'PORTFOLIO_ASSESSMENTS_MISSING',
      'Assess it before approving it',
      `A ${kind} project needs its ${missing.join(', ')} assessment${missing.length > 1 ? 's' : ''} before approval (PUT /api/portfolio/projects/{slug}/assessments/{kind}).`,
    )
  const failing = latest.filter(
    (assessment) => settings.requiredForApproval[kind].includes(assessment.kind) && !assessment.passes,
  )
  if (failing.length > 0)
    throw new Problem(
      409,
      'PORTFOLIO_ASSESSMENTS_FAILING',
      'An assessment falls short',
      `The ${failing.map((assessment) => assessment.kind).join(', ')} assessment does not meet the standards; GET its findings, fix the project and assess it again.`,
    )
}

/** The board's decision on a pilot, with its reasons and lessons learned; abandoning stops it, scaling completes it. */
export async function decidePilot(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  input: PilotDecisionInput,
  request: RequestFacts,
): Promise<Project> {
  const row = await projectToChange(context, actor, slug, DECIDE_PILOTS)
  if (row.kind !== 'pilot' || !row.pilot_stage)
    throw new Problem(
      409,
      'PORTFOLIO_NOT_A_PILOT',
      'Only pilots are decided',
      `"${slug}" is a ${row.kind} project.`,
    )
  const stage = input.stage as PilotStage
  if (!NEXT_STAGES[row.pilot_stage].includes(stage))
    throw new Problem(
      409,
      'PORTFOLIO_PILOT_STEP',
      'Not a step this pilot can take',
      `From "${row.pilot_stage}" a pilot goes to ${NEXT_STAGES[row.pilot_stage].map((next) => `"${next}"`).join(' or ') || 'nowhere: the decision is final'}.`,
    )
  const decision = stage === 'scale' || stage === 'iterate' || stage === 'abandon'
  if (decision && (!input.reasons || !input.lessons))
    throw new Problem(
      400,
      'PORTFOLIO_DECISION_UNEXPLAINED',
      'Say why, and what was learned',
      'A decision to scale, iterate or abandon a pilot needs "reasons" and "lessons": the report to the community shows both.',
    )
  await updatePilotStage(context.db, row.id, stage, input.reasons ?? null, input.lessons ?? null)
  await insertUpdate(context.db, row.id, 'decision', pilotDecided(stage), personOf(actor))
  const status: ProjectStatus | undefined =
    stage === 'abandon' ? 'stopped' : stage === 'scale' ? 'completed' : undefined
  if (status && status !== row.status) {
    await updateStatus(context.db, row.id, status)
    await insertUpdate(context.db, row.id, 'status', statusChanged(row.status, status), personOf(actor))
  }
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'portfolio.pilot.decide',
    target: { type: 'project', id: slug },
    outcome: 'success',
    details: { from: row.pilot_stage, to: stage },
    requestId: request.requestId,
  })
  return getProject(context, slug)
}
