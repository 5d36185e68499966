import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import { forgetDashboards } from '../dashboard-cache.ts'

export interface MeasurementRow {
  id: number
  kpi_id: string
  period_start: string
  value: number
  source: 'metric' | 'manual'
  evidence: string | null
  note: string | null
  entered_by: string | null
  recorded_at: Date
}

const columns = sql`id, kpi_id, to_char(period_start, 'YYYY-MM-DD') AS period_start, value, source, evidence,
  note, entered_by, recorded_at`

/** Every value ever recorded for these KPIs, in the order they were recorded. */
export async function selectMeasurements(db: Database, kpiIds: readonly string[]): Promise<MeasurementRow[]> {
  if (kpiIds.length === 0) return []
  const { rows } = await sql<MeasurementRow>`SELECT ${columns} FROM strategy.measurements
    WHERE kpi_id = ANY(${kpiIds}::uuid[]) ORDER BY kpi_id, period_start, id`.execute(db)
  return rows
}

/** The latest row of one period, to tell whether a new automatic value says anything new. */
export async function selectLatestOfPeriod(
  db: Database,
  kpiId: string,
  periodStart: string,
): Promise<MeasurementRow | undefined> {
  const { rows } = await sql<MeasurementRow>`SELECT ${columns} FROM strategy.measurements
    WHERE kpi_id = ${kpiId} AND period_start = ${periodStart}::date ORDER BY id DESC LIMIT 1`.execute(db)
  return rows[0]
}

export async function insertMeasurement(
  db: Database,
  row: Omit<MeasurementRow, 'id' | 'recorded_at'>,
): Promise<void> {
  await sql`INSERT INTO strategy.measurements (kpi_id, period_start, value, source, evidence, note, entered_by)
    VALUES (${row.kpi_id}, ${row.period_start}::date, ${row.value}, ${row.source}, ${row.evidence}, ${row.note},
      ${row.entered_by})`.execute(db)
  forgetDashboards()
}
