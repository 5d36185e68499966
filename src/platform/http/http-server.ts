import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RouteOptions,
} from 'fastify'
import { type Access, type AccessControl, type Actor, anonymous, nobodySignedIn } from '../access/access.ts'
import { installErrorHandler } from './error-handler.ts'
import { Problem } from './problem.ts'
import { EMBEDDABLE_PATH, securityHeaders } from './security-headers.ts'

export interface HttpServerOptions {
  logLevel: string
  bodyLimitBytes: number
  /** Behind a reverse proxy, trust its X-Forwarded-* headers. */
  trustProxy: boolean
  /** Read on every request, so a module can provide it after the server is created. */
  accessControl?: () => AccessControl
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
    // Identifiers in paths are URIs (urn:ngsi-ld:…), often longer than Fastify's default of 100.
    routerOptions: { maxParamLength: 2048 },
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: 'array', allErrors: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  installErrorHandler(app)
  const headers = securityHeaders()
  const embeddableHeaders = securityHeaders({ embeddable: true })
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(request.url.startsWith(EMBEDDABLE_PATH) ? embeddableHeaders : headers)
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
  const accessControl = options.accessControl ?? (() => nobodySignedIn)
  // Set for every request by the hook below; null only until then.
  app.decorateRequest<Actor | null>('actor', null)
  app.addHook('onRequest', async (request, reply) => {
    const control = accessControl()
    request.actor = anonymous
    // A route that reads its callers' credentials itself is not identified here, only access-checked.
    const identified = request.routeOptions.config.ownCredentials
      ? anonymous
      : await control.identify(request)
    if ('allowed' in identified) {
      if (!identified.allowed)
        return refuse(request, reply, identified.status, identified.code, identified.detail)
    } else {
      request.actor = identified
    }
    if (request.is404) return
    const access = request.routeOptions.config.access
    if (access === 'public') return
    if (!access) {
      request.log.error({ route: request.routeOptions.url }, 'route declares no access; denied')
      return refuse(
        request,
        reply,
        403,
        'ACCESS_NOT_DECLARED',
        'The route declares no callers, so it is closed to all.',
      )
    }
    const decision = await control.decide(request, request.actor, access)
    if (!decision.allowed) return refuse(request, reply, decision.status, decision.code, decision.detail)
  })
  return app
}

/** Thrown, so a module's own error handler (a standard's error format) shapes the refusal. */
function refuse(
  _request: FastifyRequest,
  _reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
): never {
  const title = status === 401 ? 'Sign-in required' : 'Not allowed'
  throw new Problem(status, code, title, detail)
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the callers it declares (read after all routes are registered). */
    routeAccess(): { method: string | string[]; url: string; access: Access | undefined }[]
  }
}
