import { type Static, Type } from 'typebox'
import { LocalizedTextSchema } from '../../../platform/text/localized.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const Moment = Type.String({ format: 'date-time' })
const Objective = Type.String({
  pattern: '^objective-[1-9]$|^transversal$',
  description: "A strategy objective's key: objective-1 … objective-5, or transversal",
})
const CriterionKey = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 50 })

export const PHASES = [
  'upcoming',
  'submissions',
  'evaluation',
  'voting',
  'awaiting_results',
  'results',
] as const
export type Phase = (typeof PHASES)[number]

export const CriterionSchema = Type.Object(
  {
    key: CriterionKey,
    title: LocalizedTextSchema,
    weight: Type.Integer({
      minimum: 1,
      maximum: 100,
      description: 'Percent; the weights of a call sum to 100',
    }),
  },
  { additionalProperties: false },
)
export type Criterion = Static<typeof CriterionSchema>

const DatesSchema = Type.Object(
  {
    submissionsOpen: Moment,
    submissionsClose: Moment,
    evaluationClose: Moment,
    votingOpen: Type.Optional(Nullable(Moment)),
    votingClose: Type.Optional(Nullable(Moment)),
    resultsAt: Moment,
  },
  {
    additionalProperties: false,
    description:
      'In order: submissions open < submissions close ≤ evaluation close ≤ results; a public vote, when held, opens after submissions close and closes before results',
  },
)
export type CallDates = Static<typeof DatesSchema>

export const CallSchema = Type.Object(
  {
    year: Type.Integer(),
    theme: LocalizedTextSchema,
    description: LocalizedTextSchema,
    objectives: Type.Array(Type.String()),
    criteria: Type.Array(CriterionSchema),
    dates: Type.Object({
      submissionsOpen: Moment,
      submissionsClose: Moment,
      evaluationClose: Moment,
      votingOpen: Nullable(Moment),
      votingClose: Nullable(Moment),
      resultsAt: Moment,
    }),
    publicVote: Type.Boolean(),
    phase: Type.Enum(PHASES),
    resultsPublishedAt: Nullable(Moment),
  },
  { $id: 'PortfolioChallenge' },
)
export type Call = Static<typeof CallSchema>

export const CallCreateSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    theme: LocalizedTextSchema,
    description: LocalizedTextSchema,
    objectives: Type.Array(Objective, { minItems: 1, maxItems: 6 }),
    criteria: Type.Array(CriterionSchema, { minItems: 1, maxItems: 10 }),
    dates: DatesSchema,
  },
  { additionalProperties: false },
)
export type CallCreate = Static<typeof CallCreateSchema>

export const CallPatchSchema = Type.Object(
  {
    theme: Type.Optional(LocalizedTextSchema),
    description: Type.Optional(LocalizedTextSchema),
    objectives: Type.Optional(CallCreateSchema.properties.objectives),
    criteria: Type.Optional(CallCreateSchema.properties.criteria),
    dates: Type.Optional(DatesSchema),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type CallPatch = Static<typeof CallPatchSchema>

const TeamMemberSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, description: 'The name the team chooses to show' }),
    role: Type.String({ minLength: 1, maxLength: 120 }),
  },
  { additionalProperties: false },
)

export const SubmissionInputSchema = Type.Object(
  {
    title: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    objectives: Type.Array(Objective, { minItems: 1, maxItems: 6 }),
    team: Type.Array(TeamMemberSchema, { maxItems: 30 }),
    budgetAsked: Type.Number({ minimum: 0, maximum: 100_000_000, description: 'Euros' }),
    pilotPlan: LocalizedTextSchema,
    organisation: Type.Optional(
      Nullable(
        Type.String({ minLength: 2, maxLength: 100, description: 'Submitted for this organisation (slug)' }),
      ),
    ),
  },
  { additionalProperties: false },
)
export type SubmissionInput = Static<typeof SubmissionInputSchema>

export const SubmissionPatchSchema = Type.Partial(SubmissionInputSchema, {
  additionalProperties: false,
  minProperties: 1,
})
export type SubmissionPatch = Static<typeof SubmissionPatchSchema>

const OrganisationRef = Nullable(Type.Object({ slug: Type.String(), name: LocalizedTextSchema }))

