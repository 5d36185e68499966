import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { kpisCsv, measurementsCsv, openKpis, openMeasurements } from '../export.ts'

const tags = ['strategy', 'open data']
const csv = Type.String({ description: 'CSV, UTF-8, with a header row' })
const OpenMeasurementSchema = Type.Object({
  kpi: Type.String(),
  period: Type.String({ format: 'date' }),
  value: Type.Number(),
  unit: Type.String(),
  score: Type.Union([Type.Number(), Type.Null()]),
  source: Type.Enum(['metric', 'manual']),
  evidence: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.String({ format: 'date-time' }),
  current: Type.Boolean({ description: 'false: a later value for the same period replaced it' }),
})

/** Public KPIs and their measurements as open data (CC-BY 4.0), the catalogue's dataset links here. */
export async function exportRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const attach = (reply: { header(name: string, value: string): unknown }, file: string) => {
    reply.header('content-disposition', `attachment; filename="${file}"`)
    reply.header('cache-control', 'public, max-age=300')
  }

  app.get(
    '/api/strategy/export/kpis.json',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public KPIs with their latest value, score and status (JSON)',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('StrategyKpi')) }) },
      },
    },
    async (_request, reply) => {
      attach(reply, 'kpis.json')
      return { items: await openKpis(context) }
    },
  )

  app.get(
    '/api/strategy/export/kpis.csv',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Public KPIs (CSV)', response: { 200: csv } },
    },
    async (_request, reply) => {
      attach(reply, 'kpis.csv')
      reply.type('text/csv; charset=utf-8')
      return kpisCsv(await openKpis(context))
    },
  )

  app.get(
    '/api/strategy/export/measurements.json',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every value recorded for public KPIs (JSON)',
        response: { 200: Type.Object({ items: Type.Array(OpenMeasurementSchema) }) },
      },
    },
    async (_request, reply) => {
      attach(reply, 'kpi-measurements.json')
      return { items: await openMeasurements(context) }
    },
  )

  app.get(
    '/api/strategy/export/measurements.csv',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Every value recorded for public KPIs (CSV)', response: { 200: csv } },
    },
    async (_request, reply) => {
      attach(reply, 'kpi-measurements.csv')
      reply.type('text/csv; charset=utf-8')
      return measurementsCsv(await openMeasurements(context))
    },
  )
}
