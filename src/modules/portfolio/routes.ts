import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../platform/module.ts'
import { challengeRoutes } from './challenge/challenge-routes.ts'
import { reportRoutes } from './report/report-routes.ts'
import { assessmentRoutes } from './routes/assessments.ts'
import { milestoneRoutes } from './routes/milestones.ts'
import { projectRoutes } from './routes/projects.ts'
import { ProjectSchema } from './schemas.ts'

export async function portfolioRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  app.addSchema(ProjectSchema)
  await projectRoutes(app, context)
  await milestoneRoutes(app, context)
  await assessmentRoutes(app, context)
  await challengeRoutes(app, context)
  await reportRoutes(app, context)
}
