import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  DatasetParamsSchema,
  ResourceCreateSchema,
  ResourceParamsSchema,
  ResourcePatchSchema,
  ResourceSchema,
} from '../schemas.ts'
import { addResource, changeResource, getResource, removeResource } from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['catalog']

export async function resourceRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  app.get(
    '/api/catalog/resources/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One resource (a distribution) and the name of its dataset',
        params: ResourceParamsSchema,
        response: { 200: Type.Object({ dataset: Type.String(), resource: ResourceSchema }), 404: problem },
      },
    },
    async (request) => {
      const { dataset, resource } = await getResource(context, request.actor, request.params.id)
      return { dataset: dataset.name, resource }
    },
  )

  app.post(
    '/api/catalog/datasets/:name/resources',
    {
      config: { access: { action: 'catalog.dataset.update' } },
      schema: {
        tags,
        summary: 'Add a link to data elsewhere, or live data (an NGSI-LD entity type)',
        params: DatasetParamsSchema,
        body: ResourceCreateSchema,
        response: { 201: ResourceSchema, 400: problem, 403: problem, 404: problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addResource(context, request.actor, request.params.name, request.body, facts(request))),
  )

  app.patch(
    '/api/catalog/resources/:id',
    {
      config: { access: { action: 'catalog.dataset.update' } },
      schema: {
        tags,
        summary: "Change a resource's title, description, format, address or position",
        params: ResourceParamsSchema,
        body: ResourcePatchSchema,
        response: { 200: ResourceSchema, 400: problem, 403: problem, 404: problem },
      },
    },
    async (request) =>
      changeResource(context, request.actor, request.params.id, request.body, facts(request)),
  )

  app.delete(
    '/api/catalog/resources/:id',
    {
      config: { access: { action: 'catalog.dataset.update' } },
      schema: {
        tags,
        summary: 'Remove a resource and its datastore table',
        params: ResourceParamsSchema,
        response: { 204: Type.Null(), 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      await removeResource(context, request.actor, request.params.id, facts(request))
      return reply.code(204).send(null)
    },
  )
}