/** What anyone sees of an eligible submission once submissions close: no person ids, no emails. */
export const PublicSubmissionSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    title: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    objectives: Type.Array(Type.String()),
    team: Type.Array(TeamMemberSchema),
    organisation: OrganisationRef,
  },
  { $id: 'PortfolioChallengePublicSubmission' },
)
export type PublicSubmission = Static<typeof PublicSubmissionSchema>

/** What the author and the office see. */
export const SubmissionSchema = Type.Object(
  {
    ...PublicSubmissionSchema.properties,
    budgetAsked: Type.Number(),
    pilotPlan: LocalizedTextSchema,
    eligibility: Type.Enum(['pending', 'eligible', 'ineligible']),
    eligibilityReason: Nullable(Type.String()),
    project: Nullable(
      Type.String({ description: "The pilot project's slug, once the submission became one" }),
    ),
    submittedAt: Moment,
    updatedAt: Moment,
  },
  { $id: 'PortfolioChallengeSubmission' },
)
export type Submission = Static<typeof SubmissionSchema>

export const EligibilitySchema = Type.Object(
  {
    eligibility: Type.Enum(['eligible', 'ineligible']),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
)
export type EligibilityInput = Static<typeof EligibilitySchema>

export const JurorInputSchema = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }) },
  { additionalProperties: false },
)

export const JurorSchema = Type.Object({
  id: Type.String({ format: 'uuid', description: "The juror's account (internal; the office sees it)" }),
  displayName: Type.String(),
  email: Type.String(),
  scored: Type.Integer({ description: 'Submissions this juror has scored on every criterion' }),
  conflicts: Type.Integer(),
})
export type Juror = Static<typeof JurorSchema>

export const ConflictInputSchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
)

export const ScoreInputSchema = Type.Object(
  {
    scores: Type.Array(
      Type.Object(
        {
          criterion: CriterionKey,
          score: Type.Number({ minimum: 0, maximum: 10, multipleOf: 0.5 }),
          comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
)
export type ScoreInput = Static<typeof ScoreInputSchema>

export const ScoreSchema = Type.Object({
  criterion: Type.String(),
  score: Type.Number(),
  comment: Nullable(Type.String()),
})

/** A juror's worklist: every eligible submission, with what this juror declared and scored. */
export const JuryWorkSchema = Type.Object({
  submissions: Type.Array(
    Type.Object({
      submission: Type.Ref('PortfolioChallengeSubmission'),
      conflict: Nullable(Type.String({ description: 'The reason declared' })),
      scores: Type.Array(ScoreSchema),
    }),
  ),
})

/** Every juror's scores: sealed until evaluation closes. */
export const AllScoresSchema = Type.Object({
  submissions: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      title: LocalizedTextSchema,
      jurors: Type.Array(
        Type.Object({
          juror: Type.String({ description: "The juror's display name" }),
          conflict: Nullable(Type.String()),
          scores: Type.Array(ScoreSchema),
        }),
      ),
    }),
  ),
})

export const ResultsSchema = Type.Object({
  year: Type.Integer(),
  published: Type.Boolean(),
  publishedAt: Nullable(Moment),
  ranking: Type.Array(
    Type.Object({
      rank: Type.Integer({ minimum: 1 }),
      submission: Type.Ref('PortfolioChallengePublicSubmission'),
      juryScore: Nullable(
        Type.Number({ description: 'Mean over jurors without a conflict of Σ(score × weight) / 100, 0–10' }),
      ),
      jurors: Type.Integer({ description: 'Jurors whose scores count' }),
      votes: Type.Integer(),
      project: Nullable(Type.String({ description: "The pilot project's slug, once it became one" })),
    }),
  ),
})
type RankedEntry = Static<typeof ResultsSchema>['ranking'][number]
export type Results = Omit<Static<typeof ResultsSchema>, 'ranking'> & {
  ranking: (Omit<RankedEntry, 'submission'> & { submission: PublicSubmission })[]
}

export const YearParamsSchema = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) })
export const SubmissionParamsSchema = Type.Object({
  year: YearParamsSchema.properties.year,
  id: Type.String({ format: 'uuid' }),
})
export const JurorParamsSchema = Type.Object({
  year: YearParamsSchema.properties.year,
  personId: Type.String({ format: 'uuid' }),
})

export const VoteInputSchema = Type.Object(
  { submission: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
)
export const MyVoteSchema = Type.Object({
  submission: Nullable(Type.String({ format: 'uuid' })),
  votedAt: Nullable(Moment),
})
