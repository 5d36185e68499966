import Fastify, { type FastifyInstance } from 'fastify'

/** The ceiling for requests: a bare Fastify answering a constant, in the server's own process. */
export function helloWorld(): FastifyInstance {
  const app = Fastify({ logger: false })
  app.get('/', async () => ({ hello: 'world' }))
  return app
}
