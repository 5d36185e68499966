import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  OrganisationListQuerySchema,
  OrganisationParamsSchema,
  OrganisationSchema,
} from '../schemas/organisations.ts'
import { getOrganisation, listOrganisations } from '../service.ts'

export async function organisationRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.addSchema(OrganisationSchema)

  app.get(
    '/api/organisations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Organisations taking part, optionally of one kind or under one parent',
        querystring: OrganisationListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('Organisation')) }) },
      },
    },
    async (request) => ({ items: await listOrganisations(context, request.query) }),
  )

  app.get(
    '/api/organisations/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'One organisation',
        params: OrganisationParamsSchema,
        response: { 200: Type.Ref('Organisation'), 404: { $ref: 'Problem#' } },
      },
    },
    async (request) => getOrganisation(context, request.params.slug),
  )
}
