import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { coreTermMap } from '../json-ld/term-map.ts'
import { ACTIVE_WITHIN_MINUTES, typeStatistics } from '../measurements.ts'
import type { ContextServices } from '../services.ts'

const Statistics = Type.Object({
  activeWithinMinutes: Type.Integer(),
  items: Type.Array(
    Type.Object({
      type: Type.String({ description: 'Entity type, short name when the core @context has one' }),
      entities: Type.Integer(),
      active: Type.Integer({ description: 'Entities that changed within activeWithinMinutes' }),
      observationsToday: Type.Integer({ description: 'Attribute values stored today (UTC)' }),
    }),
  ),
})

/** Counts per open entity type, for the city dashboard and KPIs. */
export async function statisticsRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/api/context/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['context'],
        summary: 'Entities, active sensors and observations today per open entity type',
        response: { 200: Statistics },
      },
    },
    async () => {
      const open = new Set(await services.publicTypes.of(''))
      const items = (await typeStatistics(context.db))
        .filter((item) => open.has(item.type))
        .map((item) => ({ ...item, type: coreTermMap.compact(item.type) }))
      return { activeWithinMinutes: ACTIVE_WITHIN_MINUTES, items }
    },
  )
}
