import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../platform/module.ts'
import { dashboardRoutes } from './routes/dashboards.ts'
import { elementRoutes } from './routes/elements.ts'
import { exportRoutes } from './routes/exports.ts'
import { kpiRoutes } from './routes/kpis.ts'
import { ElementSchema, KpiSchema } from './schemas.ts'

export async function strategyRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  app.addSchema(ElementSchema)
  app.addSchema(KpiSchema)
  await elementRoutes(app, context)
  await kpiRoutes(app, context)
  await dashboardRoutes(app, context)
  await exportRoutes(app, context)
}
