import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  KpiCreateSchema,
  KpiParamsSchema,
  KpiPatchSchema,
  ManualMeasurementSchema,
  MeasurementSchema,
} from '../schemas.ts'
import { DEFINE_KPIS, MEASURE_KPIS } from '../service/access.ts'
import { changeKpi, createKpi, getKpi, listKpis, recordManualValue, removeKpi } from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['strategy']
const KpiWithHistory = Type.Object({
  kpi: Type.Ref('StrategyKpi'),
  measurements: Type.Array(MeasurementSchema),
})

export async function kpiRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  app.get(
    '/api/strategy/kpis',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'KPIs with their latest value, score and status (internal ones for those who may see them)',
        querystring: Type.Object({ objective: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('StrategyKpi')) }) },
      },
    },
    async (request) => ({ items: await listKpis(context, request.actor, request.query) }),
  )

  app.get(
    '/api/strategy/kpis/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One KPI and every value recorded for it, newest first',
        params: KpiParamsSchema,
        response: { 200: KpiWithHistory, 404: problem },
      },
    },
    async (request) => getKpi(context, request.actor, request.params.slug),
  )

  app.post(
    '/api/strategy/kpis',
    {
      config: { access: { action: DEFINE_KPIS } },
      schema: {
        tags,
        summary: 'Define a KPI, bound to a platform metric or entered by hand',
        body: KpiCreateSchema,
        response: { 201: Type.Ref('StrategyKpi'), 400: problem, 401: problem, 403: problem, 409: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createKpi(context, request.actor, request.body, facts(request))),
  )

  app.patch(
    '/api/strategy/kpis/:slug',
    {
      config: { access: { action: DEFINE_KPIS } },
      schema: {
        tags,
        summary: "Change a KPI's definition (its measurements stay)",
        params: KpiParamsSchema,
        body: KpiPatchSchema,
        response: {
          200: Type.Ref('StrategyKpi'),
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
        },
      },
    },
    async (request) => changeKpi(context, request.actor, request.params.slug, request.body, facts(request)),
  )

  app.delete(
    '/api/strategy/kpis/:slug',
    {
      config: { access: { action: DEFINE_KPIS } },
      schema: {
        tags,
        summary: 'Retire a KPI (its history is kept)',
        params: KpiParamsSchema,
        response: { 204: Type.Null(), 401: problem, 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      await removeKpi(context, request.actor, request.params.slug, facts(request))
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/strategy/kpis/:slug/measurements',
    {
      config: { access: { action: MEASURE_KPIS } },
      schema: {
        tags,
        summary: 'Enter a value by hand, with its evidence (the office, or the owner organisation)',
        params: KpiParamsSchema,
        body: ManualMeasurementSchema,
        response: {
          201: KpiWithHistory,
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordManualValue(context, request.actor, request.params.slug, request.body, facts(request)),
        ),
  )
}
