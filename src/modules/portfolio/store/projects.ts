import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import type { PilotStage, ProjectKind, ProjectStatus } from '../vocabularies.ts'

export interface ProjectRow {
  id: string
  slug: string
  kind: ProjectKind
  status: ProjectStatus
  title: LocalizedText
  need: LocalizedText
  owner_organisation_id: string | null
  actors: string[]
  partners: string[]
  start_date: string | null
  end_date: string | null
  period_text: string | null
  funding: string[]
  funding_note: string | null
  budget: number | null
  notes: LocalizedText | null
  objective_keys: string[]
  direction_keys: string[]
  origin: 'innovation_hub' | 'challenge' | null
  pilot_stage: PilotStage | null
  pilot_reasons: LocalizedText | null
  pilot_lessons: LocalizedText | null
  pilot_decided_at: Date | null
  lon: number | null
  lat: number | null
  link: string | null
  updated_at: Date
  version: number
}

/** The fields a project's definition holds; status and the pilot's stage change through their own steps. */
export type ProjectFields = Omit<
  ProjectRow,
  | 'id'
  | 'status'
  | 'pilot_stage'
  | 'pilot_reasons'
  | 'pilot_lessons'
  | 'pilot_decided_at'
  | 'updated_at'
  | 'version'
>

const columns = sql`id, slug, kind, status, title, need, owner_organisation_id, actors, partners,
  to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date, period_text,
  funding, funding_note, budget::float8 AS budget, notes, objective_keys, direction_keys, origin, pilot_stage,
  pilot_reasons, pilot_lessons, pilot_decided_at, ST_X(location) AS lon, ST_Y(location) AS lat, link, updated_at,
  version`

const json = (value: unknown) => (value === null ? null : JSON.stringify(value))
const point = (row: Pick<ProjectRow, 'lon' | 'lat'>) =>
  row.lon === null || row.lat === null
    ? sql`NULL`
    : sql`ST_SetSRID(ST_MakePoint(${row.lon}, ${row.lat}), 4326)`

export async function selectProjects(db: Database): Promise<ProjectRow[]> {
  const { rows } = await sql<ProjectRow>`SELECT ${columns} FROM portfolio.projects
    ORDER BY array_position(ARRAY['core', 'flexible', 'pilot'], kind), start_date NULLS LAST, slug`.execute(
    db,
  )
  return rows
}

export async function selectProject(db: Database, slug: string): Promise<ProjectRow | undefined> {
  const { rows } =
    await sql<ProjectRow>`SELECT ${columns} FROM portfolio.projects WHERE slug = ${slug}`.execute(db)
  return rows[0]
}

export async function slugTaken(db: Database, slug: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM portfolio.projects WHERE slug = ${slug}`.execute(db)
  return rows.length > 0
}

export async function insertProject(
  db: Database,
  project: ProjectFields & {
    status: ProjectStatus
    pilot_stage: PilotStage | null
    source_note?: string | null
  },
): Promise<string> {
  const { rows } = await sql<{ id: string }>`INSERT INTO portfolio.projects (slug, kind, status, title, need,
      owner_organisation_id, actors, partners, start_date, end_date, period_text, funding, funding_note, budget,
      notes, objective_keys, direction_keys, origin, pilot_stage, location, link, source_note)
    VALUES (${project.slug}, ${project.kind}, ${project.status}, ${json(project.title)}::jsonb,
      ${json(project.need)}::jsonb, ${project.owner_organisation_id}, ${project.actors}::text[],
      ${project.partners}::text[], ${project.start_date}::date, ${project.end_date}::date, ${project.period_text},
      ${project.funding}::text[], ${project.funding_note}, ${project.budget}, ${json(project.notes)}::jsonb,
      ${project.objective_keys}::text[], ${project.direction_keys}::text[], ${project.origin},
      ${project.pilot_stage}, ${point(project)}, ${project.link}, ${project.source_note ?? null})
    RETURNING id`.execute(db)
  return rows[0]!.id
}

/** Rewrites the definition if still at `expectedVersion`; false when someone changed it meanwhile. */
export async function updateProject(
  db: Database,
  id: string,
  expectedVersion: number,
  project: ProjectFields,
): Promise<boolean> {
  const result =
    await sql`UPDATE portfolio.projects SET kind = ${project.kind}, title = ${json(project.title)}::jsonb,
      need = ${json(project.need)}::jsonb, owner_organisation_id = ${project.owner_organisation_id},
      actors = ${project.actors}::text[], partners = ${project.partners}::text[],
      start_date = ${project.start_date}::date, end_date = ${project.end_date}::date,
      period_text = ${project.period_text}, funding = ${project.funding}::text[], funding_note = ${project.funding_note},
      budget = ${project.budget}, notes = ${json(project.notes)}::jsonb, objective_keys = ${project.objective_keys}::text[],
      direction_keys = ${project.direction_keys}::text[], origin = ${project.origin}, location = ${point(project)},
      link = ${project.link}, version = version + 1, updated_at = now()
    WHERE id = ${id} AND version = ${expectedVersion}`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

export async function updateStatus(db: Database, id: string, status: ProjectStatus): Promise<void> {
  await sql`UPDATE portfolio.projects SET status = ${status}, version = version + 1, updated_at = now()
    WHERE id = ${id}`.execute(db)
}

export async function updatePilotStage(
  db: Database,
  id: string,
  stage: PilotStage,
  reasons: LocalizedText | null,
  lessons: LocalizedText | null,
): Promise<void> {
  await sql`UPDATE portfolio.projects SET pilot_stage = ${stage}, pilot_reasons = ${json(reasons)}::jsonb,
      pilot_lessons = ${json(lessons)}::jsonb, pilot_decided_at = now(), version = version + 1, updated_at = now()
    WHERE id = ${id}`.execute(db)
}
