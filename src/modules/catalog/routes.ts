import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../platform/module.ts'
import { ckanRoutes } from './routes/ckan.ts'
import { datasetRoutes } from './routes/datasets.ts'
import { dcatRoutes } from './routes/dcat.ts'
import { recordRoutes } from './routes/records.ts'
import { resourceRoutes } from './routes/resources.ts'
import { reuseRoutes } from './routes/reuses.ts'
import { uploadRoutes } from './routes/uploads.ts'
import { vocabularyRoutes } from './routes/vocabularies.ts'
import { DatasetSchema, ReuseSchema } from './schemas.ts'

export async function catalogRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  app.addSchema(DatasetSchema)
  app.addSchema(ReuseSchema)
  await datasetRoutes(app, context)
  await resourceRoutes(app, context)
  await reuseRoutes(app, context)
  await vocabularyRoutes(app, context)
  await uploadRoutes(app, context)
  await recordRoutes(app, context)
  await ckanRoutes(app, context)
  await dcatRoutes(app, context)
}
