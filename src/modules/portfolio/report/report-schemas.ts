import { type Static, Type } from 'typebox'
import { LANGUAGES, LocalizedTextSchema } from '../../../platform/text/localized.ts'
import { PILOT_DECISIONS, PROJECT_KINDS, PROJECT_STATUSES } from '../vocabularies.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const Day = Type.String({ format: 'date' })
const Count = Type.Integer({ minimum: 0 })
const Score = Nullable(Type.Number({ description: 'The KPIs’ scores rolled up (1 = on target)' }))
const Owner = Nullable(Type.Object({ slug: Type.String(), name: LocalizedTextSchema }))

const counts = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Count])) as Record<K, typeof Count>)

/** The plan for the next year as the report shows it: its text and date, never who wrote it. */
export const PlanSchema = Type.Object({
  text: LocalizedTextSchema,
  updatedAt: Type.String({ format: 'date-time' }),
})
export type Plan = Static<typeof PlanSchema>

export const KPI_STATUSES = ['met', 'on_track', 'at_risk', 'missed', 'unknown'] as const

const ReportProjectSchema = Type.Object({
  slug: Type.String(),
  kind: Type.Enum(PROJECT_KINDS),
  status: Type.Enum(PROJECT_STATUSES),
  title: LocalizedTextSchema,
  owner: Owner,
  completion: Nullable(Type.Number({ description: "Weighted mean of the milestones' progress, 0–100" })),
  atRisk: Type.Boolean(),
  objectives: Type.Array(Type.String()),
})

export const ReportSchema = Type.Object(
  {
    year: Type.Integer(),
    city: Nullable(
      Type.Object({ name: LocalizedTextSchema, timeZone: Type.String({ description: 'IANA' }) }),
    ),
    period: Type.Object({ from: Day, to: Day }),
    generatedAt: Type.String({ format: 'date-time' }),
    projects: Type.Object({
      total: Count,
      atRisk: Count,
      byStatus: counts(PROJECT_STATUSES),
      byKind: Type.Array(
        Type.Object({
          kind: Type.Enum(PROJECT_KINDS),
          total: Count,
          atRisk: Count,
          byStatus: counts(PROJECT_STATUSES),
        }),
      ),
      items: Type.Array(ReportProjectSchema),
      completedInYear: Type.Array(
        Type.Object({
          slug: Type.String(),
          kind: Type.Enum(PROJECT_KINDS),
          title: LocalizedTextSchema,
          owner: Owner,
          completedOn: Day,
        }),
      ),
    }),
    objectives: Type.Object({
      city: Type.Object({ start: Score, end: Score }),
      kpis: Type.Object({ total: Count, automatic: Count, manual: Count, byStatus: counts(KPI_STATUSES) }),
      items: Type.Array(
        Type.Object({
          key: Type.String(),
          code: Nullable(Type.String()),
          title: LocalizedTextSchema,
          start: Score,
          end: Score,
          kpis: Type.Object({ total: Count, byStatus: counts(KPI_STATUSES) }),
        }),
      ),
    }),
    pilots: Type.Object({
      decided: counts(PILOT_DECISIONS),
      items: Type.Array(
        Type.Object({
          slug: Type.String(),
          title: LocalizedTextSchema,
          owner: Owner,
          decision: Type.Enum(PILOT_DECISIONS),
          reasons: Nullable(LocalizedTextSchema),
          lessons: Nullable(LocalizedTextSchema),
          decidedAt: Type.String({ format: 'date-time' }),
        }),
      ),
    }),
    challenge: Nullable(
      Type.Object({
        theme: LocalizedTextSchema,
        submissions: Count,
        participants: Type.Integer({
          minimum: 0,
          description: 'The distinct names teams show, plus each submitter who named no team',
        }),
        published: Type.Boolean(),
        publishedAt: Nullable(Type.String({ format: 'date-time' })),
        ranking: Type.Array(
          Type.Object({
            rank: Type.Integer({ minimum: 1 }),
            title: LocalizedTextSchema,
            organisation: Owner,
            score: Nullable(Type.Number({ description: 'Weighted jury score, 0–10' })),
            votes: Count,
            pilot: Nullable(Type.String({ description: "The pilot project's slug, once it became one" })),
          }),
          { description: 'Empty until the results are published' },
        ),
      }),
    ),
    plan: Nullable(PlanSchema),
  },
  { $id: 'PortfolioReport' },
)
export type Report = Static<typeof ReportSchema>

export const ReportParamsSchema = Type.Object({
  year: Type.Integer({ minimum: 2021, maximum: 2100, description: 'From 2021 (the strategy) to this year' }),
})

export const ReportQuerySchema = Type.Object(
  { lang: Type.Optional(Type.Enum(LANGUAGES, { default: 'ro' })) },
  { additionalProperties: false },
)

export const PlanInputSchema = Type.Object(
  {
    text: Type.Object(
      {
        ro: Type.String({ minLength: 1, maxLength: 20_000 }),
        en: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
        hu: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
      },
      {
        additionalProperties: false,
        description: 'The plan for the next year in Romanian (required), English and Hungarian',
      },
    ),
  },
  { additionalProperties: false },
)
export type PlanInput = Static<typeof PlanInputSchema>
