import type { FastifyRequest } from 'fastify'
import { Problem } from '../../../platform/http/problem.ts'
import type { RequestOrigin } from '../commands/sessions.ts'

export function originOf(request: FastifyRequest): RequestOrigin {
  return {
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? ''),
    requestId: String(request.id),
  }
}

/** The signed-in person of a route declared `signed-in` (the access check has made sure of one). */
export function personOf(request: FastifyRequest): { personId: string; sessionId: string | undefined } {
  const actor = request.actor
  if (actor.kind !== 'person')
    throw new Problem(401, 'AUTH_REQUIRED', 'Sign-in required', 'Sign in to use this.')
  return { personId: actor.personId, sessionId: actor.sessionId }
}
