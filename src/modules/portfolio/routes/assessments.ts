import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import {
  AssessmentSchema,
  GdprContentSchema,
  ImpactContentSchema,
  ProjectParamsSchema,
  SecurityContentSchema,
} from '../schemas.ts'
import { MANAGE_SETTINGS, UPDATE_PROJECTS } from '../service/access.ts'
import { changeSettings, getSettings, listAssessments, recordAssessment } from '../service.ts'

const problem = { $ref: 'Problem#' }
const tags = ['portfolio']

const SettingsSchema = Type.Object(
  {
    impactCriteria: Type.Array(
      Type.Object(
        {
          key: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 50 }),
          group: Type.Enum(['green', 'equity']),
          title: Type.Object({
            ro: Type.String(),
            en: Type.Optional(Type.String()),
            hu: Type.Optional(Type.String()),
          }),
          minimum: Type.Integer({ minimum: 0, maximum: 5 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
    requiredForApproval: Type.Object(
      {
        core: Type.Array(Type.Enum(['impact', 'security', 'gdpr'])),
        flexible: Type.Array(Type.Enum(['impact', 'security', 'gdpr'])),
        pilot: Type.Array(Type.Enum(['impact', 'security', 'gdpr'])),
      },
      { additionalProperties: false },
    ),
    highRisk: Type.Integer({ minimum: 2, maximum: 25 }),
  },
  { additionalProperties: false },
)

/** The three assessments every project carries, and the standards they are held to. */
export async function assessmentRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  const forms = [
    ['impact', ImpactContentSchema, 'Mini impact analysis: each green and equity criterion scored 0–5'],
    [
      'security',
      SecurityContentSchema,
      'Security risk matrix: likelihood × impact per risk, mitigation, residual risk',
    ],
    ['gdpr', GdprContentSchema, 'GDPR check: personal data, lawful basis, whether a DPIA is needed and done'],
  ] as const
  for (const [kind, body, summary] of forms) {
    app.put(
      `/api/portfolio/projects/:slug/assessments/${kind}`,
      {
        config: { access: { action: UPDATE_PROJECTS } },
        schema: {
          tags,
          summary,
          params: ProjectParamsSchema,
          body,
          response: { 200: AssessmentSchema, 400: problem, 401: problem, 403: problem, 404: problem },
        },
      },
      async (request) =>
        recordAssessment(context, request.actor, request.params.slug, kind, request.body, facts(request)),
    )
  }

  app.get(
    '/api/portfolio/projects/:slug/assessments',
    {
      config: { access: { action: UPDATE_PROJECTS } },
      schema: {
        tags,
        summary:
          "The project's latest assessments with their findings (the office and the owner organisation)",
        params: ProjectParamsSchema,
        response: {
          200: Type.Object({ items: Type.Array(AssessmentSchema) }),
          401: problem,
          403: problem,
          404: problem,
        },
      },
    },
    async (request) => ({ items: await listAssessments(context, request.actor, request.params.slug) }),
  )

  app.get(
    '/api/portfolio/settings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The minimum impact standards and the assessments each kind of project needs before approval',
        response: { 200: SettingsSchema },
      },
    },
    async () => getSettings(context),
  )

  app.put(
    '/api/portfolio/settings',
    {
      config: { access: { action: MANAGE_SETTINGS } },
      schema: {
        tags,
        summary: 'Set the standards (the Innovation Office)',
        body: SettingsSchema,
        response: { 200: SettingsSchema, 400: problem, 401: problem, 403: problem },
      },
    },
    async (request) => changeSettings(context, request.actor, request.body, facts(request)),
  )
}
