import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  finishPasskeyRegistration,
  finishPasskeySignIn,
  listPasskeys,
  removePasskey,
  startPasskeyRegistration,
  startPasskeySignIn,
} from '../commands/passkeys.ts'
import { getAccount } from '../queries/account.ts'
import { SessionStateSchema } from '../schemas/account.ts'
import { readSessionCookie, setSessionCookie } from '../session-cookie.ts'
import { originOf, personOf } from './request-origin.ts'

const problem = { $ref: 'Problem#' }
const tags = ['passkeys']
/** WebAuthn's own JSON; the library checks every field of it. */
const Credential = Type.Object(
  { id: Type.String({ maxLength: 1024 }), type: Type.Literal('public-key') },
  { additionalProperties: true },
)
const Ceremony = Type.Object({
  challengeId: Type.String(),
  options: Type.Unknown({ description: 'WebAuthn options as JSON' }),
})

export async function passkeyRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const limited = { max: context.settings.authRateLimit, timeWindow: '1 minute' }

  app.get(
    '/api/account/passkeys',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'My passkeys',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                createdAt: Type.String(),
                lastUsedAt: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listPasskeys(context, personOf(request).personId) }),
  )

  app.post(
    '/api/account/passkeys/options',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Start adding a passkey: options for navigator.credentials.create',
        response: { 200: Ceremony },
      },
    },
    async (request) => startPasskeyRegistration(context, personOf(request).personId),
  )

  app.post(
    '/api/account/passkeys',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: "Finish adding a passkey with the authenticator's answer",
        body: Type.Object(
          {
            challengeId: Type.String({ maxLength: 64 }),
            name: Type.String({ minLength: 1, maxLength: 80 }),
            response: Credential,
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 400: problem },
      },
    },
    async (request, reply) => {
      const { challengeId, name, response } = request.body
      await finishPasskeyRegistration(
        context,
        personOf(request).personId,
        { challengeId, name, response: response as unknown as RegistrationResponseJSON },
        originOf(request),
      )
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/account/passkeys/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Remove one of my passkeys',
        params: Type.Object({ id: Type.String({ maxLength: 1024 }) }),
        response: { 204: Type.Null(), 404: problem },
      },
    },
    async (request, reply) => {
      await removePasskey(context, personOf(request).personId, request.params.id, originOf(request))
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/account/passkey-sign-in/options',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Start signing in with a passkey: options for navigator.credentials.get',
        response: { 200: Ceremony },
      },
    },
    async () => startPasskeySignIn(context),
  )

  app.post(
    '/api/account/passkey-sign-in',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Sign in with a passkey; sets the session cookie',
        body: Type.Object(
          { challengeId: Type.String({ maxLength: 64 }), response: Credential },
          { additionalProperties: false },
        ),
        response: { 200: SessionStateSchema, 400: problem, 401: problem },
      },
    },
    async (request, reply) => {
      const opened = await finishPasskeySignIn(
        context,
        {
          challengeId: request.body.challengeId,
          response: request.body.response as unknown as AuthenticationResponseJSON,
        },
        originOf(request),
        readSessionCookie(request),
      )
      setSessionCookie(reply, opened.secret, context.settings.secureCookies)
      return {
        signedIn: true,
        csrfToken: opened.csrfToken,
        account: await getAccount(context, opened.personId),
      }
    },
  )
}
