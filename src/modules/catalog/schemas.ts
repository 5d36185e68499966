import { type Static, Type } from 'typebox'
import { LocalizedTextSchema } from '../../platform/text/localized.ts'
import {
  ACCESS_LEVELS,
  DATA_THEMES,
  DATASET_STATUSES,
  FREQUENCIES,
  LICENCES,
  RESOURCE_KINDS,
  REUSE_KINDS,
} from './vocabularies.ts'

const Name = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  minLength: 2,
  maxLength: 100,
  description: 'The URL name: lowercase letters, digits and dashes',
})
const OrganisationSlug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 })
const Theme = Type.Enum(Object.keys(DATA_THEMES), { description: 'EU data theme code' })
const LicenceId = Type.Enum(Object.keys(LICENCES))
const Frequency = Type.Enum(Object.keys(FREQUENCIES), { description: 'EU frequency code' })
const Status = Type.Enum(DATASET_STATUSES)
const AccessLevel = Type.Enum(ACCESS_LEVELS, {
  description: 'open: anyone; private: only the publishing organisation',
})
const Keyword = Type.String({ minLength: 1, maxLength: 100 })
const Day = Type.String({ format: 'date' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

export const GeometrySchema = Type.Object(
  {
    type: Type.Enum(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']),
    coordinates: Type.Array(Type.Unknown()),
  },
  { description: 'A GeoJSON geometry (WGS 84)' },
)

export const SpatialSchema = Type.Object(
  {
    area: Type.Optional(Type.String({ description: "A city area's slug, e.g. a neighbourhood" })),
    geometry: Type.Optional(GeometrySchema),
  },
  { additionalProperties: false },
)

export const TemporalSchema = Type.Object(
  { start: Type.Optional(Day), end: Type.Optional(Day) },
  { additionalProperties: false },
)

export const ContactPointSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
  },
  { additionalProperties: false, description: 'An organisational contact (a service mailbox or page)' },
)

export const ColumnTypeSchema = Type.Enum(
  ['integer', 'number', 'boolean', 'date', 'timestamp', 'text', 'geometry'],
  { description: 'A datastore column type' },
)
export type ColumnType = Static<typeof ColumnTypeSchema>

export const ColumnSchema = Type.Object({
  name: Type.String(),
  type: ColumnTypeSchema,
})
export type Column = Static<typeof ColumnSchema>

export const ResourceSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  datasetId: Type.String({ format: 'uuid' }),
  position: Type.Integer(),
  kind: Type.Enum(RESOURCE_KINDS),
  title: LocalizedTextSchema,
  description: Nullable(LocalizedTextSchema),
  format: Type.String(),
  mediaType: Nullable(Type.String()),
  url: Type.String({ description: 'Where to get it: the download, the external link or the live API' }),
  byteSize: Nullable(Type.Integer()),
  checksum: Nullable(Type.String()),
  liveType: Nullable(Type.String()),
  datastore: Nullable(
    Type.Object({
      columns: Type.Array(ColumnSchema),
      rowCount: Type.Integer(),
      loadedAt: Type.String({ format: 'date-time' }),
    }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
  modifiedAt: Type.String({ format: 'date-time' }),
})
export type Resource = Static<typeof ResourceSchema>

export const PublisherSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: LocalizedTextSchema,
})

export const DatasetSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    organisation: PublisherSchema,
    title: LocalizedTextSchema,
    description: LocalizedTextSchema,
    keywords: Type.Array(Type.String()),
    themes: Type.Array(Type.String()),
    licence: Type.String(),
    accessLevel: AccessLevel,
    spatial: Nullable(SpatialSchema),
    temporal: Nullable(TemporalSchema),
    frequency: Type.String(),
    contactPoint: Nullable(ContactPointSchema),
    version: Nullable(Type.String()),
    status: Status,
    harvested: Nullable(
      Type.Object(
        { sourceId: Type.String({ format: 'uuid' }), iri: Type.String() },
        { description: 'Harvested from a remote catalogue' },
      ),
    ),
    issued: Nullable(Type.String({ format: 'date-time' })),
    modified: Type.String({ format: 'date-time' }),
    createdAt: Type.String({ format: 'date-time' }),
    resources: Type.Array(ResourceSchema),
  },
  { $id: 'CatalogDataset' },
)
export type Dataset = Static<typeof DatasetSchema>

const DatasetFields = {
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  keywords: Type.Array(Keyword, { maxItems: 50 }),
  themes: Type.Array(Theme, { maxItems: 13 }),
  licence: LicenceId,
  accessLevel: AccessLevel,
  spatial: Nullable(SpatialSchema),
  temporal: Nullable(TemporalSchema),
  frequency: Frequency,
  contactPoint: Nullable(ContactPointSchema),
  version: Nullable(Type.String({ maxLength: 50 })),
}

