import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, LogController, type RouteOptions } from 'fastify'
import { type Access, type Authorizer, denyAll } from '../access/access.ts'
import { installErrorHandler, sendProblem } from './error-handler.ts'
import { Problem } from './problem.ts'
import { securityHeaders } from './security-headers.ts'

export interface HttpServerOptions {
  logLevel: string
  bodyLimitBytes: number
  /** Behind a reverse proxy, trust its X-Forwarded-* headers. */
  trustProxy: boolean
  authorizer?: Authorizer
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/

/**
 * The Fastify instance with what every route shares: request ids, security headers, problem
 * documents for errors, and the access check that denies any route that does not declare its callers.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel },
    // Timings go to /metrics; failures are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    // Our genReqId reads the header itself, so a caller's id is checked before it is used.
    requestIdHeader: false,
    // A caller's own id is kept when it is harmless, so its logs and ours line up.
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: 'array', allErrors: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  installErrorHandler(app)
  const headers = securityHeaders()
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers)
    reply.header('x-request-id', request.id)
  })
  // Once closing, each answer also closes its connection; otherwise a keep-alive connection
  // whose request was in flight would hold shutdown until its idle timeout.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close')
  })
  const routes: RouteOptions[] = []
  app.addHook('onRoute', (route) => {
    routes.push(route)
  })
  app.decorate('routeAccess', () =>
    routes.map((route) => ({ method: route.method, url: route.url, access: route.config?.access })),
  )
  const authorize = options.authorizer ?? denyAll
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return
    const access = request.routeOptions.config.access
    if (access === 'public') return
    if (!access) {
      request.log.error({ route: request.routeOptions.url }, 'route declares no access; denied')
      return sendProblem(
        request,
        reply,
        new Problem(
          403,
          'ACCESS_NOT_DECLARED',
          'This route is closed',
          'The route declares no callers, so it is closed to all.',
        ),
      )
    }
    const decision = await authorize(request, access)
    if (!decision.allowed) {
      const title = decision.status === 401 ? 'Sign-in required' : 'Not allowed'
      return sendProblem(request, reply, new Problem(decision.status, decision.code, title, decision.detail))
    }
  })
  return app
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the callers it declares (read after all routes are registered). */
    routeAccess(): { method: string | string[]; url: string; access: Access | undefined }[]
  }
}
