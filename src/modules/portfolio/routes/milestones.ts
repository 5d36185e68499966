import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  MilestoneInputSchema,
  MilestoneParamsSchema,
  MilestonePatchSchema,
  ProjectParamsSchema,
} from '../schemas.ts'
import { UPDATE_PROJECTS } from '../service/access.ts'
import { addMilestone, changeMilestone, removeMilestone } from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['portfolio']
const project = Type.Ref('PortfolioProject')
const refusals = { 400: problem, 401: problem, 403: problem, 404: problem }

/** Weighted milestones: their progress rolls up to the project's completion. */
export async function milestoneRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.post(
    '/api/portfolio/projects/:slug/milestones',
    {
      config: { access: { action: UPDATE_PROJECTS } },
      schema: {
        tags,
        summary: 'Add a milestone with its weight',
        params: ProjectParamsSchema,
        body: MilestoneInputSchema,
        response: { 201: project, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addMilestone(context, request.actor, request.params.slug, request.body)),
  )

  app.patch(
    '/api/portfolio/projects/:slug/milestones/:id',
    {
      config: { access: { action: UPDATE_PROJECTS } },
      schema: {
        tags,
        summary: "Change a milestone (its progress, 0–100, moves the project's completion)",
        params: MilestoneParamsSchema,
        body: MilestonePatchSchema,
        response: { 200: project, ...refusals },
      },
    },
    async (request) =>
      changeMilestone(context, request.actor, request.params.slug, request.params.id, request.body),
  )

  app.delete(
    '/api/portfolio/projects/:slug/milestones/:id',
    {
      config: { access: { action: UPDATE_PROJECTS } },
      schema: {
        tags,
        summary: 'Remove a milestone',
        params: MilestoneParamsSchema,
        response: { 200: project, ...refusals },
      },
    },
    async (request) => removeMilestone(context, request.actor, request.params.slug, request.params.id),
  )
}
