import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  changeProfile,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signUp,
  verifyEmail,
} from '../commands/accounts.ts'
import { endOtherSessions, endSession, identifySession, signIn, signOut } from '../commands/sessions.ts'
import { getAccount, listSessions } from '../queries/account.ts'
import {
  AccountSchema,
  ProfileSchema,
  ResetRequestSchema,
  ResetSchema,
  SessionListSchema,
  SessionParamsSchema,
  SessionStateSchema,
  SignInSchema,
  SignUpSchema,
  TokenSchema,
} from '../schemas/account.ts'
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../session-cookie.ts'
import { originOf, personOf } from './request-origin.ts'

const problem = { $ref: 'Problem#' }
const tags = ['account']

export async function accountRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.addSchema(AccountSchema)
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, limit) =>
      new Problem(
        429,
        'TOO_MANY_REQUESTS',
        'Too many attempts',
        `Too many attempts from this address; wait ${Math.ceil(limit.ttl / 1000)} s and try again.`,
      ),
  })
  const secure = context.settings.secureCookies
  // Per address; the per-account lockout in signIn catches a slow attack spread over many addresses.
  const guarded = { max: context.settings.authRateLimit, timeWindow: '1 minute' }

  app.get(
    '/api/account/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether the caller is signed in, their account and the CSRF token for writes',
        response: { 200: SessionStateSchema },
      },
    },
    async (request) => {
      const secret = readSessionCookie(request)
      const session = secret ? await identifySession(context, secret) : undefined
      if (!session) return { signedIn: false, csrfToken: null, account: null }
      return {
        signedIn: true,
        csrfToken: session.csrfToken,
        account: await getAccount(context, session.personId),
      }
    },
  )

  app.post(
    '/api/account/sign-up',
    {
      config: { access: 'public', rateLimit: guarded },
      schema: {
        tags,
        summary: 'Create an account (level of assurance: low) and send the verification mail',
        body: SignUpSchema,
        response: { 201: Type.Object({ id: Type.String() }), 409: problem },
      },
    },
    async (request, reply) => {
      const id = await signUp(
        context,
        { ...request.body, preferredLanguage: request.body.preferredLanguage ?? 'ro' },
        originOf(request),
      )
      return reply.code(201).send({ id })
    },
  )

  app.post(
    '/api/account/sign-in',
    {
      config: { access: 'public', rateLimit: guarded },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: SignInSchema,
        response: { 200: SessionStateSchema, 401: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const opened = await signIn(context, request.body, originOf(request), readSessionCookie(request))
      setSessionCookie(reply, opened.secret, secure)
      return {
        signedIn: true,
        csrfToken: opened.csrfToken,
        account: await getAccount(context, opened.personId),
      }
    },
  )

  app.post(
    '/api/account/sign-out',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'End this session', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const { personId, sessionId } = personOf(request)
      if (sessionId) await signOut(context, personId, sessionId, originOf(request))
      clearSessionCookie(reply, secure)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/account/verify-email',
    {
      config: { access: 'public', rateLimit: guarded },
      schema: {
        tags,
        summary: 'Confirm the email address with the token from the mail',
        body: TokenSchema,
        response: { 204: Type.Null(), 400: problem },
      },
    },
    async (request, reply) => {
      await verifyEmail(context, request.body.token, originOf(request))
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/account/verify-email/resend',
    {
      config: { access: 'signed-in', rateLimit: { max: 3, timeWindow: '10 minutes' } },
      schema: { tags, summary: 'Send the verification mail again', response: { 202: Type.Null() } },
    },
    async (request, reply) => {
      await resendVerification(context, personOf(request).personId)
      return reply.code(202).send(null)
    },
  )

  app.post(
    '/api/account/password-reset',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: {
        tags,
        summary: 'Mail a reset link, if the address has an account (the answer is the same either way)',
        body: ResetRequestSchema,
        response: { 202: Type.Null() },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(context, request.body.email, originOf(request))
      return reply.code(202).send(null)
    },
  )

  app.post(
    '/api/account/password-reset/confirm',
    {
      config: { access: 'public', rateLimit: guarded },
      schema: {
        tags,
        summary: 'Set a new password with the token from the mail; ends every session',
        body: ResetSchema,
        response: { 204: Type.Null(), 400: problem },
      },
    },
    async (request, reply) => {
      await resetPassword(context, request.body.token, request.body.password, originOf(request))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/account',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'My account', response: { 200: Type.Ref('Account') } },
    },
    async (request) => getAccount(context, personOf(request).personId),
  )

  app.patch(
    '/api/account',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Change my name or language',
        body: ProfileSchema,
        response: { 200: Type.Ref('Account') },
      },
    },
    async (request) => {
      const { personId } = personOf(request)
      await changeProfile(context, personId, request.body)
      return getAccount(context, personId)
    },
  )

  app.get(
    '/api/account/sessions',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Where I am signed in', response: { 200: SessionListSchema } },
    },
    async (request) => {
      const { personId, sessionId } = personOf(request)
      return { items: await listSessions(context, personId, sessionId) }
    },
  )

  app.delete(
    '/api/account/sessions/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'End one of my sessions',
        params: SessionParamsSchema,
        response: { 204: Type.Null(), 404: problem },
      },
    },
    async (request, reply) => {
      await endSession(context, personOf(request).personId, request.params.id, originOf(request))
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/account/sessions',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'End all my other sessions',
        response: { 200: Type.Object({ ended: Type.Integer() }) },
      },
    },
    async (request) => {
      const { personId, sessionId } = personOf(request)
      return { ended: await endOtherSessions(context, personId, sessionId ?? '', originOf(request)) }
    },
  )
}
