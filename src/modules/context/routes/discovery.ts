import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../../platform/module.ts'
import { listAttributes, listTypes } from '../discovery.ts'
import { checkName } from '../entity-input.ts'
import { notFound } from '../errors.ts'
import { readCall, readFlag, sendDocument } from '../ngsi-request.ts'
import { AttributeNameParams, DetailsQueryString, TypeParams } from '../schemas.ts'
import type { ContextServices } from '../services.ts'

const read = { access: 'public' as const }
const tags = ['NGSI-LD discovery']

/** NGSI-LD 6.25–6.28: which entity types and attributes exist. */
export async function discoveryRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/types',
    { config: read, schema: { tags, summary: 'Entity types present', querystring: DetailsQueryString } },
    async (request, reply) => {
      const call = await readCall(request, services)
      const scope = await services.publicTypes.readScope(request.actor, call.tenant)
      const types = await listTypes(context.db, call.tenant, scope)
      if (!readFlag(request.query.details, 'details'))
        return sendDocument(reply, call, {
          id: `urn:ngsi-ld:EntityTypeList:${randomUUID()}`,
          type: 'EntityTypeList',
          typeList: types.map((item) => call.terms.compact(item.type)),
        })
      const attributes = await listAttributes(context.db, call.tenant, scope)
      return sendDocument(
        reply,
        call,
        types.map((item) => ({
          id: item.type,
          type: 'EntityType',
          typeName: call.terms.compact(item.type),
          attributeNames: attributes
            .filter((attribute) => attribute.typeNames.includes(item.type))
            .map((attribute) => call.terms.compact(attribute.attribute)),
        })),
      )
    },
  )

  app.get(
    '/types/:type',
    { config: read, schema: { tags, summary: 'One entity type', params: TypeParams } },
    async (request, reply) => {
      const call = await readCall(request, services)
      checkName(request.params.type, 'Type')
      const iri = call.terms.expand(request.params.type)
      const scope = await services.publicTypes.readScope(request.actor, call.tenant)
      const found = (await listTypes(context.db, call.tenant, scope)).find((item) => item.type === iri)
      if (!found) throw notFound(`There are no entities of type ${request.params.type}.`)
      const attributes = await listAttributes(context.db, call.tenant, scope, { type: iri })
      return sendDocument(reply, call, {
        id: iri,
        type: 'EntityTypeInfo',
        typeName: call.terms.compact(iri),
        entityCount: found.entityCount,
        attributeDetails: attributes.map((attribute) => ({
          id: attribute.attribute,
          type: 'Attribute',
          attributeName: call.terms.compact(attribute.attribute),
          attributeTypes: attribute.attributeTypes,
        })),
      })
    },
  )

  app.get(
    '/attributes',
    { config: read, schema: { tags, summary: 'Attributes present', querystring: DetailsQueryString } },
    async (request, reply) => {
      const call = await readCall(request, services)
      const scope = await services.publicTypes.readScope(request.actor, call.tenant)
      const attributes = await listAttributes(context.db, call.tenant, scope)
      if (!readFlag(request.query.details, 'details'))
        return sendDocument(reply, call, {
          id: `urn:ngsi-ld:AttributeList:${randomUUID()}`,
          type: 'AttributeList',
          attributeList: attributes.map((attribute) => call.terms.compact(attribute.attribute)),
        })
      return sendDocument(
        reply,
        call,
        attributes.map((attribute) => attributeInfo(attribute, call.terms)),
      )
    },
  )

  app.get(
    '/attributes/:attrId',
    { config: read, schema: { tags, summary: 'One attribute', params: AttributeNameParams } },
    async (request, reply) => {
      const call = await readCall(request, services)
      checkName(request.params.attrId, 'Attribute')
      const scope = await services.publicTypes.readScope(request.actor, call.tenant)
      const [found] = await listAttributes(context.db, call.tenant, scope, {
        attribute: call.terms.expand(request.params.attrId),
      })
      if (!found) throw notFound(`No entity has an attribute ${request.params.attrId}.`)
      return sendDocument(reply, call, attributeInfo(found, call.terms))
    },
  )
}

function attributeInfo(
  attribute: Awaited<ReturnType<typeof listAttributes>>[number],
  terms: { compact(iri: string): string },
) {
  return {
    id: attribute.attribute,
    type: 'Attribute',
    attributeName: terms.compact(attribute.attribute),
    attributeCount: attribute.attributeCount,
    attributeTypes: attribute.attributeTypes,
    typeNames: attribute.typeNames.map((type) => terms.compact(type)),
  }
}
