import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { listCities } from '../../city/index.ts'
import { cityDashboard } from '../../strategy/index.ts'
import type { Project } from '../schemas.ts'
import { may, notAllowed } from '../service/access.ts'
import { listProjects, personOf, type RequestFacts } from '../service.ts'
import { PILOT_DECISIONS, type PilotDecision, PROJECT_KINDS, PROJECT_STATUSES } from '../vocabularies.ts'
import { WRITE_REPORT } from './access.ts'
import { challengeOfYear } from './challenge-part.ts'
import type { Plan, PlanInput, Report } from './report-schemas.ts'
import { KPI_STATUSES } from './report-schemas.ts'
import { selectCompletionDays, selectPlan, upsertPlan } from './report-store.ts'

/** The first year of the strategy; each year since has a report, the current one as it stands today. */
const FIRST_YEAR = 2021

function checkYear(year: number, now: Date): void {
  const current = now.getUTCFullYear()
  if (year < FIRST_YEAR || year > current)
    throw new Problem(
      400,
      'PORTFOLIO_REPORT_YEAR',
      'No report for that year',
      `Reports cover the years ${FIRST_YEAR} to ${current}; ask for one of those.`,
    )
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>

/** The Chief Innovation Officer's annual report, every figure read from the data at the moment of asking. */
export async function buildReport(context: ModuleContext, year: number, now = new Date()): Promise<Report> {
  checkYear(year, now)
  const today = now.toISOString().slice(0, 10)
  const from = `${year}-01-01`
  const to = year === now.getUTCFullYear() ? today : `${year}-12-31`
  const [projects, completionDays, dashboard, challenge, plan, cities] = await Promise.all([
    listProjects(context),
    selectCompletionDays(context.db),
    cityDashboard(context, { from, to }),
    challengeOfYear(context, year),
    selectPlan(context.db, year),
    listCities(context),
  ])
  const within = (day: string) => day >= from && day <= to
  const statusCounts = (kpiSlugs: readonly string[]) => {
    const byStatus = zeros(KPI_STATUSES)
    for (const kpi of dashboard.kpis) if (kpiSlugs.includes(kpi.slug)) byStatus[kpi.status]++
    return { total: kpiSlugs.length, byStatus }
  }
  const decided = projects.filter(
    (project) =>
      project.pilot?.decidedAt &&
      (PILOT_DECISIONS as readonly string[]).includes(project.pilot.stage) &&
      within(project.pilot.decidedAt.slice(0, 10)),
  )
  return {
    year,
    city: cities[0] ? { name: cities[0].names, timeZone: cities[0].timeZone } : null,
    period: { from, to },
    generatedAt: now.toISOString(),
    projects: {
      ...tally(projects),
      byKind: PROJECT_KINDS.map((kind) => ({
        kind,
        ...tally(projects.filter((project) => project.kind === kind)),
      })),
      items: projects.map((project) => ({
        slug: project.slug,
        kind: project.kind,
        status: project.status,
        title: project.title,
        owner: project.owner,
        completion: project.completion,
        atRisk: project.atRisk,
        objectives: project.objectives,
      })),
      completedInYear: projects.flatMap((project) => {
        const day = completionDays.get(project.slug)
        return project.status === 'completed' && day && within(day)
          ? [
              {
                slug: project.slug,
                kind: project.kind,
                title: project.title,
                owner: project.owner,
                completedOn: day,
              },
            ]
          : []
      }),
    },
    objectives: {
      city: { start: dashboard.city.previousScore, end: dashboard.city.score },
      kpis: {
        total: dashboard.kpis.length,
        automatic: dashboard.kpis.filter((kpi) => kpi.source === 'metric').length,
        manual: dashboard.kpis.filter((kpi) => kpi.source === 'manual').length,
        byStatus: statusCounts(dashboard.kpis.map((kpi) => kpi.slug)).byStatus,
      },
      items: dashboard.objectives.map((objective) => ({
        key: objective.key,
        code: objective.code,
        title: objective.title,
        start: objective.previousScore,
        end: objective.score,
        kpis: statusCounts(objective.kpis),
      })),
    },
    pilots: {
      decided: Object.fromEntries(
        PILOT_DECISIONS.map((decision) => [
          decision,
          decided.filter((project) => project.pilot?.stage === decision).length,
        ]),
      ) as Record<PilotDecision, number>,
      items: decided.map((project) => ({
        slug: project.slug,
        title: project.title,
        owner: project.owner,
        decision: project.pilot!.stage as PilotDecision,
        reasons: project.pilot!.reasons,
        lessons: project.pilot!.lessons,
        decidedAt: project.pilot!.decidedAt!,
      })),
    },
    challenge,
    plan: plan ? { text: plan.plan, updatedAt: plan.updated_at.toISOString() } : null,
  }
}

function tally(projects: readonly Project[]) {
  const byStatus = zeros(PROJECT_STATUSES)
  for (const project of projects) byStatus[project.status]++
  return {
    total: projects.length,
    atRisk: projects.filter((project) => project.atRisk).length,
    byStatus,
  }
}

/** The office writes the plan for the next year; the report shows its text and date, never who wrote it. */
export async function writePlan(
  context: ModuleContext,
  actor: Actor,
  year: number,
  input: PlanInput,
  request: RequestFacts,
): Promise<Plan> {
  if (!(await may(context, actor, WRITE_REPORT, null))) throw notAllowed('write the plan in the report')
  checkYear(year, new Date())
  const row = await upsertPlan(context.db, year, input.text, personOf(actor))
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'portfolio.report.plan',
    target: { type: 'report', id: String(year) },
    outcome: 'success',
    details: { languages: Object.keys(input.text) },
    requestId: request.requestId,
  })
  return { text: row.plan, updatedAt: row.updated_at.toISOString() }
}
