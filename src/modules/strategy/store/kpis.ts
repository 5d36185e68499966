import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { forgetDashboards } from '../dashboard-cache.ts'
import type { Frequency } from '../periods.ts'

export interface KpiRow {
  id: string
  slug: string
  name: LocalizedText
  description: LocalizedText
  unit: string
  direction: 'higher' | 'lower'
  baseline_value: number | null
  baseline_date: string | null
  target_value: number | null
  target_date: string | null
  frequency: Frequency
  owner_organisation_id: string
  objective_keys: string[]
  core_project_keys: string[]
  iso_theme: string | null
  visibility: 'public' | 'internal'
  metric_name: string | null
  source_note: LocalizedText | null
  archived: boolean
  created_at: Date
  version: number
}

/** What a KPI definition holds; the store writes these columns and nothing else. */
export type KpiDefinition = Omit<KpiRow, 'id' | 'created_at' | 'version' | 'archived'>

const columns = sql`id, slug, name, description, unit, direction, baseline_value,
  to_char(baseline_date, 'YYYY-MM-DD') AS baseline_date, target_value,
  to_char(target_date, 'YYYY-MM-DD') AS target_date, frequency, owner_organisation_id, objective_keys,
  core_project_keys, iso_theme, visibility, metric_name, source_note, archived, created_at, version`

const json = (value: unknown) => (value === null ? null : JSON.stringify(value))

export async function selectKpis(db: Database): Promise<KpiRow[]> {
  const { rows } = await sql<KpiRow>`SELECT ${columns} FROM strategy.kpis WHERE NOT archived
    ORDER BY created_at, slug`.execute(db)
  return rows
}

export async function selectKpi(db: Database, slug: string): Promise<KpiRow | undefined> {
  const { rows } = await sql<KpiRow>`SELECT ${columns} FROM strategy.kpis
    WHERE slug = ${slug} AND NOT archived`.execute(db)
  return rows[0]
}

export async function slugTaken(db: Database, slug: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM strategy.kpis WHERE slug = ${slug}`.execute(db)
  return rows.length > 0
}

export async function insertKpi(db: Database, kpi: KpiDefinition): Promise<string> {
  const { rows } = await sql<{ id: string }>`INSERT INTO strategy.kpis (slug, name, description, unit,
      direction, baseline_value, baseline_date, target_value, target_date, frequency, owner_organisation_id,
      objective_keys, core_project_keys, iso_theme, visibility, metric_name, source_note)
    VALUES (${kpi.slug}, ${JSON.stringify(kpi.name)}::jsonb, ${JSON.stringify(kpi.description)}::jsonb,
      ${kpi.unit}, ${kpi.direction}, ${kpi.baseline_value}, ${kpi.baseline_date}::date, ${kpi.target_value},
      ${kpi.target_date}::date, ${kpi.frequency}, ${kpi.owner_organisation_id}, ${kpi.objective_keys}::text[],
      ${kpi.core_project_keys}::text[], ${kpi.iso_theme}, ${kpi.visibility}, ${kpi.metric_name}, ${json(kpi.source_note)}::jsonb)
    RETURNING id`.execute(db)
  forgetDashboards()
  return rows[0]!.id
}

/** Rewrites the definition if it is still at `expectedVersion`; false when someone changed it meanwhile. */
export async function updateKpi(
  db: Database,
  id: string,
  expectedVersion: number,
  kpi: KpiDefinition,
): Promise<boolean> {
  const result = await sql`UPDATE strategy.kpis SET name = ${JSON.stringify(kpi.name)}::jsonb,
      description = ${JSON.stringify(kpi.description)}::jsonb, unit = ${kpi.unit}, direction = ${kpi.direction},
      baseline_value = ${kpi.baseline_value}, baseline_date = ${kpi.baseline_date}::date,
      target_value = ${kpi.target_value}, target_date = ${kpi.target_date}::date, frequency = ${kpi.frequency},
      owner_organisation_id = ${kpi.owner_organisation_id}, objective_keys = ${kpi.objective_keys}::text[],
      core_project_keys = ${kpi.core_project_keys}::text[], iso_theme = ${kpi.iso_theme},
      visibility = ${kpi.visibility}, metric_name = ${kpi.metric_name}, source_note = ${json(kpi.source_note)}::jsonb,
      version = version + 1, updated_at = now()
    WHERE id = ${id} AND version = ${expectedVersion}`.execute(db)
  forgetDashboards()
  return Number(result.numAffectedRows ?? 0) > 0
}

export async function archiveKpi(db: Database, id: string): Promise<void> {
  await sql`UPDATE strategy.kpis SET archived = true, updated_at = now() WHERE id = ${id}`.execute(db)
  forgetDashboards()
}
