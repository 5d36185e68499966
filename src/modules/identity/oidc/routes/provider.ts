import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../../../platform/module.ts'
import { OIDC_PATH, oidcProvider } from '../provider.ts'
import { behindProxy } from '../trust-proxy.ts'

/**
 * Hands every request under /oidc to oidc-provider, which speaks OpenID Connect's own formats
 * (errors included). In this scope Fastify parses no body: the provider reads the stream itself.
 */
export async function providerRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  await server.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null))
    scope.all(
      `${OIDC_PATH}/*`,
      { config: { access: 'public', ownCredentials: true }, schema: { hide: true } },
      async (request, reply) => {
        const provider = await oidcProvider(context, behindProxy(request))
        const { raw } = request
        reply.hijack()
        // The platform's security headers and request id were set on the reply, which a hijacked
        // answer never sends: the raw response carries them instead.
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined) reply.raw.setHeader(name, value)
        }
        // The provider finds its mount path by comparing the original address with the one it sees.
        ;(raw as typeof raw & { originalUrl?: string }).originalUrl = raw.url
        raw.url = (raw.url ?? '/').slice(OIDC_PATH.length) || '/'
        await provider.callback()(raw, reply.raw)
      },
    )
  })
}
