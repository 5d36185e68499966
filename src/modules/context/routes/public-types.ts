import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { coreTermMap } from '../json-ld/term-map.ts'
import type { ContextServices } from '../services.ts'

const TypeVisibilityParams = Type.Object({ type: Type.String({ minLength: 1, maxLength: 256 }) })
const TenantQuery = Type.Object({ tenant: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{0,64}$' })) })
const VisibilityBody = Type.Object({ public: Type.Boolean() }, { additionalProperties: false })
const PublicTypesSchema = Type.Object({
  items: Type.Array(Type.Object({ type: Type.String(), name: Type.String() })),
})
const problem = { $ref: 'Problem#' }

/**
 * Which entity types are open data, readable by anyone without signing in. Types are named as in
 * the core @context (short names) or by full IRI.
 */
export async function publicTypeRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/context/public-types',
    {
      config: { access: 'public' },
      schema: {
        tags: ['context'],
        summary: 'Entity types anyone may read on the NGSI-LD API',
        querystring: TenantQuery,
        response: { 200: PublicTypesSchema },
      },
    },
    async (request) => {
      const types = await services.publicTypes.of(request.query.tenant ?? '')
      return { items: types.map((type) => ({ type, name: coreTermMap.compact(type) })) }
    },
  )

  app.put(
    '/api/context/public-types/:type',
    {
      config: { access: { action: 'context.type.publish' } },
      schema: {
        tags: ['context'],
        summary: 'Open an entity type to anyone, or close it again',
        params: TypeVisibilityParams,
        querystring: TenantQuery,
        body: VisibilityBody,
        response: { 204: Type.Null(), 400: problem, 401: problem, 403: problem },
      },
    },
    async (request, reply) => {
      const { type } = request.params
      if (/[<>"'=;()\s\\]/.test(type))
        throw new Problem(
          400,
          'CONTEXT_TYPE_INVALID',
          'Not a type name',
          `"${type}" is not an entity type name.`,
        )
      const iri = coreTermMap.expand(type)
      const tenant = request.query.tenant ?? ''
      await services.publicTypes.declare(tenant, [iri], request.body.public)
      await recordAudit(context.db, {
        action: request.body.public ? 'context.type.open' : 'context.type.close',
        actor: auditActor(request.actor),
        target: { type: 'entity_type', id: iri },
        outcome: 'success',
        details: { tenant },
        requestId: String(request.id),
      })
      return reply.code(204).send(null)
    },
  )
}
