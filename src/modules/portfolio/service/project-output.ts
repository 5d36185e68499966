import type { OrganisationDirectory } from '../../identity/index.ts'
import { atRisk, completion } from '../progress.ts'
import type { Project } from '../schemas.ts'
import type { AssessmentRow, MilestoneRow } from '../store/project-parts.ts'
import type { ProjectRow } from '../store/projects.ts'

/** A project as people read it: its definition, milestones, completion, risk and assessment verdicts. */
export function toProject(
  row: ProjectRow,
  milestones: readonly MilestoneRow[],
  assessments: readonly AssessmentRow[],
  organisations: OrganisationDirectory,
  today: string,
): Project {
  const owner = row.owner_organisation_id ? organisations.byId(row.owner_organisation_id) : undefined
  const done = row.status === 'completed' && milestones.length === 0 ? 100 : completion(milestones)
  const verdict = (kind: string) => assessments.find((entry) => entry.kind === kind)?.passes ?? null
  return {
    slug: row.slug,
    kind: row.kind,
    status: row.status,
    title: row.title,
    need: row.need,
    owner: owner ? { slug: owner.slug, name: owner.name } : null,
    actors: row.actors,
    partners: row.partners,
    period: { start: row.start_date, end: row.end_date, text: row.period_text },
    funding: row.funding as Project['funding'],
    fundingNote: row.funding_note,
    budget: row.budget,
    notes: row.notes,
    objectives: row.objective_keys,
    directions: row.direction_keys,
    origin: row.origin,
    pilot:
      row.kind === 'pilot' && row.pilot_stage
        ? {
            stage: row.pilot_stage,
            reasons: row.pilot_reasons,
            lessons: row.pilot_lessons,
            decidedAt: row.pilot_decided_at?.toISOString() ?? null,
          }
        : null,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    link: row.link,
    milestones: milestones.map((milestone) => ({
      id: milestone.id,
      title: milestone.title,
      weight: milestone.weight,
      dueDate: milestone.due_date,
      progress: milestone.progress,
    })),
    completion: done,
    atRisk: atRisk(row, done, today),
    assessments: { impact: verdict('impact'), security: verdict('security'), gdpr: verdict('gdpr') },
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  }
}