export const DatasetCreateSchema = Type.Object(
  {
    organisation: OrganisationSlug,
    name: Type.Optional(Name),
    title: LocalizedTextSchema,
    description: LocalizedTextSchema,
    keywords: Type.Optional(DatasetFields.keywords),
    themes: Type.Optional(DatasetFields.themes),
    licence: LicenceId,
    accessLevel: Type.Optional(AccessLevel),
    spatial: Type.Optional(DatasetFields.spatial),
    temporal: Type.Optional(DatasetFields.temporal),
    frequency: Type.Optional(Frequency),
    contactPoint: Type.Optional(DatasetFields.contactPoint),
    version: Type.Optional(DatasetFields.version),
  },
  { additionalProperties: false },
)
export type DatasetCreate = Static<typeof DatasetCreateSchema>

export const DatasetPatchSchema = Type.Partial(Type.Object(DatasetFields), {
  additionalProperties: false,
  minProperties: 1,
})
export type DatasetPatch = Static<typeof DatasetPatchSchema>

export const DatasetStatusChangeSchema = Type.Object({ status: Status }, { additionalProperties: false })

export const DatasetParamsSchema = Type.Object({ name: Type.String({ maxLength: 100 }) })
export const ResourceParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const ResourceCreateSchema = Type.Object(
  {
    kind: Type.Enum(['link', 'live']),
    title: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    format: Type.Optional(Type.String({ maxLength: 20 })),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000, description: 'For a link' })),
    liveType: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'For live data: the NGSI-LD entity type' }),
    ),
  },
  { additionalProperties: false },
)
export type ResourceCreate = Static<typeof ResourceCreateSchema>

export const ResourcePatchSchema = Type.Partial(
  Type.Object({
    title: LocalizedTextSchema,
    description: Nullable(LocalizedTextSchema),
    format: Type.String({ maxLength: 20 }),
    url: Type.String({ format: 'uri', maxLength: 2000 }),
    position: Type.Integer({ minimum: 0 }),
  }),
  { additionalProperties: false, minProperties: 1 },
)
export type ResourcePatch = Static<typeof ResourcePatchSchema>

const CommaList = Type.String({ maxLength: 1000, description: 'Values separated by commas' })

export const DatasetSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 500, description: 'Words to find, with or without diacritics' }),
    ),
    organisation: Type.Optional(CommaList),
    theme: Type.Optional(CommaList),
    format: Type.Optional(CommaList),
    licence: Type.Optional(CommaList),
    keyword: Type.Optional(CommaList),
    status: Type.Optional(Status),
    mine: Type.Optional(
      Type.Boolean({ description: "Also the drafts and private datasets of the caller's organisations" }),
    ),
    sort: Type.Optional(Type.Enum(['relevance', 'modified', 'title', 'name', 'created'])),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    lang: Type.Optional(Type.Enum(['ro', 'en', 'hu'])),
  },
  { additionalProperties: false },
)
export type DatasetSearchQuery = Static<typeof DatasetSearchQuerySchema>

export const FacetSchema = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }))

export const DatasetSearchResultSchema = Type.Object({
  count: Type.Integer(),
  items: Type.Array(Type.Ref('CatalogDataset')),
  facets: Type.Object({
    organisation: FacetSchema,
    theme: FacetSchema,
    format: FacetSchema,
    licence: FacetSchema,
    keyword: FacetSchema,
  }),
})

export const QualitySchema = Type.Object({
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  rating: Type.Enum(['excellent', 'good', 'sufficient', 'bad']),
  checks: Type.Array(
    Type.Object({
      id: Type.String(),
      dimension: Type.Enum([
        'findability',
        'accessibility',
        'interoperability',
        'reusability',
        'contextuality',
        'data',
      ]),
      passed: Type.Boolean(),
      points: Type.Integer(),
      earned: Type.Integer(),
      tip: Type.String({ description: 'What to do to pass, in English; the pages translate by id' }),
    }),
  ),
})
export type Quality = Static<typeof QualitySchema>

export const ReuseSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Enum(REUSE_KINDS),
    title: Type.String(),
    description: Type.String(),
    url: Type.String(),
    author: Type.String(),
    datasets: Type.Array(Type.String({ description: 'Dataset names' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CatalogReuse' },
)
export type Reuse = Static<typeof ReuseSchema>

export const ReuseCreateSchema = Type.Object(
  {
    kind: Type.Enum(REUSE_KINDS),
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
    author: Type.String({ minLength: 1, maxLength: 200 }),
    datasets: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
)
export type ReuseCreate = Static<typeof ReuseCreateSchema>
