import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { DatasetParamsSchema, ResourceParamsSchema, ReuseCreateSchema } from '../schemas.ts'
import { listReuses, recordReuse, removeReuse } from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['catalog']

export async function reuseRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  app.get(
    '/api/catalog/datasets/:name/reuses',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Apps, studies and services built on the dataset',
        params: DatasetParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('CatalogReuse')) }), 404: problem },
      },
    },
    async (request) => ({ items: await listReuses(context, request.actor, request.params.name) }),
  )

  app.post(
    '/api/catalog/reuses',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Record something built on open datasets',
        body: ReuseCreateSchema,
        response: { 201: Type.Ref('CatalogReuse'), 400: problem, 401: problem, 404: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordReuse(context, request.actor, request.body, facts(request))),
  )

  app.delete(
    '/api/catalog/reuses/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Remove a reuse (its author, or a data steward)',
        params: ResourceParamsSchema,
        response: { 204: Type.Null(), 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      await removeReuse(context, request.actor, request.params.id, facts(request))
      return reply.code(204).send(null)
    },
  )
}
