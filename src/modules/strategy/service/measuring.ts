import { measureOne } from '../../../platform/metrics/metrics-registry.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { currentPeriod } from '../evaluation.ts'
import { type KpiRow, selectKpis } from '../store/kpis.ts'
import { insertMeasurement, selectLatestOfPeriod } from '../store/measurements.ts'

/**
 * Reads the KPI's metric now and keeps the value for the current period. A value equal to the one
 * already kept for the period adds nothing, so an hourly job leaves one row per change, not per run.
 */
export async function recordMetricValue(
  context: Pick<ModuleContext, 'db' | 'metrics' | 'log'>,
  row: KpiRow,
  now: Date,
): Promise<'recorded' | 'unchanged' | 'failed'> {
  const measurement = row.metric_name ? context.metrics.find(row.metric_name) : undefined
  if (!measurement) return 'failed'
  const measured = await measureOne(context.db, measurement)
  if (measured.value === null || !Number.isFinite(measured.value)) {
    context.log.warn({ kpi: row.slug, metric: row.metric_name, error: measured.error }, 'KPI metric failed')
    return 'failed'
  }
  const period = currentPeriod(row, now)
  const kept = await selectLatestOfPeriod(context.db, row.id, period)
  if (kept?.source === 'metric' && kept.value === measured.value) return 'unchanged'
  await insertMeasurement(context.db, {
    kpi_id: row.id,
    period_start: period,
    value: measured.value,
    source: 'metric',
    evidence: null,
    note: null,
    entered_by: null,
  })
  return 'recorded'
}

/** The scheduled job's work: every KPI bound to a metric, measured now. */
export async function measureAutomaticKpis(context: Pick<ModuleContext, 'db' | 'metrics' | 'log'>) {
  const outcome = { recorded: 0, unchanged: 0, failed: 0 }
  const now = new Date()
  for (const row of await selectKpis(context.db)) {
    if (row.metric_name) outcome[await recordMetricValue(context, row, now)]++
  }
  return outcome
}
