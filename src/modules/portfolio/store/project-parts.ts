import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import type { AssessmentKind } from '../vocabularies.ts'

export interface MilestoneRow {
  id: string
  project_id: string
  title: LocalizedText
  weight: number
  due_date: string | null
  progress: number
  position: number
}

export async function selectMilestones(db: Database, projectIds: readonly string[]): Promise<MilestoneRow[]> {
  if (projectIds.length === 0) return []
  const { rows } = await sql<MilestoneRow>`SELECT id, project_id, title, weight::float8 AS weight,
      to_char(due_date, 'YYYY-MM-DD') AS due_date, progress, position
    FROM portfolio.milestones WHERE project_id = ANY(${projectIds}::uuid[]) ORDER BY project_id, position, id`.execute(
    db,
  )
  return rows
}

export async function insertMilestone(
  db: Database,
  projectId: string,
  milestone: { title: LocalizedText; weight: number; dueDate: string | null; progress: number },
): Promise<string> {
  const { rows } = await sql<{
    id: string
  }>`INSERT INTO portfolio.milestones (project_id, title, weight, due_date,
      progress, position)
    VALUES (${projectId}, ${JSON.stringify(milestone.title)}::jsonb, ${milestone.weight}, ${milestone.dueDate}::date,
      ${milestone.progress}, (SELECT coalesce(max(position), 0) + 1 FROM portfolio.milestones WHERE project_id = ${projectId}))
    RETURNING id`.execute(db)
  return rows[0]!.id
}

export async function updateMilestone(
  db: Database,
  id: string,
  milestone: { title: LocalizedText; weight: number; dueDate: string | null; progress: number },
): Promise<void> {
  await sql`UPDATE portfolio.milestones SET title = ${JSON.stringify(milestone.title)}::jsonb,
      weight = ${milestone.weight}, due_date = ${milestone.dueDate}::date, progress = ${milestone.progress},
      updated_at = now()
    WHERE id = ${id}`.execute(db)
}

export async function deleteMilestone(db: Database, id: string): Promise<void> {
  await sql`DELETE FROM portfolio.milestones WHERE id = ${id}`.execute(db)
}

export interface UpdateRow {
  project_id: string
  kind: 'note' | 'status' | 'milestone' | 'decision' | 'assessment' | 'document'
  text: LocalizedText
  at: Date
}

export async function insertUpdate(
  db: Database,
  projectId: string,
  kind: UpdateRow['kind'],
  text: LocalizedText,
  authorId: string | null,
): Promise<void> {
  await sql`INSERT INTO portfolio.updates (project_id, kind, text, author_id)
    VALUES (${projectId}, ${kind}, ${JSON.stringify(text)}::jsonb, ${authorId})`.execute(db)
}

export async function selectUpdates(db: Database, projectId: string): Promise<UpdateRow[]> {
  const { rows } = await sql<UpdateRow>`SELECT project_id, kind, text, at FROM portfolio.updates
    WHERE project_id = ${projectId} ORDER BY at DESC, id DESC LIMIT 500`.execute(db)
  return rows
}

export async function selectDocuments(db: Database, projectId: string) {
  const { rows } = await sql<{ id: string; title: LocalizedText; url: string }>`SELECT id, title, url
    FROM portfolio.documents WHERE project_id = ${projectId} ORDER BY added_at, id`.execute(db)
  return rows
}

export async function insertDocument(db: Database, projectId: string, title: LocalizedText, url: string) {
  await sql`INSERT INTO portfolio.documents (project_id, title, url)
    VALUES (${projectId}, ${JSON.stringify(title)}::jsonb, ${url})`.execute(db)
}

export interface AssessmentRow {
  project_id: string
  kind: AssessmentKind
  content: unknown
  passes: boolean
  assessed_at: Date
}

/** The latest assessment of each kind per project. */
export async function selectLatestAssessments(
  db: Database,
  projectIds: readonly string[],
): Promise<AssessmentRow[]> {
  if (projectIds.length === 0) return []
  const { rows } =
    await sql<AssessmentRow>`SELECT DISTINCT ON (project_id, kind) project_id, kind, content, passes,
      assessed_at
    FROM portfolio.assessments WHERE project_id = ANY(${projectIds}::uuid[])
    ORDER BY project_id, kind, id DESC`.execute(db)
  return rows
}

export async function insertAssessment(
  db: Database,
  projectId: string,
  kind: AssessmentKind,
  content: unknown,
  passes: boolean,
  assessedBy: string | null,
): Promise<void> {
  await sql`INSERT INTO portfolio.assessments (project_id, kind, content, passes, assessed_by)
    VALUES (${projectId}, ${kind}, ${JSON.stringify(content)}::jsonb, ${passes}, ${assessedBy})`.execute(db)
}

export async function selectSetting(db: Database, key: string): Promise<unknown> {
  const { rows } = await sql<{
    value: unknown
  }>`SELECT value FROM portfolio.settings WHERE key = ${key}`.execute(db)
  return rows[0]?.value
}

export async function upsertSetting(db: Database, key: string, value: unknown): Promise<void> {
  await sql`INSERT INTO portfolio.settings (key, value) VALUES (${key}, ${JSON.stringify(value)}::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`.execute(db)
}
