import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'

export interface PlanRow {
  plan: LocalizedText
  updated_at: Date
}

export async function selectPlan(db: Database, year: number): Promise<PlanRow | undefined> {
  const { rows } = await sql<PlanRow>`SELECT plan, updated_at FROM portfolio.report_plans
    WHERE year = ${year}`.execute(db)
  return rows[0]
}

export async function upsertPlan(
  db: Database,
  year: number,
  plan: LocalizedText,
  personId: string | null,
): Promise<PlanRow> {
  const { rows } = await sql<PlanRow>`INSERT INTO portfolio.report_plans (year, plan, updated_by, updated_at)
    VALUES (${year}, ${JSON.stringify(plan)}::jsonb, ${personId}, now())
    ON CONFLICT (year) DO UPDATE SET plan = EXCLUDED.plan, updated_by = EXCLUDED.updated_by,
      updated_at = EXCLUDED.updated_at
    RETURNING plan, updated_at`.execute(db)
  return rows[0]!
}

/**
 * When each completed project was completed: its latest status change on the timeline, or, for a
 * project entered as already completed (the strategy's annexes), the end of its period.
 */
export async function selectCompletionDays(db: Database): Promise<Map<string, string>> {
  const { rows } = await sql<{ slug: string; day: string | null }>`SELECT p.slug,
      COALESCE(to_char(max(u.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), to_char(p.end_date, 'YYYY-MM-DD')) AS day
    FROM portfolio.projects p
    LEFT JOIN portfolio.updates u ON u.project_id = p.id AND u.kind = 'status'
    WHERE p.status = 'completed'
    GROUP BY p.slug, p.end_date`.execute(db)
  return new Map(rows.filter((row) => row.day !== null).map((row) => [row.slug, row.day!]))
}
