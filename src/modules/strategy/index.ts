import { fileURLToPath } from 'node:url'
import type { CetateModule } from '../../platform/module.ts'
import { loadDemoStrategy } from './demo/demo-strategy.ts'
import { sendWeeklyDigest } from './digest.ts'
import { strategyMeasurements } from './measurements.ts'
import { strategyRoutes } from './routes.ts'
import { DEFINE_KPIS, EDIT_STRATEGY, MEASURE_KPIS, READ_INTERNAL, RECEIVE_DIGEST } from './service/access.ts'
import { measureAutomaticKpis } from './service/measuring.ts'

/** The living strategy and its KPIs: versioned strategy, measured KPIs, city and management dashboards. */
export const strategyModule: CetateModule = {
  name: 'strategy',
  depends: ['identity'],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: strategyRoutes,
  actions: [
    { name: EDIT_STRATEGY, description: 'Edit the strategy: objectives, action directions, core projects' },
    { name: DEFINE_KPIS, description: 'Define, change and retire KPIs' },
    {
      name: MEASURE_KPIS,
      description: "Enter KPI values by hand, with evidence, for an organisation's KPIs",
    },
    { name: READ_INTERNAL, description: "See an organisation's internal KPIs" },
    { name: RECEIVE_DIGEST, description: 'Receive the weekly digest of KPIs overdue and at risk' },
  ],
  measurements: strategyMeasurements,
  jobs: (context) => [
    {
      kind: 'strategy.measure_kpis',
      everyMs: 15 * 60_000,
      async run() {
        await measureAutomaticKpis(context)
      },
    },
    {
      kind: 'strategy.weekly_digest',
      everyMs: 60 * 60_000,
      async run() {
        await sendWeeklyDigest(context, new Date())
      },
    },
  ],
  demo: loadDemoStrategy,
}

export type { Dashboard, Kpi } from './schemas.ts'
export { cityDashboard, measureAutomaticKpis } from './service.ts'
