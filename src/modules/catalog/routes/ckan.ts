import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { CKAN_ACTIONS } from '../ckan/actions.ts'
import { CkanError, fromProblem, isProblem } from '../ckan/ckan-error.ts'
import { Parameters } from '../ckan/parameters.ts'

const ActionParams = Type.Object({ name: Type.String({ maxLength: 100 }) })
const AnyParameters = Type.Object({}, { additionalProperties: true })
const Envelope = Type.Object({
  help: Type.String(),
  success: Type.Boolean(),
  result: Type.Optional(Type.Unknown()),
  error: Type.Optional(
    Type.Object(
      { __type: Type.Optional(Type.String()), message: Type.String() },
      { additionalProperties: true },
    ),
  ),
})

const helpUrl = (context: ModuleContext, name: string) =>
  `${context.settings.publicUrl}/api/3/action/help_show?name=${encodeURIComponent(name)}`

function sendError(reply: FastifyReply, help: string, error: CkanError): FastifyReply {
  return reply.code(error.status).send({
    help,
    success: false,
    error: { __type: error.type, message: error.message, ...error.fields },
  })
}

/** CKAN's errors from anything thrown here: our problems, Fastify's parsing and validation, and the rest. */
function toCkanError(error: unknown): CkanError | undefined {
  if (error instanceof CkanError) return error
  if (isProblem(error)) return fromProblem(error)
  const fastify = error as FastifyError
  if (
    fastify.validation ||
    (fastify.statusCode !== undefined && fastify.statusCode < 500) ||
    error instanceof SyntaxError
  )
    return new CkanError('Validation Error', fastify.message)
  return undefined
}

/**
 * CKAN's Action API (`/api/3/action/{name}`), read-only: GET with a query string or POST with a JSON
 * body, answered in CKAN's envelope `{help, success, result}` and its error shapes and statuses, so
 * tools written for CKAN (data.gov.ro) work unchanged.
 */
export async function ckanRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  // Its own scope: CKAN's error shape applies to these routes only.
  await server.register(async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const name = (request.params as { name?: string } | undefined)?.name ?? ''
      const ckan = toCkanError(error)
      if (ckan) return sendError(reply, helpUrl(context, name), ckan)
      request.log.error({ err: error }, 'CKAN action failed')
      return reply.code(500).send({
        help: helpUrl(context, name),
        success: false,
        error: {
          __type: 'Internal Server Error',
          message: 'The action failed on our side; try again, or report the request id.',
        },
      })
    })

    app.get(
      '/api/3',
      {
        config: { access: 'public' },
        schema: {
          tags: ['ckan'],
          summary: 'The CKAN API version',
          response: { 200: Type.Object({ version: Type.Integer() }) },
        },
      },
      async () => ({ version: 3 }),
    )

    for (const prefix of ['/api/3/action', '/api/action']) {
      app.route({
        method: ['GET', 'POST'],
        url: `${prefix}/:name`,
        config: { access: 'public' },
        schema: {
          tags: ['ckan'],
          summary: 'A CKAN action: package_search, package_show, datastore_search, ...',
          description: `Actions: ${Object.keys(CKAN_ACTIONS).sort().join(', ')}.`,
          params: ActionParams,
          querystring: AnyParameters,
          response: { 200: Envelope, 400: Envelope, 403: Envelope, 404: Envelope, 409: Envelope },
        },
        handler: async (request, reply) => {
          const { name } = request.params as { name: string }
          const help = helpUrl(context, name)
          const action = CKAN_ACTIONS[name]
          if (!action)
            return reply.code(400).send({
              help,
              success: false,
              error: { __type: 'Bad Request', message: `Bad request - Action name not known: ${name}` },
            })
          const body = request.body
          if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body)))
            throw new CkanError('Validation Error', 'The body must be a JSON object of parameters.')
          const values = {
            ...(request.query as Record<string, unknown>),
            ...((body as Record<string, unknown> | undefined) ?? {}),
          }
          const result = await action.run({
            context,
            actor: request.actor,
            params: new Parameters(values),
            path: `${prefix}/${name}`,
          })
          return { help, success: true, result }
        },
      })
    }
  })
}
