import type { MilestoneRow } from './store/project-parts.ts'
import type { ProjectRow } from './store/projects.ts'

/** Decidim's accountability roll-up: the weighted mean of the milestones' progress, 0–100. */
export function completion(milestones: readonly Pick<MilestoneRow, 'weight' | 'progress'>[]): number | null {
  const total = milestones.reduce((sum, milestone) => sum + milestone.weight, 0)
  if (total <= 0) return null
  const done = milestones.reduce((sum, milestone) => sum + milestone.weight * milestone.progress, 0)
  return Math.round((done / total) * 10) / 10
}

/** Points of completion a project may lag behind the share of its time already spent. */
const TOLERANCE = 20

/**
 * A project under way is at risk when it is past its end, or when its completion lags the share of
 * its period already elapsed by `TOLERANCE` points or more.
 */
export function atRisk(
  project: Pick<ProjectRow, 'status' | 'start_date' | 'end_date'>,
  done: number | null,
  today: string,
): boolean {
  if (project.status !== 'in_progress' || !project.end_date) return false
  if (today > project.end_date) return true
  if (!project.start_date || done === null) return false
  const span = Date.parse(project.end_date) - Date.parse(project.start_date)
  if (span <= 0) return false
  const elapsed = Math.min(1, Math.max(0, (Date.parse(today) - Date.parse(project.start_date)) / span))
  return elapsed * 100 - done >= TOLERANCE
}
