import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { listDataModels, removeDataModel, saveDataModel } from '../data-models/data-model-store.ts'
import { compileModels } from '../data-models/data-models.ts'
import { coreTermMap } from '../json-ld/term-map.ts'
import type { ContextServices } from '../services.ts'

const TenantQuery = Type.Object({ tenant: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{0,64}$' })) })
const ModelQuery = Type.Object({
  id: Type.String({ format: 'uri', description: 'The schema $id' }),
  tenant: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{0,64}$' })),
})
const NewModel = Type.Object(
  {
    schema: Type.Object(
      {},
      { additionalProperties: true, description: 'A JSON Schema with an absolute $id' },
    ),
    entityType: Type.Optional(
      Type.String({ minLength: 1, maxLength: 256, pattern: '^[^<>"\'=;()\\s\\\\]+$' }),
    ),
    aliases: Type.Optional(Type.Array(Type.String({ format: 'uri' }), { maxItems: 10 })),
  },
  { additionalProperties: false },
)
const ModelSummary = Type.Object({
  id: Type.String(),
  entityType: Type.Union([Type.String(), Type.Null()]),
  aliases: Type.Array(Type.String()),
  registeredAt: Type.String(),
})
const problem = { $ref: 'Problem#' }
const manage = { access: { action: 'context.data_model.manage' } }
const tags = ['context']

/** JSON Schemas (Smart Data Models) that entities of a type are checked against when written. */
export async function dataModelRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/context/data-models',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Registered data models (JSON Schemas) and the entity types they check',
        querystring: TenantQuery,
        response: { 200: Type.Object({ items: Type.Array(ModelSummary) }) },
      },
    },
    async (request) => {
      const records = await listDataModels(context.db, request.query.tenant ?? '')
      return {
        items: records.map(({ schema: _schema, entityType, ...record }) => ({
          ...record,
          entityType: entityType ? coreTermMap.compact(entityType) : null,
        })),
      }
    },
  )

  app.get(
    '/api/context/data-models/schema',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One registered JSON Schema',
        querystring: ModelQuery,
        response: { 404: problem },
      },
    },
    async (request) => {
      const found = (await listDataModels(context.db, request.query.tenant ?? '')).find(
        (record) => record.id === request.query.id,
      )
      if (!found)
        throw new Problem(
          404,
          'CONTEXT_DATA_MODEL_NOT_FOUND',
          'No such data model',
          `No schema ${request.query.id} is registered.`,
        )
      return found.schema
    },
  )

  app.put(
    '/api/context/data-models',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Register a JSON Schema, optionally as the data model of an entity type',
        querystring: TenantQuery,
        body: NewModel,
        response: { 204: Type.Null(), 400: problem, 401: problem, 403: problem },
      },
    },
    async (request, reply) => {
      const tenant = request.query.tenant ?? ''
      const { schema, entityType, aliases = [] } = request.body
      const id = (schema as { $id?: unknown }).$id
      if (typeof id !== 'string' || !/^https?:\/\/\S+$/.test(id))
        throw new Problem(
          400,
          'CONTEXT_DATA_MODEL_INVALID',
          'The schema needs an $id',
          'Give the schema an absolute "$id" (its URL), the address other schemas use in their $ref.',
        )
      const record = {
        id,
        entityType: entityType ? coreTermMap.expand(entityType) : null,
        aliases,
        schema: schema as Record<string, unknown>,
      }
      // Compiled with everything already registered, so a broken schema or a dangling $ref is refused now.
      const others = (await listDataModels(context.db, tenant)).filter(
        (existing) => existing.id !== record.id && existing.entityType !== record.entityType,
      )
      try {
        compileModels([...others, { ...record, registeredAt: '' }])
      } catch (error) {
        throw new Problem(
          400,
          'CONTEXT_DATA_MODEL_INVALID',
          'The schema cannot be used',
          `${error instanceof Error ? error.message : String(error)}. Register the schemas it refers to first.`,
        )
      }
      await saveDataModel(context.db, tenant, record)
      services.dataModels.forget(tenant)
      await recordAudit(context.db, {
        action: 'context.data_model.register',
        actor: auditActor(request.actor),
        target: { type: 'data_model', id: record.id },
        outcome: 'success',
        details: { tenant, entityType: entityType ?? null },
        requestId: String(request.id),
      })
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/context/data-models',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a registered JSON Schema',
        querystring: ModelQuery,
        response: { 204: Type.Null(), 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const tenant = request.query.tenant ?? ''
      const remaining = (await listDataModels(context.db, tenant)).filter(
        (record) => record.id !== request.query.id,
      )
      try {
        compileModels(remaining)
      } catch (error) {
        throw new Problem(
          409,
          'CONTEXT_DATA_MODEL_IN_USE',
          'Other schemas still refer to this one',
          `${error instanceof Error ? error.message : String(error)}. Remove or change those schemas first.`,
        )
      }
      if (!(await removeDataModel(context.db, tenant, request.query.id)))
        throw new Problem(
          404,
          'CONTEXT_DATA_MODEL_NOT_FOUND',
          'No such data model',
          `No schema ${request.query.id} is registered.`,
        )
      services.dataModels.forget(tenant)
      await recordAudit(context.db, {
        action: 'context.data_model.remove',
        actor: auditActor(request.actor),
        target: { type: 'data_model', id: request.query.id },
        outcome: 'success',
        details: { tenant },
        requestId: String(request.id),
      })
      return reply.code(204).send(null)
    },
  )
}
