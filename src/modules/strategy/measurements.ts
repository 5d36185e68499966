import type { Database } from '../../platform/db/database.ts'
import type { Measurement } from '../../platform/metrics/measurement.ts'
import { evaluateKpi, groupByKpi } from './evaluation.ts'
import { selectKpis } from './store/kpis.ts'
import { selectMeasurements } from './store/measurements.ts'

async function evaluatedKpis(db: Database) {
  const rows = await selectKpis(db)
  const measurements = groupByKpi(
    await selectMeasurements(
      db,
      rows.map((row) => row.id),
    ),
  )
  const now = new Date()
  const owner = { slug: '', name: { ro: '' } }
  return rows.map((row) => evaluateKpi(row, measurements.get(row.id) ?? [], owner, now))
}

async function countKpis(db: Database, source: 'metric' | 'manual'): Promise<number> {
  return (await selectKpis(db)).filter((row) => (row.metric_name ? 'metric' : 'manual') === source).length
}

export const strategyMeasurements: readonly Measurement[] = [
  {
    name: 'strategy.kpis.on_track',
    description: 'KPIs that have met their target or whose trend reaches it by the target date',
    unit: 'KPI',
    measure: async (db) =>
      (await evaluatedKpis(db)).filter((kpi) => kpi.status === 'met' || kpi.status === 'on_track').length,
  },
  {
    name: 'strategy.kpis.automatic',
    description: 'KPIs measured automatically from a platform metric',
    unit: 'KPI',
    measure: (db) => countKpis(db, 'metric'),
  },
  {
    name: 'strategy.kpis.manual',
    description: 'KPIs entered by hand with evidence',
    unit: 'KPI',
    measure: (db) => countKpis(db, 'manual'),
  },
  {
    name: 'strategy.kpis.overdue',
    description: 'KPIs whose next measurement is late',
    unit: 'KPI',
    measure: async (db) => (await evaluatedKpis(db)).filter((kpi) => kpi.overdue).length,
  },
]
