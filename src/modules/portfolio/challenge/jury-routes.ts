import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { MANAGE_CHALLENGE } from './access.ts'
import {
  AllScoresSchema,
  ConflictInputSchema,
  JurorInputSchema,
  JurorParamsSchema,
  JurorSchema,
  JuryWorkSchema,
  MyVoteSchema,
  ScoreInputSchema,
  ScoreSchema,
  SubmissionParamsSchema,
  VoteInputSchema,
  YearParamsSchema,
} from './challenge-schemas.ts'
import {
  allScores,
  appointJuror,
  declareConflict,
  juryWork,
  listJurors,
  removeJuror,
  scoreSubmission,
} from './jury.ts'
import { castVote, myVote } from './votes.ts'

const problem = { $ref: 'Problem#' }
const tags = ['portfolio']
const base = '/api/portfolio/challenges'
const Jurors = Type.Object({ items: Type.Array(JurorSchema) })

export async function juryRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  const facts = (request: { id: unknown }) => ({ requestId: String(request.id) })

  app.get(
    `${base}/:year/jurors`,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary:
          "The jury and each juror's progress (submissions scored, conflicts declared), never their scores",
        params: YearParamsSchema,
        response: { 200: Jurors, 401: problem, 403: problem, 404: problem },
      },
    },
    async (request) => ({ items: await listJurors(context, request.actor, request.params.year) }),
  )

  app.post(
    `${base}/:year/jurors`,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary: 'Appoint a juror by the email of their account',
        params: YearParamsSchema,
        body: JurorInputSchema,
        response: { 201: Jurors, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        items: await appointJuror(
          context,
          request.actor,
          request.params.year,
          request.body.email,
          facts(request),
        ),
      }),
  )

  app.delete(
    `${base}/:year/jurors/:personId`,
    {
      config: { access: { action: MANAGE_CHALLENGE } },
      schema: {
        tags,
        summary: 'Remove a juror (with what they declared and scored in this call)',
        params: JurorParamsSchema,
        response: { 204: Type.Null(), 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await removeJuror(context, request.actor, request.params.year, request.params.personId, facts(request))
      return reply.code(204).send(null)
    },
  )

  app.get(
    `${base}/:year/jury/mine`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: "A juror's worklist: eligible submissions with their own conflicts and scores",
        params: YearParamsSchema,
        response: { 200: JuryWorkSchema, 401: problem, 403: problem, 404: problem },
      },
    },
    async (request) => juryWork(context, request.actor, request.params.year),
  )

  app.put(
    `${base}/:year/submissions/:id/conflict`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Declare a conflict of interest on a submission: you will not score it',
        params: SubmissionParamsSchema,
        body: ConflictInputSchema,
        response: { 204: Type.Null(), 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await declareConflict(
        context,
        request.actor,
        request.params.year,
        request.params.id,
        request.body.reason,
        facts(request),
      )
      return reply.code(204).send(null)
    },
  )

  app.put(
    `${base}/:year/submissions/:id/scores`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Score a submission per criterion, 0–10 (jurors, during the evaluation)',
        params: SubmissionParamsSchema,
        body: ScoreInputSchema,
        response: {
          200: Type.Object({ scores: Type.Array(ScoreSchema) }),
          400: problem,
          401: problem,
          403: problem,
          404: problem,
          409: problem,
        },
      },
    },
    async (request) => ({
      scores: await scoreSubmission(
        context,
        request.actor,
        request.params.year,
        request.params.id,
        request.body,
      ),
    }),
  )

  app.get(
    `${base}/:year/scores`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: "Every juror's scores, for the jury and the office: sealed until the evaluation closes",
        params: YearParamsSchema,
        response: { 200: AllScoresSchema, 401: problem, 403: problem, 404: problem },
      },
    },
    async (request) => allScores(context, request.actor, request.params.year),
  )

  app.post(
    `${base}/:year/votes`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Vote for one eligible submission (verified residents, once per challenge)',
        params: YearParamsSchema,
        body: VoteInputSchema,
        response: { 201: MyVoteSchema, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await castVote(context, request.actor, request.params.year, request.body.submission)),
  )

  app.get(
    `${base}/:year/votes/mine`,
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Your vote in this challenge, if you voted',
        params: YearParamsSchema,
        response: { 200: MyVoteSchema, 401: problem, 404: problem },
      },
    },
    async (request) => myVote(context, request.actor, request.params.year),
  )
}
