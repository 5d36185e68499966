import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  type GdprContent,
  type ImpactContent,
  type Judgement,
  judgeGdpr,
  judgeImpact,
  judgeSecurity,
  type SecurityContent,
} from '../assessments.ts'
import type { Assessment } from '../schemas.ts'
import { insertAssessment, insertUpdate, selectLatestAssessments } from '../store/project-parts.ts'
import { assessed } from '../timeline-words.ts'
import type { AssessmentKind } from '../vocabularies.ts'
import { may, notAllowed, UPDATE_PROJECTS } from './access.ts'
import { getProjectRow, personOf, projectToChange, type RequestFacts } from './projects.ts'
import { getSettings, type PortfolioSettings } from './settings.ts'

function judge(kind: AssessmentKind, content: unknown, settings: PortfolioSettings): Judgement {
  switch (kind) {
    case 'impact':
      return judgeImpact(content as ImpactContent, settings)
    case 'security':
      return judgeSecurity(content as SecurityContent, settings)
    case 'gdpr':
      return judgeGdpr(content as GdprContent)
  }
}

/** A new assessment of one kind; the earlier ones stay in the history. */
export async function recordAssessment(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  kind: AssessmentKind,
  content: ImpactContent | SecurityContent | GdprContent,
  request: RequestFacts,
): Promise<Assessment> {
  const row = await projectToChange(context, actor, slug, UPDATE_PROJECTS)
  const verdict = judge(kind, content, await getSettings(context))
  await insertAssessment(context.db, row.id, kind, content, verdict.passes, personOf(actor))
  await insertUpdate(context.db, row.id, 'assessment', assessed(kind, verdict.passes), personOf(actor))
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'portfolio.project.assess',
    target: { type: 'project', id: slug },
    outcome: 'success',
    details: { kind, passes: verdict.passes },
    requestId: request.requestId,
  })
  return { kind, content, ...verdict, assessedAt: new Date().toISOString() }
}

/** The assessments in full (the security matrix names weaknesses): those who may change the project. */
export async function listAssessments(
  context: ModuleContext,
  actor: Actor,
  slug: string,
): Promise<Assessment[]> {
  const row = await getProjectRow(context, slug)
  if (!(await may(context, actor, UPDATE_PROJECTS, row.owner_organisation_id)))
    throw notAllowed(`read the assessments of "${slug}"`)
  const settings = await getSettings(context)
  return (await selectLatestAssessments(context.db, [row.id])).map((assessment) => ({
    kind: assessment.kind,
    content: assessment.content,
    ...judge(assessment.kind, assessment.content, settings),
    assessedAt: assessment.assessed_at.toISOString(),
  }))
}
