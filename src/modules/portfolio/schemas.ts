import { type Static, Type } from 'typebox'
import { LocalizedTextSchema } from '../../platform/text/localized.ts'
import {
  ASSESSMENT_KINDS,
  FUNDING_SOURCES,
  LAWFUL_BASES,
  PILOT_DECISIONS,
  PILOT_STAGES,
  PROJECT_KINDS,
  PROJECT_STATUSES,
} from './vocabularies.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 100 })
const Day = Type.String({ format: 'date' })
const Name = Type.String({ minLength: 1, maxLength: 200 })
const Point = Type.Object(
  { lon: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) },
  { additionalProperties: false },
)

export const MilestoneSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: LocalizedTextSchema,
  weight: Type.Number(),
  dueDate: Nullable(Day),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
})
export type Milestone = Static<typeof MilestoneSchema>

export const ProjectSchema = Type.Object(
  {
    slug: Type.String(),
    kind: Type.Enum(PROJECT_KINDS),
    status: Type.Enum(PROJECT_STATUSES),
    title: LocalizedTextSchema,
    need: LocalizedTextSchema,
    owner: Nullable(Type.Object({ slug: Type.String(), name: LocalizedTextSchema })),
    actors: Type.Array(Type.String()),
    partners: Type.Array(Type.String()),
    period: Type.Object({ start: Nullable(Day), end: Nullable(Day), text: Nullable(Type.String()) }),
    funding: Type.Array(Type.Enum(FUNDING_SOURCES)),
    fundingNote: Nullable(Type.String()),
    budget: Nullable(Type.Number({ description: 'Euros' })),
    notes: Nullable(LocalizedTextSchema),
    objectives: Type.Array(Type.String()),
    directions: Type.Array(Type.String()),
    origin: Nullable(Type.Enum(['innovation_hub', 'challenge'])),
    pilot: Nullable(
      Type.Object({
        stage: Type.Enum(PILOT_STAGES),
        reasons: Nullable(LocalizedTextSchema),
        lessons: Nullable(LocalizedTextSchema),
        decidedAt: Nullable(Type.String({ format: 'date-time' })),
      }),
    ),
    location: Nullable(Point),
    link: Nullable(Type.String()),
    milestones: Type.Array(MilestoneSchema),
    completion: Nullable(
      Type.Number({
        description: "Weighted mean of the milestones' progress, 0–100; null without milestones",
      }),
    ),
    atRisk: Type.Boolean({ description: 'Behind the time elapsed by 20 points or more, or past its end' }),
    assessments: Type.Object({
      impact: Nullable(Type.Boolean({ description: 'Latest assessment meets the minimum standards' })),
      security: Nullable(Type.Boolean()),
      gdpr: Nullable(Type.Boolean()),
    }),
    updatedAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
  },
  { $id: 'PortfolioProject' },
)
export type Project = Static<typeof ProjectSchema>

const ProjectFields = {
  kind: Type.Enum(PROJECT_KINDS),
  title: LocalizedTextSchema,
  need: LocalizedTextSchema,
  owner: Nullable(Slug),
  actors: Type.Array(Name, { maxItems: 30 }),
  partners: Type.Array(Name, { maxItems: 30 }),
  period: Type.Object(
    { start: Nullable(Day), end: Nullable(Day), text: Nullable(Type.String({ maxLength: 100 })) },
    { additionalProperties: false },
  ),
  funding: Type.Array(Type.Enum(FUNDING_SOURCES), { maxItems: 5 }),
  fundingNote: Nullable(Type.String({ maxLength: 200 })),
  budget: Nullable(Type.Number({ minimum: 0, description: 'Euros' })),
  notes: Nullable(LocalizedTextSchema),
  objectives: Type.Array(Slug, { maxItems: 10 }),
  directions: Type.Array(Slug, { maxItems: 20 }),
  origin: Nullable(Type.Enum(['innovation_hub', 'challenge'])),
  location: Nullable(Point),
  link: Nullable(Type.String({ format: 'uri', maxLength: 500 })),
}

export const ProjectCreateSchema = Type.Object(
  {
    slug: Type.Optional(Slug),
    kind: ProjectFields.kind,
    title: ProjectFields.title,
    need: ProjectFields.need,
    ...Type.Partial(
      Type.Object({
        owner: ProjectFields.owner,
        actors: ProjectFields.actors,
        partners: ProjectFields.partners,
        period: ProjectFields.period,
        funding: ProjectFields.funding,
        fundingNote: ProjectFields.fundingNote,
        budget: ProjectFields.budget,
        notes: ProjectFields.notes,
        objectives: ProjectFields.objectives,
        directions: ProjectFields.directions,
        origin: ProjectFields.origin,
        location: ProjectFields.location,
        link: ProjectFields.link,
      }),
    ).properties,
  },
  { additionalProperties: false },
)
export type ProjectCreate = Static<typeof ProjectCreateSchema>

