import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { WRITE_REPORT } from './access.ts'
import { renderPdf } from './pdf.ts'
import { reportDocument } from './pdf-layout.ts'
import { buildReport, writePlan } from './report.ts'
import {
  PlanInputSchema,
  PlanSchema,
  ReportParamsSchema,
  ReportQuerySchema,
  ReportSchema,
} from './report-schemas.ts'

const problem = { $ref: 'Problem#' }
const tags = ['portfolio']

/** The Chief Innovation Officer's annual report: JSON for the web page, a PDF for print, and the office's plan. */
export async function reportRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.addSchema(ReportSchema)

  app.get(
    '/api/portfolio/reports/:year',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The Chief Innovation Officer's report for a year, computed from the data as it stands",
        params: ReportParamsSchema,
        response: { 200: Type.Ref('PortfolioReport'), 400: problem },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return buildReport(context, request.params.year)
    },
  )

  app.get(
    '/api/portfolio/reports/:year.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The same report laid out for print (PDF), in Romanian, English or Hungarian',
        params: ReportParamsSchema,
        querystring: ReportQuerySchema,
        response: { 400: problem },
      },
    },
    async (request, reply) => {
      const { year } = request.params
      const pdf = await renderPdf(
        reportDocument(await buildReport(context, year), request.query.lang ?? 'ro'),
      )
      reply.type('application/pdf')
      reply.header('content-disposition', `inline; filename="raport-inovare-${year}.pdf"`)
      reply.header('cache-control', 'no-store')
      return reply.send(pdf)
    },
  )

  app.put(
    '/api/portfolio/reports/:year/plan',
    {
      config: { access: { action: WRITE_REPORT } },
      schema: {
        tags,
        summary: "The plan for the next year, written into the year's report",
        params: ReportParamsSchema,
        body: PlanInputSchema,
        response: {
          200: PlanSchema,
          400: problem,
          401: problem,
          403: problem,
        },
      },
    },
    async (request) =>
      writePlan(context, request.actor, request.params.year, request.body, { requestId: String(request.id) }),
  )
}
