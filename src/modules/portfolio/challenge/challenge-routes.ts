import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { MANAGE_CHALLENGE } from './access.ts'
import { changeCall, createCall, getCall, listCalls } from './calls.ts'
import {
  CallCreateSchema,
  CallPatchSchema,
  CallSchema,
  EligibilitySchema,
  PublicSubmissionSchema,
  ResultsSchema,
  SubmissionInputSchema,
  SubmissionParamsSchema,
  SubmissionPatchSchema,
  SubmissionSchema,
  YearParamsSchema,
} from './challenge-schemas.ts'
import { juryRoutes } from './jury-routes.ts'
import { makePilot } from './pilot.ts'
import { getResults, publishResults } from './results.ts'
import {
  allSubmissions,
  decideEligibility,
  editSubmission,
  mySubmissions,
  publicSubmissions,
  submit,
  withdrawSubmission,
} from './submissions.ts'

const problem = { $ref: 'Problem#' }
const tags = ['portfolio']
const base = '/api/portfolio/challenges'
const Call = Type.Ref('PortfolioChallenge')
const Submission = Type.Ref('PortfolioChallengeSubmission')
const Submissions = Type.Object({ items: Type.Array(Submission) })
const PilotSchema = Type.Object({
  slug: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  pilotStage: Type.Union([Type.String(), Type.Null()]),
  origin: Type.Union([Type.String(), Type.Null()]),
})

/** The yearly Cluj Digital Transformation Challenge: calls, submissions, jury, public vote, results. */
export async function challengeRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  server.addSchema(CallSchema)
  server.addSchema(PublicSubmissionSchema)
  server.addSchema(SubmissionSchema)
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  app.get(
    base,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every yearly challenge, newest first, with the phase it is in',
        response: { 200: Type.Object({ items: Type.Array(Call) }) },
      },
    },
    async () => ({ items: await listCalls(context) }),
  )

  app.post(
    base,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary: "Open a year's call: theme, targeted objectives, weighted criteria and dates",
        body: CallCreateSchema,
        response: { 201: Call, 400: problem, 401: problem, 403: problem, 409: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCall(context, request.actor, request.body, facts(request))),
  )

  app.get(
    `${base}/:year`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "One year's call",
        params: YearParamsSchema,
        response: { 200: Call, 404: problem },
      },
    },
    async (request) => getCall(context, request.params.year),
  )

  app.patch(
    `${base}/:year`,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary: 'Change a call (not once its results are published; criteria not once scoring started)',
        params: YearParamsSchema,
        body: CallPatchSchema,
        response: { 200: Call, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) => changeCall(context, request.actor, request.params.year, request.body, facts(request)),
  )

  app.get(
    `${base}/:year/submissions`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Eligible submissions, once the deadline has passed: title, summary, objectives, team',
        params: YearParamsSchema,
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('PortfolioChallengePublicSubmission')) }),
          404: problem,
        },
      },
    },
    async (request) => ({ items: await publicSubmissions(context, request.params.year) }),
  )

  app.post(
    `${base}/:year/submissions`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Submit a proposal (in your own name or for an organisation you belong to)',
        params: YearParamsSchema,
        body: SubmissionInputSchema,
        response: { 201: Submission, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submit(context, request.actor, request.params.year, request.body)),
  )

  app.get(
    `${base}/:year/submissions/mine`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Your own submissions to this call',
        params: YearParamsSchema,
        response: { 200: Submissions, 401: problem, 404: problem },
      },
    },
    async (request) => ({ items: await mySubmissions(context, request.actor, request.params.year) }),
  )

  app.get(
    `${base}/:year/submissions/all`,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary: "Every submission with its eligibility (the office's view)",
        params: YearParamsSchema,
        response: { 200: Submissions, 401: problem, 403: problem, 404: problem },
      },
    },
    async (request) => ({ items: await allSubmissions(context, request.actor, request.params.year) }),
  )

  app.patch(
    `${base}/:year/submissions/:id`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Change your submission, until the deadline',
        params: SubmissionParamsSchema,
        body: SubmissionPatchSchema,
        response: { 200: Submission, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) =>
      editSubmission(context, request.actor, request.params.year, request.params.id, request.body),
  )

  app.delete(
    `${base}/:year/submissions/:id`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Withdraw your submission, until the deadline',
        params: SubmissionParamsSchema,
        response: { 204: Type.Null(), 401: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await withdrawSubmission(context, request.actor, request.params.year, request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.put(
    `${base}/:year/submissions/:id/eligibility`,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary: 'Find a submission eligible or ineligible, with the reason (after the deadline)',
        params: SubmissionParamsSchema,
        body: EligibilitySchema,
        response: { 200: Submission, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) =>
      decideEligibility(
        context,
        request.actor,
        request.params.year,
        request.params.id,
        request.body,
        facts(request),
      ),
  )

  app.post(
    `${base}/:year/submissions/:id/pilot`,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary: 'Turn a winning submission into a pilot project (once the results are published)',
        params: SubmissionParamsSchema,
        response: { 201: PilotSchema, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      const project = await makePilot(
        context,
        request.actor,
        request.params.year,
        request.params.id,
        facts(request),
      )
      return reply.code(201).send({
        slug: project.slug,
        kind: project.kind,
        status: project.status,
        pilotStage: project.pilot?.stage ?? null,
        origin: project.origin,
      })
    },
  )

  app.get(
    `${base}/:year/results`,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The ranking: public once published; the office previews it after the evaluation closes',
        params: YearParamsSchema,
        response: { 200: ResultsSchema, 404: problem, 409: problem },
      },
    },
    async (request) => getResults(context, request.actor, request.params.year),
  )

  app.post(
    `${base}/:year/results/publish`,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary: 'Publish the results: the ranking is frozen and public from then on',
        params: YearParamsSchema,
        response: { 200: ResultsSchema, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) => publishResults(context, request.actor, request.params.year, facts(request)),
  )

  await juryRoutes(app, context)
}