export const ProjectPatchSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version the change was made on (409 if newer)' }),
    ...Type.Partial(Type.Object(ProjectFields)).properties,
  },
  { additionalProperties: false, minProperties: 2 },
)
export type ProjectPatch = Static<typeof ProjectPatchSchema>

export const StatusChangeSchema = Type.Object(
  {
    status: Type.Enum(PROJECT_STATUSES),
    note: Type.Optional(LocalizedTextSchema),
  },
  { additionalProperties: false },
)

export const PilotDecisionSchema = Type.Object(
  {
    stage: Type.Enum(['evaluated', ...PILOT_DECISIONS, 'proof_of_concept']),
    reasons: Type.Optional(LocalizedTextSchema),
    lessons: Type.Optional(LocalizedTextSchema),
  },
  { additionalProperties: false },
)
export type PilotDecisionInput = Static<typeof PilotDecisionSchema>

export const MilestoneInputSchema = Type.Object(
  {
    title: LocalizedTextSchema,
    weight: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    dueDate: Type.Optional(Nullable(Day)),
    progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
)
export type MilestoneInput = Static<typeof MilestoneInputSchema>

export const MilestonePatchSchema = Type.Partial(MilestoneInputSchema, {
  additionalProperties: false,
  minProperties: 1,
})
export type MilestonePatch = Static<typeof MilestonePatchSchema>

export const UpdateSchema = Type.Object({
  kind: Type.Enum(['note', 'status', 'milestone', 'decision', 'assessment', 'document']),
  text: LocalizedTextSchema,
  at: Type.String({ format: 'date-time' }),
})

export const DocumentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: LocalizedTextSchema,
  url: Type.String(),
})

export const DocumentInputSchema = Type.Object(
  { title: LocalizedTextSchema, url: Type.String({ format: 'uri', maxLength: 1000 }) },
  { additionalProperties: false },
)

export const NoteInputSchema = Type.Object({ text: LocalizedTextSchema }, { additionalProperties: false })

const Level = Type.Integer({ minimum: 1, maximum: 5 })

export const ImpactContentSchema = Type.Object(
  {
    scores: Type.Record(Type.String({ maxLength: 50 }), Type.Integer({ minimum: 0, maximum: 5 }), {
      description: 'Each criterion of GET /api/portfolio/settings scored 0–5',
    }),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)

export const SecurityContentSchema = Type.Object(
  {
    risks: Type.Array(
      Type.Object(
        {
          title: Type.String({ minLength: 1, maxLength: 200 }),
          likelihood: Level,
          impact: Level,
          mitigation: Type.String({ maxLength: 1000 }),
          residualLikelihood: Level,
          residualImpact: Level,
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
)

export const GdprContentSchema = Type.Object(
  {
    personalData: Type.Boolean(),
    categories: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30 }),
    lawfulBasis: Nullable(Type.Enum(LAWFUL_BASES)),
    dpiaNeeded: Type.Boolean({ description: 'GDPR art. 35: high risk to people → a DPIA before processing' }),
    dpiaDone: Type.Boolean(),
    notes: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)

export const AssessmentSchema = Type.Object({
  kind: Type.Enum(ASSESSMENT_KINDS),
  content: Type.Unknown(),
  passes: Type.Boolean(),
  findings: Type.Array(Type.String(), { description: 'What falls short, in words' }),
  assessedAt: Type.String({ format: 'date-time' }),
})
export type Assessment = Static<typeof AssessmentSchema>

export const ProjectParamsSchema = Type.Object({ slug: Slug })
export const MilestoneParamsSchema = Type.Object({ slug: Slug, id: Type.String({ format: 'uuid' }) })
export const AssessmentParamsSchema = Type.Object({ slug: Slug, kind: Type.Enum(ASSESSMENT_KINDS) })

export const ProjectListQuerySchema = Type.Object(
  {
    kind: Type.Optional(Type.Enum(PROJECT_KINDS)),
    status: Type.Optional(Type.Enum(PROJECT_STATUSES)),
    objective: Type.Optional(Slug),
    owner: Type.Optional(Slug),
    atRisk: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
