import { stringify } from 'csv-stringify/sync'
import type { ModuleContext } from '../../platform/module.ts'
import { goalOf, groupByKpi, seriesOf } from './evaluation.ts'
import type { Kpi } from './schemas.ts'
import { score } from './scores.ts'
import { evaluateRows } from './service/kpis.ts'
import { loadOwners } from './service/owners.ts'
import { selectKpis } from './store/kpis.ts'
import { selectMeasurements } from './store/measurements.ts'

/**
 * The open-data face of the KPIs: public KPIs only, and of their measurements only what the city
 * publishes (never who entered a value).
 */
export async function openKpis(context: ModuleContext): Promise<Kpi[]> {
  const rows = (await selectKpis(context.db)).filter((row) => row.visibility === 'public')
  return evaluateRows(context, rows, await loadOwners(context))
}

export interface OpenMeasurement {
  kpi: string
  period: string
  value: number
  unit: string
  score: number | null
  source: 'metric' | 'manual'
  evidence: string | null
  recordedAt: string
  current: boolean
}

export async function openMeasurements(context: ModuleContext): Promise<OpenMeasurement[]> {
  const rows = (await selectKpis(context.db)).filter((row) => row.visibility === 'public')
  const measurements = groupByKpi(
    await selectMeasurements(
      context.db,
      rows.map((row) => row.id),
    ),
  )
  const result: OpenMeasurement[] = []
  for (const row of rows) {
    const own = measurements.get(row.id) ?? []
    const current = new Set(seriesOf(own).map((entry) => `${entry.period}@${entry.recordedAt.getTime()}`))
    const goal = goalOf(row)
    for (const entry of own)
      result.push({
        kpi: row.slug,
        period: entry.period_start,
        value: entry.value,
        unit: row.unit,
        score: score(goal, entry.value),
        source: entry.source,
        evidence: entry.evidence,
        recordedAt: entry.recorded_at.toISOString(),
        current: current.has(`${entry.period_start}@${entry.recorded_at.getTime()}`),
      })
  }
  return result
}

/** One row per KPI, flat, for spreadsheets: Romanian and English names side by side. */
export function kpisCsv(kpis: readonly Kpi[]): string {
  return stringify(
    kpis.map((kpi) => ({
      slug: kpi.slug,
      name_ro: kpi.name.ro,
      name_en: kpi.name.en ?? '',
      unit: kpi.unit,
      direction: kpi.direction,
      frequency: kpi.frequency,
      owner: kpi.owner.slug,
      objectives: kpi.objectives.join(' '),
      core_projects: kpi.coreProjects.join(' '),
      iso_theme: kpi.isoTheme ?? '',
      source: kpi.source,
      metric: kpi.metric ?? '',
      baseline_value: kpi.baseline?.value ?? '',
      baseline_date: kpi.baseline?.date ?? '',
      target_value: kpi.target?.value ?? '',
      target_date: kpi.target?.date ?? '',
      latest_period: kpi.latest?.period ?? '',
      latest_value: kpi.latest?.value ?? '',
      score: kpi.score ?? '',
      status: kpi.status,
    })),
    { header: true, columns: KPI_COLUMNS },
  )
}

const KPI_COLUMNS = [
  'slug',
  'name_ro',
  'name_en',
  'unit',
  'direction',
  'frequency',
  'owner',
  'objectives',
  'core_projects',
  'iso_theme',
  'source',
  'metric',
  'baseline_value',
  'baseline_date',
  'target_value',
  'target_date',
  'latest_period',
  'latest_value',
  'score',
  'status',
]

export function measurementsCsv(measurements: readonly OpenMeasurement[]): string {
  return stringify(
    measurements.map((entry) => ({
      kpi: entry.kpi,
      period: entry.period,
      value: entry.value,
      unit: entry.unit,
      score: entry.score ?? '',
      source: entry.source,
      evidence: entry.evidence ?? '',
      recorded_at: entry.recordedAt,
      current: entry.current,
    })),
    {
      header: true,
      columns: ['kpi', 'period', 'value', 'unit', 'score', 'source', 'evidence', 'recorded_at', 'current'],
    },
  )
}
