import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { Database } from '../db/database.ts'
import { selectEntries } from './audit-store.ts'

const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
})

const AuditQuerySchema = Type.Object(
  {
    actorType: Type.Optional(Type.Enum(['person', 'api_key', 'client', 'system', 'anonymous'])),
    actorId: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(
      Type.String({ maxLength: 200, description: 'An action, or a prefix such as "identity"' }),
    ),
    targetType: Type.Optional(Type.String({ maxLength: 100 })),
    targetId: Type.Optional(Type.String({ maxLength: 200 })),
    outcome: Type.Optional(Type.Enum(['success', 'failure', 'denied'])),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    before: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Entries older than this sequence number' }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
)

/** The staff view of the audit log, newest first, paged by sequence number. */
export function registerAuditRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.get(
    '/api/audit',
    {
      config: { access: { action: 'platform.audit.read' } },
      schema: {
        tags: ['platform'],
        summary: 'Security-relevant actions, newest first, with filters',
        security: [{ bearer: [] }],
        querystring: AuditQuerySchema,
        response: {
          200: Type.Object({
            items: Type.Array(AuditEntrySchema),
            next: Type.Union([Type.Integer(), Type.Null()], {
              description: 'Pass as "before" for the next page',
            }),
          }),
        },
      },
    },
    async (request) => {
      const items = await selectEntries(db, request.query)
      const last = items.at(-1)
      return { items, next: items.length === request.query.limit && last ? last.seq : null }
    },
  )
}
