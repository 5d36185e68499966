import { type Static, Type } from 'typebox'
import { LocalizedTextSchema } from '../../platform/text/localized.ts'
import { FREQUENCIES } from './periods.ts'

export const ELEMENT_KINDS = [
  'vision',
  'principle',
  'strategic_factor',
  'transversal_objective',
  'objective',
  'direction_group',
  'direction',
  'priority_area',
  'core_project',
  'success_factor',
] as const
export type ElementKind = (typeof ELEMENT_KINDS)[number]

const Key = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  minLength: 2,
  maxLength: 100,
  description: 'Stable name: lowercase letters, digits and dashes (e.g. objective-1, direction-4c)',
})
const Code = Type.String({
  minLength: 1,
  maxLength: 12,
  description: 'As the strategy numbers it: 1, 4c, P2',
})
const Day = Type.String({ format: 'date' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

export const ElementSchema = Type.Object(
  {
    key: Type.String(),
    kind: Type.Enum(ELEMENT_KINDS),
    code: Nullable(Type.String()),
    parent: Nullable(Type.String()),
    position: Type.Integer(),
    title: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    objectives: Type.Array(Type.String()),
    retired: Type.Boolean(),
    version: Type.Integer(),
    changedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'StrategyElement' },
)
export type Element = Static<typeof ElementSchema>

export const ElementCreateSchema = Type.Object(
  {
    key: Key,
    kind: Type.Enum(ELEMENT_KINDS),
    code: Type.Optional(Code),
    parent: Type.Optional(Key),
    title: LocalizedTextSchema,
    summary: LocalizedTextSchema,
    objectives: Type.Optional(Type.Array(Key, { maxItems: 10 })),
    note: Type.Optional(Type.String({ maxLength: 500, description: 'Why: kept in the history' })),
  },
  { additionalProperties: false },
)
export type ElementCreate = Static<typeof ElementCreateSchema>

export const ElementPatchSchema = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      description: 'The version the change was made on; a newer one answers 409 instead of overwriting it',
    }),
    code: Type.Optional(Nullable(Code)),
    parent: Type.Optional(Nullable(Key)),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
    title: Type.Optional(LocalizedTextSchema),
    summary: Type.Optional(LocalizedTextSchema),
    objectives: Type.Optional(Type.Array(Key, { maxItems: 10 })),
    retired: Type.Optional(Type.Boolean({ description: 'Retired elements stay in the history' })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, minProperties: 2 },
)
export type ElementPatch = Static<typeof ElementPatchSchema>

export const ElementVersionSchema = Type.Object({
  version: Type.Integer(),
  code: Nullable(Type.String()),
  parent: Nullable(Type.String()),
  position: Type.Integer(),
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
  objectives: Type.Array(Type.String()),
  retired: Type.Boolean(),
  changedAt: Type.String({ format: 'date-time' }),
  changedBy: Nullable(
    Type.String({ description: 'Who made the change; shown to those who may edit the strategy' }),
  ),
  note: Nullable(Type.String()),
})
export type ElementVersion = Static<typeof ElementVersionSchema>

export const FieldChangeSchema = Type.Object({
  field: Type.String(),
  from: Type.Unknown(),
  to: Type.Unknown(),
})

export const StrategyQuerySchema = Type.Object({
  asOf: Type.Optional(
    Type.String({ format: 'date-time', description: 'The strategy as it stood at this moment' }),
  ),
  kind: Type.Optional(Type.Enum(ELEMENT_KINDS)),
  retired: Type.Optional(Type.Boolean({ description: 'Also retired elements' })),
})

export const ChangesQuerySchema = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.Optional(Type.String({ format: 'date-time' })),
})

const Direction = Type.Enum(['higher', 'lower'], { description: 'Which way is better' })
const Frequency = Type.Enum(FREQUENCIES)
const Visibility = Type.Enum(['public', 'internal'], {
  description: 'internal: only the office and the owner organisation see it',
})
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 100 })
const DatedValue = Type.Object({ value: Type.Number(), date: Day }, { additionalProperties: false })

export const KpiStatusSchema = Type.Enum(['met', 'on_track', 'at_risk', 'missed', 'unknown'])

