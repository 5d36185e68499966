import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  DocumentInputSchema,
  DocumentSchema,
  NoteInputSchema,
  PilotDecisionSchema,
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectParamsSchema,
  ProjectPatchSchema,
  StatusChangeSchema,
  UpdateSchema,
} from '../schemas.ts'
import { CREATE_PROJECTS, DECIDE_PILOTS, UPDATE_PROJECTS } from '../service/access.ts'
import {
  addDocument,
  addNote,
  changeProject,
  changeStatus,
  createProject,
  decidePilot,
  getProject,
  listProjects,
  timelineOf,
} from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['portfolio']
const project = Type.Ref('PortfolioProject')
const refusals = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem }

export async function projectRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  app.get(
    '/api/portfolio/projects',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The portfolio: core, flexible and pilot projects with their completion',
        querystring: ProjectListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(project) }) },
      },
    },
    async (request) => ({ items: await listProjects(context, request.query) }),
  )

  app.get(
    '/api/portfolio/projects/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One project with its milestones, timeline and documents',
        params: ProjectParamsSchema,
        response: {
          200: Type.Object({
            project,
            updates: Type.Array(UpdateSchema),
            documents: Type.Array(DocumentSchema),
          }),
          404: problem,
        },
      },
    },
    async (request) => ({
      project: await getProject(context, request.params.slug),
      ...(await timelineOf(context, request.params.slug)),
    }),
  )

  app.post(
    '/api/portfolio/projects',
    {
      config: { access: { action: CREATE_PROJECTS } },
      schema: {
        tags,
        summary: "Add a project (an organisation's owners, or the Innovation Office); it starts as an idea",
        body: ProjectCreateSchema,
        response: { 201: project, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProject(context, request.actor, request.body, facts(request))),
  )

  app.patch(
    '/api/portfolio/projects/:slug',
    {
      config: { access: { action: UPDATE_PROJECTS } },
      schema: {
        tags,
        summary: "Change a project's description",
        params: ProjectParamsSchema,
        body: ProjectPatchSchema,
        response: { 200: project, ...refusals },
      },
    },
    async (request) =>
      changeProject(context, request.actor, request.params.slug, request.body, facts(request)),
  )

  app.put(
    '/api/portfolio/projects/:slug/status',
    {
      config: { access: { action: UPDATE_PROJECTS } },
      schema: {
        tags,
        summary: 'Move a project along idea → proposed → approved → in progress → completed | stopped',
        description:
          "Approval is the board's and needs the assessments its kind requires, each meeting the standards.",
        params: ProjectParamsSchema,
        body: StatusChangeSchema,
        response: { 200: project, ...refusals },
      },
    },
    async (request) =>
      changeStatus(context, request.actor, request.params.slug, request.body, facts(request)),
  )

  app.put(
    '/api/portfolio/projects/:slug/pilot',
    {
      config: { access: { action: DECIDE_PILOTS } },
      schema: {
        tags,
        summary:
          "The board's decision on a pilot: evaluated, then scale, iterate or abandon, with reasons and lessons",
        params: ProjectParamsSchema,
        body: PilotDecisionSchema,
        response: { 200: project, ...refusals },
      },
    },
    async (request) => decidePilot(context, request.actor, request.params.slug, request.body, facts(request)),
  )

  app.post(
    '/api/portfolio/projects/:slug/notes',
    {
      config: { access: { action: UPDATE_PROJECTS } },
      schema: {
        tags,
        summary: "Add a progress note to the project's timeline",
        params: ProjectParamsSchema,
        body: NoteInputSchema,
        response: { 204: Type.Null(), ...refusals },
      },
    },
    async (request, reply) => {
      await addNote(context, request.actor, request.params.slug, request.body.text)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/portfolio/projects/:slug/documents',
    {
      config: { access: { action: UPDATE_PROJECTS } },
      schema: {
        tags,
        summary: 'Link a document to the project',
        params: ProjectParamsSchema,
        body: DocumentInputSchema,
        response: { 204: Type.Null(), ...refusals },
      },
    },
    async (request, reply) => {
      await addDocument(context, request.actor, request.params.slug, request.body)
      return reply.code(204).send(null)
    },
  )
}
