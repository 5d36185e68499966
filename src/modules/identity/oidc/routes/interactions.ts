import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ModuleContext } from '../../../../platform/module.ts'
import { originOf } from '../../routes/request-origin.ts'
import { abortInteraction, answerConsent, signInThroughOidc } from '../commands/interactions.ts'
import { oidcProvider } from '../provider.ts'
import { describeInteraction } from '../queries/interactions.ts'
import { ConsentSchema, InteractionParamsSchema, InteractionSchema, NextStepSchema } from '../schemas.ts'
import { behindProxy } from '../trust-proxy.ts'

const problem = { $ref: 'Problem#' }
const tags = ['sign-on (OpenID Connect)']

/**
 * The JSON steps behind the web app's page /account/authorize/:uid, where a relying party's
 * sign-in request is shown, the person signs in with their Cetate session and gives consent.
 */
export async function interactionRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const provider = (request: FastifyRequest) => oidcProvider(context, behindProxy(request))

  app.get(
    '/api/oidc/interactions/:uid',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A sign-in request: the application, what it asks for, and the level of assurance it needs',
        params: InteractionParamsSchema,
        response: { 200: InteractionSchema, 404: problem },
      },
    },
    async (request) =>
      describeInteraction(context, await provider(request), request.params.uid, request.actor),
  )

  app.post(
    '/api/oidc/interactions/:uid/login',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Sign in to the application as the person signed in to Cetate',
        params: InteractionParamsSchema,
        response: { 200: NextStepSchema, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) =>
      signInThroughOidc(
        context,
        await provider(request),
        request.params.uid,
        request.actor,
        originOf(request),
      ),
  )

  app.post(
    '/api/oidc/interactions/:uid/consent',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Allow or refuse what the application asks for',
        params: InteractionParamsSchema,
        body: ConsentSchema,
        response: { 200: NextStepSchema, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) =>
      answerConsent(
        context,
        await provider(request),
        request.params.uid,
        request.actor,
        request.body.approve,
        originOf(request),
      ),
  )

  app.post(
    '/api/oidc/interactions/:uid/abort',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Give up: the application is told the sign-in was cancelled, or why it could not be done',
        params: InteractionParamsSchema,
        response: { 200: NextStepSchema, 404: problem },
      },
    },
    async (request) =>
      abortInteraction(
        context,
        await provider(request),
        request.params.uid,
        request.actor,
        originOf(request),
      ),
  )
}
