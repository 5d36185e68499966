import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ModuleContext } from '../../../platform/module.ts'
import { checkName, isUri } from '../entity-input.ts'
import { badRequest, NgsiError } from '../errors.ts'
import {
  type NgsiCall,
  readBodyCall,
  readCall,
  readFlag,
  readNames,
  resourcePath,
  sendDocument,
} from '../ngsi-request.ts'
import { readEntityFilter } from '../query/entity-filter.ts'
import { readPage } from '../query/entity-query.ts'
import { parseTypeExpression, typeExpressionMatches } from '../query/type-expression.ts'
import {
  AttributeParams,
  DeleteAttributeQueryString,
  EntityIdParams,
  InstanceParams,
  TemporalQueryBodyQueryString,
  TemporalQueryString,
  TemporalRetrieveQueryString,
} from '../schemas.ts'
import type { ContextServices } from '../services.ts'
import { readInstancePatch, readTemporalAttributes, readTemporalEntity } from '../temporal/temporal-input.ts'
import { readTemporalQuery, readTemporalView } from '../temporal/temporal-query.ts'
import {
  addTemporalAttributes,
  addTemporalEntity,
  modifyInstance,
  queryTemporalEntities,
  removeAttributeHistory,
  removeInstance,
  removeTemporalEntity,
  retrieveTemporalEntity,
} from '../temporal/temporal-service.ts'

const read = { access: 'public' as const }
const write = { access: { action: 'context.entity.write' } }
const tags = ['NGSI-LD temporal']
const temporalPath = (id: string) => resourcePath('temporal/entities', id)

function entityId(id: string): string {
  if (!isUri(id)) throw badRequest(`The entity id "${id}" is not a URI.`)
  return id
}

/** The temporal representation has no GeoJSON form (4.5.16 is for entities). */
function readTemporalCall(call: NgsiCall): NgsiCall {
  if (call.accept === 'geo')
    throw new NgsiError('NotAcceptable', 'The temporal API answers application/json or application/ld+json.')
  return call
}

function bodyObject(body: unknown, what: string): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`The body must be ${what}.`)
  return body as Record<string, unknown>
}

