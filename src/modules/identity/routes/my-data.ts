import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { LocalizedTextSchema } from '../../../platform/text/localized.ts'
import { deleteAccount, KEPT_AFTER_DELETION } from '../commands/account-deletion.ts'
import { setConsent } from '../commands/consents.ts'
import { exportMyData, listConsents, listDataUses } from '../queries/my-data.ts'
import { clearSessionCookie } from '../session-cookie.ts'
import { originOf, personOf } from './request-origin.ts'

const problem = { $ref: 'Problem#' }
const tags = ['my data']

export async function myDataRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/account/consents',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'The purposes my data may be reused for, and my answer to each',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                organisation: Type.Union([Type.String(), Type.Null()]),
                title: LocalizedTextSchema,
                description: LocalizedTextSchema,
                dataCategories: Type.Array(Type.String()),
                granted: Type.Boolean(),
                changedAt: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listConsents(context, personOf(request).personId) }),
  )

  app.put(
    '/api/account/consents/:purpose',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Grant or withdraw consent for one purpose; a withdrawal applies at once',
        params: Type.Object({ purpose: Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*$', maxLength: 120 }) }),
        body: Type.Object({ granted: Type.Boolean() }, { additionalProperties: false }),
        response: { 204: Type.Null(), 404: problem },
      },
    },
    async (request, reply) => {
      await setConsent(
        context,
        personOf(request).personId,
        request.params.purpose,
        request.body.granted,
        originOf(request),
      )
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/account/data-uses',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Which organisations and services hold or reused which of my data, why and on what basis',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                organisation: Type.Union([Type.String(), Type.Null()]),
                service: Type.String(),
                kind: Type.String(),
                dataCategories: Type.Array(Type.String()),
                purpose: Type.String(),
                lawfulBasis: Type.String(),
                recordedAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listDataUses(context, personOf(request).personId) }),
  )

  app.get(
    '/api/account/export',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Download everything the platform holds about me, as JSON' },
    },
    async (request, reply) => {
      const data = await exportMyData(context, personOf(request).personId, originOf(request))
      reply.header(
        'content-disposition',
        `attachment; filename="cetate-my-data-${data.exportedAt.slice(0, 10)}.json"`,
      )
      return data
    },
  )

  app.get(
    '/api/account/deletion',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'What deleting my account removes and what the platform must keep',
        response: { 200: Type.Object({ kept: Type.Array(Type.String()) }) },
      },
    },
    async () => ({ kept: KEPT_AFTER_DELETION }),
  )

  app.delete(
    '/api/account',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Delete my account (confirm with the password)',
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ deleted: Type.Literal(true), kept: Type.Array(Type.String()) }),
          403: problem,
          409: problem,
        },
      },
    },
    async (request, reply) => {
      const kept = await deleteAccount(
        context,
        personOf(request).personId,
        request.body.password,
        originOf(request),
      )
      clearSessionCookie(reply, context.settings.secureCookies)
      return { deleted: true as const, kept }
    },
  )
}
