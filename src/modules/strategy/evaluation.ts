import type { LocalizedText } from '../../platform/text/localized.ts'
import { dueBy, isoDate, periodStart } from './periods.ts'
import type { Kpi } from './schemas.ts'
import { type Goal, type PeriodValue, projectedValue, score, status, trend } from './scores.ts'
import type { KpiRow } from './store/kpis.ts'
import type { MeasurementRow } from './store/measurements.ts'

export function goalOf(row: KpiRow): Goal {
  return {
    direction: row.direction,
    baseline:
      row.baseline_value === null || row.baseline_date === null
        ? null
        : { value: row.baseline_value, date: row.baseline_date },
    target:
      row.target_value === null || row.target_date === null
        ? null
        : { value: row.target_value, date: row.target_date },
  }
}

/** Each KPI's rows, by KPI id, in the order they came. */
export function groupByKpi(rows: readonly MeasurementRow[]): Map<string, MeasurementRow[]> {
  const groups = new Map<string, MeasurementRow[]>()
  for (const row of rows) {
    const group = groups.get(row.kpi_id)
    if (group) group.push(row)
    else groups.set(row.kpi_id, [row])
  }
  return groups
}

/** One value per period: the latest recorded for it (a correction replaces what it corrects). */
export function seriesOf(rows: readonly MeasurementRow[]): (PeriodValue & { recordedAt: Date })[] {
  const byPeriod = new Map<string, MeasurementRow>()
  for (const row of rows) {
    const kept = byPeriod.get(row.period_start)
    if (!kept || row.id > kept.id) byPeriod.set(row.period_start, row)
  }
  return [...byPeriod.values()]
    .sort((a, b) => a.period_start.localeCompare(b.period_start))
    .map((row) => ({ period: row.period_start, value: row.value, recordedAt: row.recorded_at }))
}

/** The KPI as people read it: definition, latest value, score, status and whether a value is late. */
export function evaluateKpi(
  row: KpiRow,
  measurements: readonly MeasurementRow[],
  owner: { slug: string; name: LocalizedText },
  now: Date,
  until?: string,
): Kpi {
  const goal = goalOf(row)
  const series = seriesOf(measurements).filter((entry) => !until || entry.period <= until)
  const latest = series.at(-1)
  const due = dueBy(row.frequency, latest?.period ?? null, row.created_at)
  const today = until ?? isoDate(now)
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    unit: row.unit,
    direction: row.direction,
    baseline: goal.baseline,
    target: goal.target,
    frequency: row.frequency,
    owner,
    objectives: row.objective_keys,
    coreProjects: row.core_project_keys,
    isoTheme: row.iso_theme,
    visibility: row.visibility,
    source: row.metric_name ? 'metric' : 'manual',
    metric: row.metric_name,
    sourceNote: row.source_note,
    latest: latest
      ? { period: latest.period, value: latest.value, recordedAt: latest.recordedAt.toISOString() }
      : null,
    score: score(goal, latest?.value ?? null),
    status: status(goal, series, today),
    trend: trend(goal, series),
    projected: projectedValue(goal, series),
    dueBy: due,
    overdue: isoDate(now) >= due,
    version: row.version,
  }
}

/** The period a value entered today stands for, by default. */
export function currentPeriod(row: KpiRow, now: Date): string {
  return periodStart(row.frequency, now)
}
