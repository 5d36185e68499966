import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../../platform/module.ts'
import { checkName, readAttributes, readEntity, readInstance } from '../entity-input.ts'
import { renderEntity } from '../entity-output.ts'
import { badRequest, notFound } from '../errors.ts'
import { readMerge } from '../merge-input.ts'
import type { AttributeInstance } from '../model.ts'
import { readBodyCall, readCall, readFlag, readOptions, resourcePath, sendDocument } from '../ngsi-request.ts'
import { readEntityFilter } from '../query/entity-filter.ts'
import { readPage } from '../query/entity-query.ts'
import { parseTypeExpression, typeExpressionMatches } from '../query/type-expression.ts'
import {
  AppendQueryString,
  AttributeParams,
  DeleteAttributeQueryString,
  EntityIdParams,
  EntityQueryString,
  EntityRetrieveQueryString,
} from '../schemas.ts'
import {
  appendToEntity,
  createEntity,
  deleteEntityAttribute,
  getEntity,
  mergeEntity,
  patchEntityAttribute,
  removeEntity,
  replaceEntity,
  replaceEntityAttribute,
  updateEntityAttributes,
} from '../service.ts'
import type { ContextServices } from '../services.ts'
import { mayRead } from '../visibility.ts'
import { answerEntityQuery } from './entity-query-answer.ts'
import { readRepresentation, toFeature } from './representation.ts'

const read = { access: 'public' as const }
const write = { access: { action: 'context.entity.write' } }
const tags = ['NGSI-LD entities']

const entityPath = (id: string) => resourcePath('entities', id)

/** NGSI-LD 6.4–6.7: entities and their attributes. */
export async function entityRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  // 6.4.3.1
  app.post(
    '/entities',
    { config: write, schema: { tags, summary: 'Create an entity' } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      await createEntity(context, call, readEntity(request.body, call.terms))
      const id = (request.body as { id: string }).id
      return reply.code(201).header('location', entityPath(id)).send()
    },
  )

  // 6.4.3.2
  app.get(
    '/entities',
    { config: read, schema: { tags, summary: 'Query entities', querystring: EntityQueryString } },
    async (request, reply) => {
      const call = await readCall(request, services)
      const query = request.query
      const representation = readRepresentation(query, call.terms)
      const filter = readEntityFilter({ ...query, attrs: undefined })
      // `attrs` both projects and selects entities with at least one of them (6.4.3.2).
      if (query.attrs) filter.attrs = query.attrs.split(',').map((name) => name.trim())
      const page = readPage(query)
      return answerEntityQuery(context, services, request, reply, { call, filter, representation, page })
    },
  )

  // 6.5.3.1
  app.get(
    '/entities/:entityId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Retrieve an entity',
        params: EntityIdParams,
        querystring: EntityRetrieveQueryString,
      },
    },
    async (request, reply) => {
      const call = await readCall(request, services)
      const representation = readRepresentation(request.query, call.terms)
      const { entity } = await getEntity(context, call, request.params.entityId)
      const scope = await services.publicTypes.readScope(request.actor, call.tenant)
      const wanted = request.query.type ? parseTypeExpression(request.query.type) : undefined
      if (
        !mayRead(scope, entity.types) ||
        (wanted && !typeExpressionMatches(wanted, entity.types, (n) => call.terms.expand(n)))
      )
        throw notFound(`There is no entity with id ${request.params.entityId}.`)
      const body =
        call.accept === 'geo'
          ? toFeature(entity, call.terms, representation)
          : renderEntity(entity, call.terms, representation)
      return sendDocument(reply, call, body)
    },
  )

  // 6.5.3.2
  app.delete(
    '/entities/:entityId',
    { config: write, schema: { tags, summary: 'Delete an entity', params: EntityIdParams } },
    async (request, reply) => {
      const call = await readCall(request, services, { write: true })
      await removeEntity(context, call, request.params.entityId)
      return reply.code(204).send()
    },
  )

  // 6.5.3.3 (merge-patch)
  app.patch(
    '/entities/:entityId',
    { config: write, schema: { tags, summary: 'Merge into an entity', params: EntityIdParams } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      await mergeEntity(
        context,
        call,
        request.params.entityId,
        readMerge(request.body, call.terms, request.params.entityId),
      )
      return reply.code(204).send()
    },
  )

  // 6.5.3.4
  app.put(
    '/entities/:entityId',
    { config: write, schema: { tags, summary: 'Replace an entity', params: EntityIdParams } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      await replaceEntity(
        context,
        call,
        readEntity(request.body, call.terms, { id: request.params.entityId }),
      )
      return reply.code(204).send()
    },
  )

  // 6.6.3.1
  app.post(
    '/entities/:entityId/attrs',
    {
      config: write,
      schema: { tags, summary: 'Append attributes', params: EntityIdParams, querystring: AppendQueryString },
    },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      const options = readOptions(request.query.options, ['noOverwrite'])
      const changes = await appendToEntity(
        context,
        call,
        request.params.entityId,
        attributesOf(request.body, call.terms),
        {
          noOverwrite: options.has('noOverwrite'),
        },
      )
      return changes.notUpdated.length === 0
        ? reply.code(204).send()
        : reply.code(207).send(updateResult(changes, call.terms))
    },
  )

  // 6.6.3.2
  app.patch(
    '/entities/:entityId/attrs',
    { config: write, schema: { tags, summary: 'Update attributes', params: EntityIdParams } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      const changes = await updateEntityAttributes(
        context,
        call,
        request.params.entityId,
        attributesOf(request.body, call.terms),
      )
      return changes.notUpdated.length === 0
        ? reply.code(204).send()
        : reply.code(207).send(updateResult(changes, call.terms))
    },
  )

  // 6.7.3.1
  app.patch(
    '/entities/:entityId/attrs/:attrId',
    { config: write, schema: { tags, summary: 'Partially update an attribute', params: AttributeParams } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      const { entityId, attrId } = request.params
      checkName(attrId, 'Attribute')
      const patch = readPatch(request.body, attrId, call.terms)
      await patchEntityAttribute(context, call, entityId, call.terms.expand(attrId), attrId, patch)
      return reply.code(204).send()
    },
  )

  // 6.7.3.3
  app.put(
    '/entities/:entityId/attrs/:attrId',
    { config: write, schema: { tags, summary: 'Replace an attribute', params: AttributeParams } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      const { entityId, attrId } = request.params
      checkName(attrId, 'Attribute')
      const instance = readInstance(attrId, withoutContext(request.body), call.terms)
      await replaceEntityAttribute(context, call, entityId, call.terms.expand(attrId), attrId, instance)
      return reply.code(204).send()
    },
  )

  // 6.7.3.2
  app.delete(
    '/entities/:entityId/attrs/:attrId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete an attribute',
        params: AttributeParams,
        querystring: DeleteAttributeQueryString,
      },
    },
    async (request, reply) => {
      const call = await readCall(request, services, { write: true })
      const { entityId, attrId } = request.params
      checkName(attrId, 'Attribute')
      const { datasetId } = request.query
      await deleteEntityAttribute(context, call, entityId, call.terms.expand(attrId), attrId, {
        datasetId,
        deleteAll: readFlag(request.query.deleteAll, 'deleteAll'),
      })
      return reply.code(204).send()
    },
  )
}

