import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { badRequest, notFound } from '../errors.ts'
import {
  addHostedContext,
  findContext,
  HOSTED_PATH,
  listContexts,
  removeContext,
  type StoredContext,
} from '../json-ld/context-source.ts'
import { CORE_CONTEXT_URL, coreContextDocument } from '../json-ld/core-context.ts'
import { compileTerms } from '../json-ld/term-map.ts'
import { ContextListQueryString, ContextParams } from '../schemas.ts'
import type { ContextServices } from '../services.ts'

const tags = ['NGSI-LD @contexts']
const manage = { access: { action: 'context.jsonld_context.manage' } }
const CORE_ID = 'ngsi-ld-core-context-v1.8.jsonld'
const MAX_CONTEXT_BYTES = 512 * 1024

function info(item: StoredContext) {
  return {
    URL: item.url,
    localId: `urn:ngsi-ld:jsonldContext:${item.id}`,
    kind: item.kind === 'hosted' ? 'Hosted' : 'Cached',
    createdAt: item.createdAt,
    ...(item.lastUsedAt ? { lastUsage: item.lastUsedAt } : {}),
    numberOfHits: item.uses,
  }
}

/** NGSI-LD 6.30–6.31: user @contexts hosted here (and the core context, served offline). */
export async function jsonLdContextRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const urlFor = (request: { protocol: string; host: string }, id: string) =>
    `${context.settings.publicUrl || `${request.protocol}://${request.host}`}${HOSTED_PATH}${id}`

  app.get(
    '/jsonldContexts',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Hosted and cached @contexts', querystring: ContextListQueryString },
    },
    async (request, reply) => {
      const { details, kind } = request.query
      if (kind !== undefined && !['hosted', 'cached', 'Hosted', 'Cached', 'ImplicitlyCreated'].includes(kind))
        throw badRequest('"kind" must be Hosted, Cached or ImplicitlyCreated.')
      const items = await listContexts(
        context,
        kind ? (kind.toLowerCase() as 'hosted' | 'cached') : undefined,
      )
      const core = {
        URL: CORE_CONTEXT_URL,
        localId: `urn:ngsi-ld:jsonldContext:${CORE_ID}`,
        kind: 'Cached',
        servedAt: urlFor(request, CORE_ID),
      }
      const withCore = kind === undefined || kind.toLowerCase() === 'cached'
      const body =
        details === 'true'
          ? [...(withCore ? [core] : []), ...items.map(info)]
          : [...(withCore ? [CORE_CONTEXT_URL] : []), ...items.map((item) => item.url)]
      return reply.type('application/json').send(body)
    },
  )

  app.post(
    '/jsonldContexts',
    { config: manage, schema: { tags, summary: 'Host a user @context' } },
    async (request, reply) => {
      const body = request.body
      if (!body || typeof body !== 'object' || Array.isArray(body) || !('@context' in body))
        throw badRequest('The body must be a JSON-LD document with an "@context" member.')
      if (JSON.stringify(body).length > MAX_CONTEXT_BYTES)
        throw badRequest('A hosted @context may be at most 512 KiB.')
      const value = (body as { '@context': unknown })['@context']
      const definitions = (Array.isArray(value) ? value : [value]).filter(
        (item) => typeof item === 'object' && item,
      )
      compileTerms(definitions as Record<string, unknown>[])
      // Check that every URL it names resolves, so a broken context is refused now rather than at use.
      await services.contexts.terms(value)
      const id = randomUUID()
      const url = urlFor(request, id)
      await addHostedContext(context, id, url, { '@context': value })
      await recordAudit(context.db, {
        action: 'context.jsonld_context.create',
        actor: auditActor(request.actor),
        target: { type: 'jsonld_context', id },
        outcome: 'success',
        details: { url },
        requestId: String(request.id),
      })
      return reply.code(201).header('location', url).send()
    },
  )

  app.get(
    '/jsonldContexts/:contextId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A hosted @context',
        params: ContextParams,
        querystring: ContextListQueryString,
      },
    },
    async (request, reply) => {
      const { contextId } = request.params
      if (contextId === CORE_ID) return reply.type('application/ld+json').send(coreContextDocument)
      const found = await findContext(context, { id: contextId })
      if (!found) throw notFound(`There is no hosted @context ${contextId}.`)
      if (request.query.details === 'true') return reply.type('application/json').send(info(found))
      return reply.type('application/ld+json').send(found.body)
    },
  )

  app.delete(
    '/jsonldContexts/:contextId',
    {
      config: manage,
      schema: { tags, summary: 'Remove a hosted or cached @context', params: ContextParams },
    },
    async (request, reply) => {
      const { contextId } = request.params
      if (contextId === CORE_ID) throw badRequest('The core @context cannot be removed.')
      if (!(await removeContext(context, contextId)))
        throw notFound(`There is no hosted @context ${contextId}.`)
      services.contexts.forget()
      await recordAudit(context.db, {
        action: 'context.jsonld_context.delete',
        actor: auditActor(request.actor),
        target: { type: 'jsonld_context', id: contextId },
        outcome: 'success',
        requestId: String(request.id),
      })
      return reply.code(204).send()
    },
  )
}
