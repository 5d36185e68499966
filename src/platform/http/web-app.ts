import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { sendProblem } from './error-handler.ts'
import { Problem } from './problem.ts'

/** Paths that belong to APIs: an unknown one answers a problem document, never the web page. */
const API_PATHS = /^\/(api|ngsi-ld|oidc|health|ready|metrics)(\/|$|\?)/

/**
 * Serves the built web app; any other page path answers its index.html so the client router
 * renders it (including its own "not found" page).
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'))
  if (hasWeb) {
    await app.register(async (web) => {
      web.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' }
      })
      await web.register(fastifyStatic, {
        root: webRoot,
        wildcard: false,
        index: ['index.html'],
        // Hashed assets never change; the page itself must always be fresh.
        setHeaders: (response, path) => {
          response.header(
            'cache-control',
            path.includes(`${join('dist', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
        },
      })
    })
  }
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')
    if (hasWeb && wantsPage && !API_PATHS.test(request.url)) {
      // Read each time: a rebuilt app is served without a restart, and the file is small.
      const page = await readFile(join(webRoot, 'index.html'), 'utf8')
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page)
    }
    return sendProblem(
      request,
      reply,
      new Problem(
        404,
        'NOT_FOUND',
        'Nothing here',
        `There is no ${request.method} ${request.url.split('?')[0]}; the API is described at /api/docs.`,
      ),
    )
  })
}