function withoutContext(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The body must be a JSON object.')
  const { '@context': _context, ...rest } = body as Record<string, unknown>
  return rest
}

function attributesOf(body: unknown, terms: Parameters<typeof readAttributes>[1]) {
  return readAttributes(withoutContext(body) as Record<string, unknown>, terms)
}

/** A partial attribute update: only the members given, so a value member is not required. */
function readPatch(body: unknown, name: string, terms: Parameters<typeof readAttributes>[1]) {
  const members = withoutContext(body) as Record<string, unknown>
  if (Object.keys(members).length === 0) throw badRequest(`The body has nothing to change in "${name}".`)
  const hasValue = ['value', 'object', 'languageMap', 'valueList', 'objectList', 'json', 'vocab'].some(
    (m) => m in members,
  )
  if (hasValue) return readInstance(name, members, terms)
  // Only metadata (e.g. observedAt) or sub-attributes: read against a placeholder value, then drop it.
  const {
    value: _value,
    type: _type,
    ...instance
  } = readInstance(name, { ...members, type: 'Property', value: 0 }, terms)
  // Without a type given the instance keeps its own (a Relationship stays one).
  return (
    typeof members.type === 'string' ? { ...instance, type: members.type } : instance
  ) as AttributeInstance
}

function updateResult(
  changes: { changed: string[]; notUpdated: { attributeName: string; reason: string }[] },
  terms: Parameters<typeof readAttributes>[1],
) {
  return {
    updated: changes.changed.map((iri) => terms.compact(iri)),
    notUpdated: changes.notUpdated.map((item) => ({
      ...item,
      attributeName: terms.compact(item.attributeName),
    })),
  }
}
