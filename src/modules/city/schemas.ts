import { type Static, Type } from 'typebox'
import { LocalizedTextSchema } from '../../platform/text/localized.ts'

const Longitude = Type.Number({ minimum: -180, maximum: 180 })
const Latitude = Type.Number({ minimum: -90, maximum: 90 })

export const PointSchema = Type.Object({ lon: Longitude, lat: Latitude }, { additionalProperties: false })

export const BoundsSchema = Type.Object(
  { west: Longitude, south: Latitude, east: Longitude, north: Latitude },
  { additionalProperties: false },
)

export const CitySlugSchema = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 })

export const CitySchema = Type.Object(
  {
    slug: CitySlugSchema,
    name: Type.String({ description: 'The name in Romanian, the default language' }),
    names: LocalizedTextSchema,
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    timeZone: Type.String({ description: 'IANA time zone' }),
    centre: PointSchema,
    bounds: BoundsSchema,
    areaCount: Type.Integer(),
  },
  { $id: 'City' },
)
export type City = Static<typeof CitySchema>

export const CityListSchema = Type.Object({ items: Type.Array(Type.Ref('City')) })

const GeometrySchema = Type.Object(
  {
    type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
    coordinates: Type.Array(Type.Unknown()),
  },
  { additionalProperties: false },
)

export const AreaFeatureSchema = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  properties: Type.Object({ slug: Type.String(), name: Type.String(), kind: Type.String() }),
  geometry: GeometrySchema,
})
export type AreaFeature = Static<typeof AreaFeatureSchema>

export const AreaCollectionSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  attribution: Type.String(),
  features: Type.Array(AreaFeatureSchema),
})

export const LocateQuerySchema = Type.Object(
  { lon: Longitude, lat: Latitude },
  { additionalProperties: false },
)

export const CityParamsSchema = Type.Object({ slug: CitySlugSchema })

/** The `cities` part of a data pack's `pack.json`. */
export const CityPackSchema = Type.Object(
  {
    slug: CitySlugSchema,
    name: LocalizedTextSchema,
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
    timeZone: Type.String({ minLength: 1 }),
    centre: PointSchema,
    bounds: BoundsSchema,
    areas: Type.Object(
      {
        file: Type.String({ minLength: 1 }),
        kind: Type.String({ minLength: 1 }),
        nameProperty: Type.String({ minLength: 1 }),
        attribution: Type.String(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type CityPack = Static<typeof CityPackSchema>

export const PackCitiesSchema = Type.Array(CityPackSchema, { minItems: 1 })

/** A GeoJSON FeatureCollection of polygons as a pack ships it. */
export const PackAreasSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      properties: Type.Record(Type.String(), Type.Unknown()),
      geometry: GeometrySchema,
    }),
    { minItems: 1 },
  ),
})
export type PackAreas = Static<typeof PackAreasSchema>
