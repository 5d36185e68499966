import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { ProblemSchema } from './problem-schema.ts'

export interface OpenApiInfo {
  title: string
  version: string
  description: string
}

/** The OpenAPI 3 document is generated from the same TypeBox schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance, info: OpenApiInfo): Promise<void> {
  app.addSchema(ProblemSchema)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info,
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key or an OpenID Connect access token',
          },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`),
    },
  })
  await app.register(async (docs) => {
    // The documentation's own routes are public, like the document they show.
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' }
    })
    // Our own security headers apply; the validator badge would call a host outside the city's control.
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { validatorUrl: null },
      logo: { type: 'image/svg+xml', content: Buffer.from(wordmark(info.title)), href: '/', target: '_self' },
    })
  })
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  )
}

/** The docs page's top bar names the product, linking home. */
function wordmark(title: string): string {
  const text = title.replace(/[<&>"]/g, '')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="180" height="40" viewBox="0 0 180 40"><text x="0" y="28" font-family="sans-serif" font-size="24" font-weight="700" fill="#fff">${text}</text></svg>`
}
