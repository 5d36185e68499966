import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { readBodyCall, readCall, readOptions, resourcePath, sendDocument } from '../ngsi-request.ts'
import { readPage } from '../query/entity-query.ts'
import { SubscriptionListQueryString, SubscriptionParams, SubscriptionQueryString } from '../schemas.ts'
import type { ContextServices } from '../services.ts'
import { renderSubscription } from '../subscriptions/subscription-output.ts'
import { subscriptionService } from '../subscriptions/subscription-service.ts'

const manage = { access: { action: 'context.subscription.manage' } }
const tags = ['NGSI-LD subscriptions']
const subscriptionPath = (id: string) => resourcePath('subscriptions', id)

/** Where a subscription sends, for the audit log: without credentials or query. */
function endpointOf(body: unknown): string | undefined {
  const uri = (body as { notification?: { endpoint?: { uri?: unknown } } })?.notification?.endpoint?.uri
  if (typeof uri !== 'string') return undefined
  try {
    const url = new URL(uri)
    return `${url.protocol}//${url.host}${url.pathname}`
  } catch {
    return undefined
  }
}

/**
 * NGSI-LD 6.10–6.11: subscriptions. The notifier delivers while this server listens and stops with
 * it, handing back what it has not delivered for the next start.
 */
export async function subscriptionRoutes(
  server: FastifyInstance,
  context: ModuleContext,
  services: ContextServices,
) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const subscriptions = subscriptionService(context, services)
  server.addHook('onListen', () => subscriptions.notifier.start())
  server.addHook('onClose', () => subscriptions.notifier.stop())

  // 6.10.3.1
  app.post(
    '/subscriptions',
    { config: manage, schema: { tags, summary: 'Create a subscription' } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      const id = await subscriptions.create(request.actor, call, request.body)
      await recordAudit(context.db, {
        action: 'context.subscription.create',
        actor: auditActor(request.actor),
        target: { type: 'subscription', id },
        outcome: 'success',
        details: { tenant: call.tenant, endpoint: endpointOf(request.body) },
        requestId: String(request.id),
      })
      return reply.code(201).header('location', subscriptionPath(id)).send()
    },
  )

  // 6.10.3.2
  app.get(
    '/subscriptions',
    {
      config: manage,
      schema: { tags, summary: 'Query subscriptions', querystring: SubscriptionListQueryString },
    },
    async (request, reply) => {
      const call = await readCall(request, services)
      const options = readOptions(request.query.options, ['sysAttrs'])
      const page = readPage(request.query)
      const { subscriptions: found, count } = await subscriptions.list(request.actor, call.tenant, page)
      if (count !== undefined) reply.header('ngsild-results-count', String(count))
      const now = new Date()
      return sendDocument(
        reply,
        call,
        found.map((item) => renderSubscription(item, call.terms, { now, sysAttrs: options.has('sysAttrs') })),
      )
    },
  )

  // 6.11.3.1
  app.get(
    '/subscriptions/:subscriptionId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Retrieve a subscription',
        params: SubscriptionParams,
        querystring: SubscriptionQueryString,
      },
    },
    async (request, reply) => {
      const call = await readCall(request, services)
      const options = readOptions(request.query.options, ['sysAttrs'])
      const found = await subscriptions.get(request.actor, call.tenant, request.params.subscriptionId)
      return sendDocument(
        reply,
        call,
        renderSubscription(found, call.terms, { now: new Date(), sysAttrs: options.has('sysAttrs') }),
      )
    },
  )

  // 6.11.3.2
  app.patch(
    '/subscriptions/:subscriptionId',
    { config: manage, schema: { tags, summary: 'Update a subscription', params: SubscriptionParams } },
    async (request, reply) => {
      const call = await readBodyCall(request, services, request.body)
      await subscriptions.update(request.actor, call, request.params.subscriptionId, request.body)
      return reply.code(204).send()
    },
  )

  // 6.11.3.3
  app.delete(
    '/subscriptions/:subscriptionId',
    { config: manage, schema: { tags, summary: 'Delete a subscription', params: SubscriptionParams } },
    async (request, reply) => {
      const call = await readCall(request, services)
      const id = request.params.subscriptionId
      await subscriptions.remove(request.actor, call.tenant, id)
      await recordAudit(context.db, {
        action: 'context.subscription.delete',
        actor: auditActor(request.actor),
        target: { type: 'subscription', id },
        outcome: 'success',
        details: { tenant: call.tenant },
        requestId: String(request.id),
      })
      return reply.code(204).send()
    },
  )
}
