import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { LocalizedTextSchema } from '../../../platform/text/localized.ts'
import { catalogStatistics } from '../measurements.ts'
import { Publishers } from '../service.ts'
import { DATA_THEMES, FREQUENCIES, LICENCES } from '../vocabularies.ts'

const tags = ['catalog']

export async function vocabularyRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/catalog/vocabularies',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The themes, licences and update frequencies a dataset chooses from',
        response: {
          200: Type.Object({
            themes: Type.Array(Type.Object({ code: Type.String(), label: LocalizedTextSchema })),
            licences: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                url: Type.String(),
                open: Type.Boolean(),
              }),
            ),
            frequencies: Type.Array(
              Type.Object({ code: Type.String(), days: Type.Union([Type.Integer(), Type.Null()]) }),
            ),
          }),
        },
      },
    },
    async () => ({
      themes: Object.entries(DATA_THEMES).map(([code, label]) => ({ code, label })),
      licences: Object.entries(LICENCES).map(([id, licence]) => ({
        id,
        title: licence.title,
        url: licence.url,
        open: licence.open,
      })),
      frequencies: Object.entries(FREQUENCIES).map(([code, { days }]) => ({ code, days })),
    }),
  )

  app.get(
    '/api/catalog/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Open datasets per organisation, downloads and API reads per dataset (counts only)',
        response: {
          200: Type.Object({
            organisations: Type.Array(Type.Object({ organisation: Type.String(), datasets: Type.Integer() })),
            datasets: Type.Array(
              Type.Object({ name: Type.String(), downloads: Type.Integer(), apiCalls: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async () => {
      const [statistics, publishers] = await Promise.all([
        catalogStatistics(context.db),
        Publishers.load(context),
      ])
      return {
        organisations: statistics.organisations.map((row) => ({
          organisation: publishers.byId(row.organisation_id).slug,
          datasets: row.datasets,
        })),
        datasets: statistics.datasets.map((row) => ({
          name: row.name,
          downloads: row.downloads,
          apiCalls: row.api_calls,
        })),
      }
    },
  )
}