/** NGSI-LD 6.18–6.22 and 6.24: the temporal evolution of entities, kept for every change. */
export async function temporalRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const scopeOf = (request: FastifyRequest, call: NgsiCall) =>
    services.publicTypes.readScope(request.actor, call.tenant)

  // 6.18.3.1
  app.post(
    '/temporal/entities',
    { config: write, schema: { tags, summary: 'Create or add to the temporal evolution of an entity' } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      const input = readTemporalEntity(request.body, call.terms)
      const created = await addTemporalEntity(context.db, call.tenant, input)
      return created
        ? reply.code(201).header('location', temporalPath(input.id)).send()
        : reply.code(204).send()
    },
  )

  // 6.18.3.2
  app.get(
    '/temporal/entities',
    {
      config: read,
      schema: { tags, summary: 'Query the temporal evolution of entities', querystring: TemporalQueryString },
    },
    async (request, reply) => {
      const call = readTemporalCall(await readCall(request, services))
      const params = request.query
      const filter = readEntityFilter({ ...params, attrs: readNames(params.attrs) })
      const answer = await queryTemporalEntities(
        context.db,
        call.tenant,
        call.terms,
        await scopeOf(request, call),
        {
          filter,
          query: readTemporalQuery(params),
          view: readTemporalView(params),
          page: readPage(params),
        },
      )
      if (answer.count !== undefined) reply.header('ngsild-results-count', String(answer.count))
      return sendDocument(reply, call, answer.body, answer.truncated ? 206 : 200)
    },
  )

  // 6.19.3.1
  app.get(
    '/temporal/entities/:entityId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Retrieve the temporal evolution of an entity',
        params: EntityIdParams,
        querystring: TemporalRetrieveQueryString,
      },
    },
    async (request, reply) => {
      const call = readTemporalCall(await readCall(request, services))
      const params = request.query
      const wanted = params.type ? parseTypeExpression(params.type) : undefined
      const answer = await retrieveTemporalEntity(
        context.db,
        call.tenant,
        call.terms,
        await scopeOf(request, call),
        entityId(request.params.entityId),
        {
          attrs: readNames(params.attrs),
          query: readTemporalQuery(params),
          view: readTemporalView(params),
          ...(wanted
            ? {
                types: (types: string[]) =>
                  typeExpressionMatches(wanted, types, (name) => call.terms.expand(name)),
              }
            : {}),
        },
      )
      return sendDocument(reply, call, answer.body, answer.truncated ? 206 : 200)
    },
  )

  // 6.19.3.2
  app.delete(
    '/temporal/entities/:entityId',
    {
      config: write,
      schema: { tags, summary: 'Delete the temporal evolution of an entity', params: EntityIdParams },
    },
    async (request, reply) => {
      const call = await readCall(request, services, { write: true })
      await removeTemporalEntity(context.db, call.tenant, entityId(request.params.entityId))
      return reply.code(204).send()
    },
  )

  // 6.20.3.1
  app.post(
    '/temporal/entities/:entityId/attrs',
    { config: write, schema: { tags, summary: 'Add attribute instances', params: EntityIdParams } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      const body = bodyObject(request.body, 'a JSON object of attributes with their instances')
      const attrs = readTemporalAttributes(body, call.terms)
      await addTemporalAttributes(context.db, call.tenant, entityId(request.params.entityId), attrs)
      return reply.code(204).send()
    },
  )

  // 6.21.3.1
  app.delete(
    '/temporal/entities/:entityId/attrs/:attrId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete the temporal evolution of an attribute',
        params: AttributeParams,
        querystring: DeleteAttributeQueryString,
      },
    },
    async (request, reply) => {
      const call = await readCall(request, services, { write: true })
      const { attrId } = request.params
      checkName(attrId, 'Attribute')
      const { datasetId } = request.query
      const deleteAll = readFlag(request.query.deleteAll, 'deleteAll')
      await removeAttributeHistory(
        context.db,
        call.tenant,
        entityId(request.params.entityId),
        call.terms.expand(attrId),
        attrId,
        { datasetId, deleteAll },
      )
      return reply.code(204).send()
    },
  )

  // 6.22.3.1
  app.patch(
    '/temporal/entities/:entityId/attrs/:attrId/:instanceId',
    { config: write, schema: { tags, summary: 'Modify an attribute instance', params: InstanceParams } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      const { attrId, instanceId } = request.params
      checkName(attrId, 'Attribute')
      const patch = readInstancePatch(request.body, attrId, call.terms)
      await modifyInstance(
        context.db,
        call.tenant,
        entityId(request.params.entityId),
        call.terms.expand(attrId),
        instanceId,
        patch,
      )
      return reply.code(204).send()
    },
  )

  // 6.22.3.2
  app.delete(
    '/temporal/entities/:entityId/attrs/:attrId/:instanceId',
    { config: write, schema: { tags, summary: 'Delete an attribute instance', params: InstanceParams } },
    async (request, reply) => {
      const call = await readCall(request, services, { write: true })
      const { attrId, instanceId } = request.params
      checkName(attrId, 'Attribute')
      await removeInstance(
        context.db,
        call.tenant,
        entityId(request.params.entityId),
        call.terms.expand(attrId),
        instanceId,
      )
      return reply.code(204).send()
    },
  )

  // 6.24.3.1: a temporal query sent as a body (5.2.23 Query with temporalQ).
  app.post(
    '/temporal/entityOperations/query',
    {
      config: read,
      schema: {
        tags,
        summary: 'Query the temporal evolution of entities with a Query body',
        querystring: TemporalQueryBodyQueryString,
      },
    },
    async (request, reply) => {
      const query = bodyObject(request.body, 'a Query object')
      if (query.type !== undefined && query.type !== 'Query')
        throw badRequest('The body\'s "type" must be "Query".')
      const call = readTemporalCall(await readBodyCall(request, services, query))
      const params = request.query
      const temporalQ =
        query.temporalQ === undefined ? {} : bodyObject(query.temporalQ, 'a TemporalQuery object')
      const entities = query.entities === undefined ? [] : query.entities
      if (!Array.isArray(entities) || !entities.every((item) => item && typeof item === 'object'))
        throw badRequest('"entities" must be an array of { id, idPattern, type } selectors.')
      const selectors = entities as Record<string, unknown>[]
      const geoQ = query.geoQ === undefined ? undefined : bodyObject(query.geoQ, 'a GeoQuery object')
      const filter = readEntityFilter({
        id: joined(
          selectors.map((item) => item.id).filter((id) => id !== undefined),
          'entities.id',
        ),
        idPattern: single(
          selectors.find((item) => item.idPattern !== undefined)?.idPattern,
          'entities.idPattern',
        ),
        type: joined(
          selectors.map((item) => item.type).filter((type) => type !== undefined),
          'entities.type',
        ),
        attrs: readNames(joined(query.attrs === undefined ? [] : [query.attrs].flat(), 'attrs')),
        q: single(query.q, 'q'),
        georel: single(geoQ?.georel, 'geoQ.georel'),
        geometry: single(geoQ?.geometry, 'geoQ.geometry'),
        coordinates: geoQ?.coordinates === undefined ? undefined : JSON.stringify(geoQ.coordinates),
        geoproperty: single(geoQ?.geoproperty, 'geoQ.geoproperty'),
      })
      const answer = await queryTemporalEntities(
        context.db,
        call.tenant,
        call.terms,
        await scopeOf(request, call),
        {
          filter,
          query: readTemporalQuery({
            timerel: single(temporalQ.timerel, 'temporalQ.timerel'),
            timeAt: single(temporalQ.timeAt, 'temporalQ.timeAt'),
            endTimeAt: single(temporalQ.endTimeAt, 'temporalQ.endTimeAt'),
            timeproperty: single(temporalQ.timeproperty, 'temporalQ.timeproperty'),
            lastN: params.lastN ?? numberOrText(temporalQ.lastN, 'temporalQ.lastN'),
          }),
          view: readTemporalView({
            options: params.options,
            aggrMethods:
              params.aggrMethods ?? joined([temporalQ.aggrMethods ?? []].flat(), 'temporalQ.aggrMethods'),
            aggrPeriodDuration:
              params.aggrPeriodDuration ??
              single(temporalQ.aggrPeriodDuration, 'temporalQ.aggrPeriodDuration'),
          }),
          page: readPage(params),
        },
      )
      if (answer.count !== undefined) reply.header('ngsild-results-count', String(answer.count))
      return sendDocument(reply, call, answer.body, answer.truncated ? 206 : 200)
    },
  )
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw badRequest(`"${name}" must be a string.`)
  return value
}

function numberOrText(value: unknown, name: string): string | number | undefined {
  return typeof value === 'number' ? value : single(value, name)
}

/** Strings (or lists of them) joined by commas; undefined when there are none. */
function joined(values: unknown[], name: string): string | undefined {
  const flat = values.flat()
  if (!flat.every((value) => typeof value === 'string')) throw badRequest(`"${name}" must hold strings.`)
  return flat.length === 0 ? undefined : flat.join(',')
}
