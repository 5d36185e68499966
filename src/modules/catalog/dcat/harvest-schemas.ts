import { type Static, Type } from 'typebox'

const Format = Type.Enum(['ttl', 'jsonld', 'rdf'], { description: 'Turtle, JSON-LD or RDF/XML' })

export const HarvestOutcomeSchema = Type.Object({
  status: Type.Enum(['succeeded', 'failed']),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  removed: Type.Integer(),
  skipped: Type.Integer({ description: 'Source datasets that could not be taken (see problems)' }),
  pages: Type.Integer({ description: 'Catalogue pages read' }),
  problems: Type.Array(Type.String(), { description: 'What could not be taken, or why the run failed' }),
})

export const HarvestSourceSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisation: Type.String({ description: 'The organisation the datasets are published under (slug)' }),
    url: Type.Union([Type.String(), Type.Null()], {
      description: 'The remote catalogue, fetched at each run',
    }),
    hasDocument: Type.Boolean({
      description: 'A document was stored with the source and is harvested when no other is sent',
    }),
    format: Type.Union([Format, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    lastRunAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastOutcome: Type.Union([HarvestOutcomeSchema, Type.Null()]),
  },
  { $id: 'CatalogHarvestSource' },
)
export type HarvestSource = Static<typeof HarvestSourceSchema>

export const HarvestSourceCreateSchema = Type.Object(
  {
    organisation: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 }),
    url: Type.Optional(
      Type.String({
        format: 'uri',
        pattern: '^https?://',
        maxLength: 2000,
        description: 'A DCAT catalogue to fetch',
      }),
    ),
    document: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'A DCAT catalogue in Turtle, RDF/XML or JSON-LD, kept with the source',
      }),
    ),
    format: Type.Optional(Format),
  },
  { additionalProperties: false },
)
export type HarvestSourceCreate = Static<typeof HarvestSourceCreateSchema>