export const KpiSchema = Type.Object(
  {
    slug: Type.String(),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema,
    unit: Type.String(),
    direction: Direction,
    baseline: Nullable(DatedValue),
    target: Nullable(DatedValue),
    frequency: Frequency,
    owner: Type.Object({ slug: Type.String(), name: LocalizedTextSchema }),
    objectives: Type.Array(Type.String()),
    coreProjects: Type.Array(Type.String()),
    isoTheme: Nullable(Type.String()),
    visibility: Visibility,
    source: Type.Enum(['metric', 'manual']),
    metric: Nullable(Type.String({ description: 'The platform metric a job measures it from' })),
    sourceNote: Nullable({ ...LocalizedTextSchema, description: 'Why it is measured this way' }),
    latest: Nullable(
      Type.Object({ period: Day, value: Type.Number(), recordedAt: Type.String({ format: 'date-time' }) }),
    ),
    score: Nullable(Type.Number({ description: 'Value ÷ target (target ÷ value where lower is better)' })),
    status: KpiStatusSchema,
    trend: Nullable(Type.Enum(['improving', 'worsening', 'steady'])),
    projected: Nullable(Type.Number({ description: 'Where the trend reaches by the target date' })),
    dueBy: Day,
    overdue: Type.Boolean(),
    version: Type.Integer(),
  },
  { $id: 'StrategyKpi' },
)
export type Kpi = Static<typeof KpiSchema>

const KpiFields = {
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  unit: Type.String({ minLength: 1, maxLength: 40 }),
  direction: Direction,
  baseline: Nullable(DatedValue),
  target: Nullable(DatedValue),
  frequency: Frequency,
  owner: Slug,
  objectives: Type.Array(Slug, { maxItems: 10 }),
  coreProjects: Type.Array(Slug, { maxItems: 10 }),
  isoTheme: Nullable(Type.String({ minLength: 1, maxLength: 120 })),
  visibility: Visibility,
  metric: Nullable(
    Type.String({
      maxLength: 120,
      description: 'A name from GET /api/strategy/metrics; null for values entered by hand with evidence',
    }),
  ),
  sourceNote: Nullable(LocalizedTextSchema),
}

export const KpiCreateSchema = Type.Object(
  {
    slug: Type.Optional(Slug),
    ...KpiFields,
    baseline: Type.Optional(KpiFields.baseline),
    target: Type.Optional(KpiFields.target),
    objectives: Type.Optional(KpiFields.objectives),
    coreProjects: Type.Optional(KpiFields.coreProjects),
    isoTheme: Type.Optional(KpiFields.isoTheme),
    visibility: Type.Optional(Visibility),
    metric: Type.Optional(KpiFields.metric),
    sourceNote: Type.Optional(KpiFields.sourceNote),
  },
  { additionalProperties: false },
)
export type KpiCreate = Static<typeof KpiCreateSchema>

const KpiPatchFields = Type.Partial(Type.Object(KpiFields))

export const KpiPatchSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version the change was made on (409 if newer)' }),
    ...KpiPatchFields.properties,
  },
  { additionalProperties: false, minProperties: 2 },
)
export type KpiPatch = Static<typeof KpiPatchSchema>

export const MeasurementSchema = Type.Object({
  period: Day,
  value: Type.Number(),
  source: Type.Enum(['metric', 'manual']),
  evidence: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recordedAt: Type.String({ format: 'date-time' }),
  score: Nullable(Type.Number()),
  superseded: Type.Boolean({ description: 'A later value for the same period replaced it' }),
})
export type Measurement = Static<typeof MeasurementSchema>

export const ManualMeasurementSchema = Type.Object(
  {
    value: Type.Number(),
    period: Type.Optional(Day),
    evidence: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'Required: a link to, or a reference of, the document the value comes from',
      }),
    ),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
)
export type ManualMeasurement = Static<typeof ManualMeasurementSchema>

export const DashboardQuerySchema = Type.Object({
  objective: Type.Optional(Slug),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
})

export const ObjectiveScoreSchema = Type.Object({
  key: Type.String(),
  code: Nullable(Type.String()),
  title: LocalizedTextSchema,
  score: Nullable(Type.Number()),
  previousScore: Nullable(
    Type.Number({ description: 'The score at the start of the period, from the values then' }),
  ),
  kpis: Type.Array(Type.String({ description: 'KPI slugs' })),
})

export const KpiSeriesSchema = Type.Object({
  slug: Type.String(),
  points: Type.Array(Type.Object({ period: Day, value: Type.Number(), score: Nullable(Type.Number()) })),
})

export const DashboardSchema = Type.Object({
  period: Type.Object({ from: Nullable(Day), to: Day }),
  city: Type.Object({ score: Nullable(Type.Number()), previousScore: Nullable(Type.Number()) }),
  objectives: Type.Array(ObjectiveScoreSchema),
  kpis: Type.Array(Type.Ref('StrategyKpi')),
  series: Type.Array(KpiSeriesSchema),
})
// The schema refers to StrategyKpi by name (one definition in the OpenAPI document); the type spells it out.
export type Dashboard = Omit<Static<typeof DashboardSchema>, 'kpis'> & { kpis: Kpi[] }

export const KpiParamsSchema = Type.Object({ slug: Slug })
export const ElementParamsSchema = Type.Object({ key: Key })
