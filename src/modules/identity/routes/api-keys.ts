import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { createApiKey, revokeKey } from '../commands/api-keys.ts'
import { listMyKeys, listOrganisationKeys } from '../queries/api-keys.ts'
import {
  ApiKeyParamsSchema,
  ApiKeySchema,
  CreatedApiKeySchema,
  NewApiKeySchema,
  OrganisationSlugParamsSchema,
} from '../schemas/api-keys.ts'
import { originOf, personOf } from './request-origin.ts'

const problem = { $ref: 'Problem#' }
const tags = ['api keys']

export async function apiKeyRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/account/api-keys',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'My API keys',
        response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }) },
      },
    },
    async (request) => ({ items: await listMyKeys(context, personOf(request).personId) }),
  )

  app.post(
    '/api/account/api-keys',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Create a personal API key; it is shown once',
        body: NewApiKeySchema,
        response: { 201: CreatedApiKeySchema, 400: problem, 403: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiKey(context, request.actor, request.body, originOf(request))),
  )

  app.get(
    '/api/organisations/:slug/api-keys',
    {
      config: { access: { action: 'identity.api_key.read' } },
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: "An organisation's API keys",
        params: OrganisationSlugParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }), 404: problem },
      },
    },
    async (request) => ({ items: await listOrganisationKeys(context, request.actor, request.params.slug) }),
  )

  app.post(
    '/api/organisations/:slug/api-keys',
    {
      config: { access: { action: 'identity.api_key.create' } },
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: 'Create an API key for an organisation; it is shown once',
        params: OrganisationSlugParamsSchema,
        body: NewApiKeySchema,
        response: { 201: CreatedApiKeySchema, 400: problem, 403: problem, 404: problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createApiKey(
            context,
            request.actor,
            { ...request.body, organisation: request.params.slug },
            originOf(request),
          ),
        ),
  )

  app.delete(
    '/api/api-keys/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Revoke a key: mine, or one of an organisation I own',
        params: ApiKeyParamsSchema,
        response: { 204: Type.Null(), 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await revokeKey(context, request.actor, request.params.id, originOf(request))
      return reply.code(204).send(null)
    },
  )
}
