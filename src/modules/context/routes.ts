import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../platform/module.ts'
import { JSON_LD, MERGE_PATCH } from './ngsi-request.ts'
import { batchRoutes } from './routes/batch.ts'
import { dataModelRoutes } from './routes/data-models.ts'
import { discoveryRoutes } from './routes/discovery.ts'
import { entityRoutes } from './routes/entities.ts'
import { jsonLdContextRoutes } from './routes/json-ld-contexts.ts'
import { installNgsiErrors } from './routes/ngsi-errors.ts'
import { publicTypeRoutes } from './routes/public-types.ts'
import { statisticsRoutes } from './routes/statistics.ts'
import { subscriptionRoutes } from './routes/subscriptions.ts'
import { temporalRoutes } from './routes/temporal.ts'
import type { ContextServices } from './services.ts'

/** The NGSI-LD API under /ngsi-ld/v1, with the spec's error documents and media types. */
export async function contextRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
): Promise<void> {
  await server.register(
    async (ngsi) => {
      installNgsiErrors(ngsi)
      ngsi.addContentTypeParser(
        [JSON_LD, MERGE_PATCH],
        { parseAs: 'string' },
        ngsi.getDefaultJsonParser('error', 'error'),
      )
      await entityRoutes(ngsi, context, services)
      await batchRoutes(ngsi, context, services)
      await discoveryRoutes(ngsi, context, services)
      await jsonLdContextRoutes(ngsi, context, services)
      await subscriptionRoutes(ngsi, context, services)
      await temporalRoutes(ngsi, context, services)
    },
    { prefix: '/ngsi-ld/v1' },
  )
  await publicTypeRoutes(server, context, services)
  await dataModelRoutes(server, context, services)
  await statisticsRoutes(server, context, services)
}
