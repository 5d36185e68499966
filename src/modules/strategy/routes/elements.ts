import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  ChangesQuerySchema,
  ElementCreateSchema,
  ElementParamsSchema,
  ElementPatchSchema,
  ElementVersionSchema,
  FieldChangeSchema,
  StrategyQuerySchema,
} from '../schemas.ts'
import { EDIT_STRATEGY } from '../service/access.ts'
import {
  changeElement,
  createElement,
  diffElement,
  getElement,
  getElementHistory,
  getStrategy,
  listChanges,
} from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['strategy']

/** The strategy as data: read as of any moment, its history and differences, edited by the office. */
export async function elementRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  app.get(
    '/api/strategy',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The strategy: vision, objectives, action directions, core projects…, now or as of a moment',
        querystring: StrategyQuerySchema,
        response: {
          200: Type.Object({ asOf: Type.String(), elements: Type.Array(Type.Ref('StrategyElement')) }),
          400: problem,
        },
      },
    },
    async (request) => getStrategy(context, request.query),
  )

  app.get(
    '/api/strategy/changes',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every change to the strategy in a span of time, with what it changed',
        querystring: ChangesQuerySchema,
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            changes: Type.Array(
              Type.Object({
                key: Type.String(),
                kind: Type.String(),
                version: Type.Integer(),
                changedAt: Type.String(),
                changedBy: Type.Union([Type.String(), Type.Null()]),
                note: Type.Union([Type.String(), Type.Null()]),
                changes: Type.Array(FieldChangeSchema),
              }),
            ),
          }),
          400: problem,
        },
      },
    },
    async (request) => listChanges(context, request.actor, request.query.from, request.query.to),
  )

  app.get(
    '/api/strategy/elements/:key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One element of the strategy as it is now',
        params: ElementParamsSchema,
        response: { 200: Type.Ref('StrategyElement'), 404: problem },
      },
    },
    async (request) => getElement(context, request.params.key),
  )

  app.get(
    '/api/strategy/elements/:key/versions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Every version of an element, oldest first (who changed it: for the strategy's editors)",
        params: ElementParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(ElementVersionSchema) }), 404: problem },
      },
    },
    async (request) => ({ items: await getElementHistory(context, request.actor, request.params.key) }),
  )

  app.get(
    '/api/strategy/elements/:key/diff',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What changed between two versions of an element',
        params: ElementParamsSchema,
        querystring: Type.Object({
          from: Type.Integer({ minimum: 1 }),
          to: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the current version' })),
        }),
        response: {
          200: Type.Object({
            key: Type.String(),
            from: Type.Integer(),
            to: Type.Integer(),
            changes: Type.Array(FieldChangeSchema),
          }),
          404: problem,
        },
      },
    },
    async (request) => diffElement(context, request.params.key, request.query.from, request.query.to),
  )

  app.post(
    '/api/strategy/elements',
    {
      config: { access: { action: EDIT_STRATEGY } },
      schema: {
        tags,
        summary: 'Add an element (e.g. a new action direction during implementation)',
        body: ElementCreateSchema,
        response: {
          201: Type.Ref('StrategyElement'),
          400: problem,
          401: problem,
          403: problem,
          409: problem,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createElement(context, request.actor, request.body, facts(request))),
  )

  app.patch(
    '/api/strategy/elements/:key',
    {
      config: { access: { action: EDIT_STRATEGY } },
      schema: {
        tags,
        summary: 'Change an element; the previous version stays in its history',
        params: ElementParamsSchema,
        body: ElementPatchSchema,
        response: {
          200: Type.Ref('StrategyElement'),
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
        },
      },
    },
    async (request) =>
      changeElement(context, request.actor, request.params.key, request.body, facts(request)),
  )
}
