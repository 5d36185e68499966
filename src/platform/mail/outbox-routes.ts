import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { Database } from '../db/database.ts'
import { readOutbox } from './mailer.ts'

/**
 * Without SMTP, mail lands in the outbox. It holds sign-in links, so only administrators read it
 * (in development, the demo's administrator).
 */
export function registerOutboxRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/api/outbox',
    {
      config: { access: { action: 'platform.outbox.read' } },
      schema: {
        tags: ['platform'],
        summary: 'Mail kept because no SMTP server is configured (development)',
        security: [{ bearer: [] }],
        querystring: Type.Object(
          {
            to: Type.Optional(Type.String({ maxLength: 320 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                recipient: Type.String(),
                subject: Type.String(),
                body: Type.String(),
                sentAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await readOutbox(db, request.query.to, request.query.limit) }),
  )
}
