import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../platform/module.ts'
import {
  AreaCollectionSchema,
  AreaFeatureSchema,
  CityListSchema,
  CityParamsSchema,
  CitySchema,
  LocateQuerySchema,
} from './schemas.ts'
import { getAreaAt, getCity, listAreas, listCities } from './service.ts'

const problem = { $ref: 'Problem#' }

export async function cityRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.addSchema(CitySchema)

  app.get(
    '/api/cities',
    {
      config: { access: 'public' },
      schema: {
        tags: ['city'],
        summary: 'The cities this platform serves',
        response: { 200: CityListSchema },
      },
    },
    async () => ({ items: await listCities(context) }),
  )

  app.get(
    '/api/cities/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['city'],
        summary: 'One city: name, time zone, centre and bounds',
        params: CityParamsSchema,
        response: { 200: Type.Ref('City'), 404: problem },
      },
    },
    async (request) => getCity(context, request.params.slug),
  )

  app.get(
    '/api/cities/:slug/areas',
    {
      config: { access: 'public' },
      schema: {
        tags: ['city'],
        summary: "The city's areas (neighbourhoods) as GeoJSON",
        params: CityParamsSchema,
        response: { 200: AreaCollectionSchema, 404: problem },
      },
    },
    async (request, reply) => {
      const { features, attribution } = await listAreas(context, request.params.slug)
      reply.type('application/geo+json')
      return { type: 'FeatureCollection' as const, attribution, features }
    },
  )

  app.get(
    '/api/cities/:slug/areas/at',
    {
      config: { access: 'public' },
      schema: {
        tags: ['city'],
        summary: 'The area that contains a point (WGS 84 longitude and latitude)',
        params: CityParamsSchema,
        querystring: LocateQuerySchema,
        response: { 200: AreaFeatureSchema, 404: problem },
      },
    },
    async (request) => getAreaAt(context, request.params.slug, request.query),
  )
}
