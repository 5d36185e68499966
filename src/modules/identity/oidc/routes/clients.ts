import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../../platform/module.ts'
import { originOf } from '../../routes/request-origin.ts'
import { deleteClient, MANAGE_CLIENTS, registerClient } from '../commands/clients.ts'
import { listClients } from '../queries/clients.ts'
import { ClientParamsSchema, ClientSchema, CreatedClientSchema, NewClientSchema } from '../schemas.ts'

const problem = { $ref: 'Problem#' }
const tags = ['sign-on (OpenID Connect)']
const access = { action: MANAGE_CLIENTS }

/** The registry of city apps that may use the sign-on, kept by administrators. */
export async function clientRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/oidc/clients',
    {
      config: { access },
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: 'Applications registered to use the sign-on',
        response: { 200: Type.Object({ items: Type.Array(ClientSchema) }) },
      },
    },
    async () => ({ items: await listClients(context) }),
  )

  app.post(
    '/api/oidc/clients',
    {
      config: { access },
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: 'Register an application; its secret is shown once',
        body: NewClientSchema,
        response: { 201: CreatedClientSchema, 400: problem, 409: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerClient(context, request.actor, request.body, originOf(request))),
  )

  app.delete(
    '/api/oidc/clients/:clientId',
    {
      config: { access },
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: 'Remove an application; its tokens stop working at once',
        params: ClientParamsSchema,
        response: { 204: Type.Null(), 404: problem },
      },
    },
    async (request, reply) => {
      await deleteClient(context, request.actor, request.params.clientId, originOf(request))
      return reply.code(204).send(null)
    },
  )
}
