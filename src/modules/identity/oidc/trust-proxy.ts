import type { FastifyRequest } from 'fastify'

/** Whether the server trusts a reverse proxy's X-Forwarded-* headers; the provider must agree with it. */
export function behindProxy(request: FastifyRequest): boolean {
  return Boolean((request.server.initialConfig as { trustProxy?: unknown }).trustProxy)
}
