import { type Static, Type } from 'typebox'
import { LocalizedTextSchema } from '../../../platform/text/localized.ts'

export const ORGANISATION_KINDS = [
  'city_hall',
  'department',
  'office',
  'subordinate_institution',
  'public_body',
  'university',
  'company',
  'cluster',
  'innovation_hub',
  'ngo',
] as const

export const OrganisationKindSchema = Type.Enum(ORGANISATION_KINDS)
const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 })

export const OrganisationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slug: Slug,
    name: Type.String({ description: 'The name in Romanian, the default language' }),
    names: LocalizedTextSchema,
    shortName: Type.Union([Type.String(), Type.Null()]),
    kind: OrganisationKindSchema,
    parent: Type.Union([Type.String({ description: 'The parent organisation slug' }), Type.Null()]),
    website: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Organisation' },
)
export type Organisation = Static<typeof OrganisationSchema>

export const OrganisationListQuerySchema = Type.Object(
  {
    kind: Type.Optional(OrganisationKindSchema),
    parent: Type.Optional(Slug),
  },
  { additionalProperties: false },
)

export const OrganisationParamsSchema = Type.Object({ slug: Slug })

/** The organisations file of a data pack. */
export const PackOrganisationsSchema = Type.Array(
  Type.Object(
    {
      slug: Slug,
      name: LocalizedTextSchema,
      shortName: Type.Optional(Type.String({ minLength: 1 })),
      kind: OrganisationKindSchema,
      parent: Type.Optional(Slug),
      website: Type.Optional(Type.String({ pattern: '^https://' })),
    },
    { additionalProperties: false },
  ),
  { minItems: 1 },
)
export type PackOrganisation = Static<typeof PackOrganisationsSchema>[number]
