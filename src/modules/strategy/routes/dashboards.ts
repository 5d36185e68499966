import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { DashboardQuerySchema, DashboardSchema } from '../schemas.ts'
import { MEASURE_KPIS } from '../service/access.ts'
import { cityDashboard, managementDashboard } from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['strategy']

export async function dashboardRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/strategy/dashboard',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The city dashboard: the city's and each objective's score, public KPIs and their series",
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, 400: problem },
      },
    },
    async (request, reply) => {
      // Shared by every visitor and embedded on other sites: a minute of caching spares the database.
      reply.header('cache-control', 'public, max-age=60')
      return cityDashboard(context, request.query)
    },
  )

  app.get(
    '/api/strategy/management',
    {
      config: { access: { action: MEASURE_KPIS } },
      schema: {
        tags,
        summary: 'The KPIs the caller answers for, with those overdue and those at risk',
        response: {
          200: Type.Object({
            kpis: Type.Array(Type.Ref('StrategyKpi')),
            overdue: Type.Array(Type.String()),
            atRisk: Type.Array(Type.String()),
            counts: Type.Object({
              total: Type.Integer(),
              automatic: Type.Integer(),
              manual: Type.Integer(),
              overdue: Type.Integer(),
              atRisk: Type.Integer(),
              onTrack: Type.Integer(),
            }),
          }),
          401: problem,
          403: problem,
        },
      },
    },
    async (request) => managementDashboard(context, request.actor),
  )
}
