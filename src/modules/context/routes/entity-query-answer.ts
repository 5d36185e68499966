import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ModuleContext } from '../../../platform/module.ts'
import { type NgsiCall, sendDocument } from '../ngsi-request.ts'
import type { EntityFilter } from '../query/entity-filter.ts'
import { type Page, queryEntities } from '../query/entity-query.ts'
import type { ContextServices } from '../services.ts'
import { type Representation, renderAll } from './representation.ts'

/** Runs a query for the caller (open types only unless they may read all) and sends the page. */
export async function answerEntityQuery(
  context: ModuleContext,
  services: ContextServices,
  request: FastifyRequest,
  reply: FastifyReply,
  query: { call: NgsiCall; filter: EntityFilter; representation: Representation; page: Page },
): Promise<FastifyReply> {
  const { call, filter, representation, page } = query
  const scope = await services.publicTypes.readScope(request.actor, call.tenant)
  const { entities, count } = await queryEntities(context.db, call.tenant, filter, call.terms, scope, page)
  if (count !== undefined) reply.header('ngsild-results-count', String(count))
  return sendDocument(reply, call, renderAll(entities, call.terms, representation, call.accept === 'geo'))
}
