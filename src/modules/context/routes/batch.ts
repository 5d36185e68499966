import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ModuleContext } from '../../../platform/module.ts'
import { type BatchMode, type BatchResult, runBatch, runBatchDelete } from '../batch.ts'
import { badRequest } from '../errors.ts'
import { JSON_LD, readBodyCall, readOptions } from '../ngsi-request.ts'
import { readEntityFilter } from '../query/entity-filter.ts'
import { readPage } from '../query/entity-query.ts'
import { BatchQueryString } from '../schemas.ts'
import type { ContextServices } from '../services.ts'
import { answerEntityQuery } from './entity-query-answer.ts'
import { readRepresentation } from './representation.ts'

const write = { access: { action: 'context.entity.write' } }
const tags = ['NGSI-LD batch operations']
// Batches carry many entities; the usual body limit would cut them at a few thousand.
const bodyLimit = 32 * 1024 * 1024

function readItems(body: unknown): unknown[] {
  if (!Array.isArray(body) || body.length === 0)
    throw badRequest('The body must be a non-empty array of entities.')
  return body
}

function answer(reply: FastifyReply, result: BatchResult, whenAllCreated: 'ids' | 'none'): FastifyReply {
  if (result.errors.length > 0)
    return reply.code(207).type('application/json').send({ success: result.success, errors: result.errors })
  if (whenAllCreated === 'ids' && result.created.length > 0)
    return reply.code(201).type('application/json').send(result.created)
  return reply.code(204).send()
}

/** NGSI-LD 6.14–6.31: batch entity operations, each answered 207 with a BatchOperationResult on partial failure. */
export async function batchRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  const batch = (
    path: string,
    summary: string,
    modeOf: (options: Set<string>) => BatchMode,
    created: 'ids' | 'none',
  ) =>
    app.post(
      path,
      { config: write, bodyLimit, schema: { tags, summary, querystring: BatchQueryString } },
      async (request, reply) => {
        const options = readOptions(request.query.options, ['replace', 'update', 'noOverwrite'])
        const items = readItems(request.body)
        const call = await readBodyCall(request, services, items)
        const isLd = (request.headers['content-type'] ?? '').startsWith(JSON_LD)
        const termsOf = async (item: unknown) =>
          isLd && item && typeof item === 'object'
            ? services.contexts.terms((item as Record<string, unknown>)['@context'])
            : call.terms
        const result = await runBatch(context, call.tenant, items, termsOf, modeOf(options))
        return answer(reply, result, created)
      },
    )

  batch('/entityOperations/create', 'Create entities', () => 'create', 'ids')
  batch(
    '/entityOperations/upsert',
    'Create or update entities',
    (options) => (options.has('update') ? 'upsertUpdate' : 'upsert'),
    'ids',
  )
  batch(
    '/entityOperations/update',
    'Update entities',
    (options) => (options.has('noOverwrite') ? 'updateNoOverwrite' : 'update'),
    'none',
  )
  batch('/entityOperations/merge', 'Merge into entities', () => 'merge', 'none')

  app.post(
    '/entityOperations/delete',
    { config: write, bodyLimit, schema: { tags, summary: 'Delete entities' } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, [])
      return answer(reply, await runBatchDelete(context, call.tenant, request.body), 'none')
    },
  )

  // 6.23: a query sent as a body, for queries too long for a URL.
  app.post(
    '/entityOperations/query',
    { config: { access: 'public' }, schema: { tags, summary: 'Query entities with a Query body' } },
    async (request, reply) => {
      const body = request.body
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw badRequest('The body must be a Query object.')
      const query = body as Record<string, unknown>
      if (query.type !== undefined && query.type !== 'Query')
        throw badRequest('The body\'s "type" must be "Query".')
      const call = await readBodyCall(request, services, body)
      const params = request.query as Record<string, string | undefined>
      const text = (value: unknown, name: string): string | undefined => {
        if (value === undefined) return undefined
        if (typeof value === 'string') return value
        if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',')
        throw badRequest(`"${name}" must be a string.`)
      }
      const entities = Array.isArray(query.entities) ? (query.entities as Record<string, unknown>[]) : []
      const geoQ = (query.geoQ ?? undefined) as Record<string, unknown> | undefined
      const filter = readEntityFilter({
        id: text(entities.map((item) => item.id).filter(Boolean), 'entities.id') || undefined,
        idPattern: text(entities.find((item) => item.idPattern)?.idPattern, 'entities.idPattern'),
        type: text(entities.map((item) => item.type).filter(Boolean), 'entities.type') || undefined,
        attrs: undefined,
        q: text(query.q, 'q'),
        georel: text(geoQ?.georel, 'geoQ.georel'),
        geometry: text(geoQ?.geometry, 'geoQ.geometry'),
        coordinates: geoQ?.coordinates === undefined ? undefined : JSON.stringify(geoQ.coordinates),
        geoproperty: text(geoQ?.geoproperty, 'geoQ.geoproperty'),
      })
      const attrs = text(query.attrs, 'attrs')
      if (attrs) filter.attrs = attrs.split(',')
      const representation = readRepresentation({ ...params, attrs }, call.terms)
      const page = readPage(params)
      return answerEntityQuery(context, services, request, reply, { call, filter, representation, page })
    },
  )
}
