import { NgsiError } from '../errors.ts'

/** Geo-queries (ETSI GS CIM 009 v1.8, 4.10): the georel/geometry/coordinates/geoproperty parameters. */

export const GEO_RELATIONS = [
  'near',
  'within',
  'contains',
  'intersects',
  'equals',
  'disjoint',
  'overlaps',
] as const
export type GeoRelation = (typeof GEO_RELATIONS)[number]

export const GEOMETRY_TYPES = [
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
] as const
export type GeometryType = (typeof GEOMETRY_TYPES)[number]

/** [longitude, latitude] or [longitude, latitude, altitude], WGS 84. */
export type Position = number[]

export type GeoJsonGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }

export interface GeoQuery {
  georel: GeoRelation
  /** near only, metres; a near query has at least one of the two. */
  maxDistance?: number
  minDistance?: number
  /** The reference geometry, GeoJSON ready for ST_GeomFromGeoJSON. */
  geometry: GeoJsonGeometry
  /** The GeoProperty compared, as the caller wrote it (not expanded). */
  geoproperty: string
}

export const DEFAULT_GEOPROPERTY = 'location'

export interface GeoQueryParams {
  georel?: string | undefined
  geometry?: string | undefined
  coordinates?: string | undefined
  geoproperty?: string | undefined
}

const bad = (detail: string): NgsiError => new NgsiError('BadRequestData', detail)

/** From the query parameters; undefined when none of them is given. `coordinates` is URL-decoded JSON text. */
export function parseGeoQuery(params: GeoQueryParams): GeoQuery | undefined {
  const { georel, geometry, coordinates, geoproperty } = params
  if (
    georel === undefined &&
    geometry === undefined &&
    coordinates === undefined &&
    geoproperty === undefined
  ) {
    return undefined
  }
  const missing = [
    georel === undefined ? 'georel' : undefined,
    geometry === undefined ? 'geometry' : undefined,
    coordinates === undefined ? 'coordinates' : undefined,
  ].filter((name) => name !== undefined)
  if (georel === undefined || geometry === undefined || coordinates === undefined) {
    throw bad(`A geo-query needs georel, geometry and coordinates together; missing: ${missing.join(', ')}`)
  }
  return build(georel, geometry, parseCoordinatesText(coordinates), geoproperty)
}

/**
 * From the GeoQuery object of a subscription (5.2.13): `{ geometry, coordinates, georel, geoproperty? }`,
 * coordinates as an array or as JSON text. Undefined when the value is undefined.
 */
export function parseGeoQueryObject(value: unknown): GeoQuery | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad('geoQ must be an object with georel, geometry and coordinates')
  }
  const { georel, geometry, coordinates, geoproperty } = value as Record<string, unknown>
  const missing = [
    georel === undefined ? 'georel' : undefined,
    geometry === undefined ? 'geometry' : undefined,
    coordinates === undefined ? 'coordinates' : undefined,
  ].filter((name) => name !== undefined)
  if (missing.length > 0)
    throw bad(`geoQ needs georel, geometry and coordinates; missing: ${missing.join(', ')}`)
  if (typeof georel !== 'string') throw bad('geoQ.georel must be a string, e.g. "near;maxDistance==1000"')
  if (typeof geometry !== 'string') throw bad('geoQ.geometry must be a string, e.g. "Point"')
  if (geoproperty !== undefined && typeof geoproperty !== 'string') {
    throw bad('geoQ.geoproperty must be a string naming a GeoProperty')
  }
  let parsed: unknown = coordinates
  if (typeof coordinates === 'string') parsed = parseCoordinatesText(coordinates)
  else if (!Array.isArray(coordinates)) throw bad('geoQ.coordinates must be an array or its JSON text')
  return build(georel, geometry, parsed, geoproperty)
}

/** The subscription form of a parsed query, e.g. to answer it back. */
export function geoQueryToObject(query: GeoQuery): {
  georel: string
  geometry: GeometryType
  coordinates: unknown
  geoproperty: string
} {
  const distances = [
    query.maxDistance === undefined ? '' : `;maxDistance==${query.maxDistance}`,
    query.minDistance === undefined ? '' : `;minDistance==${query.minDistance}`,
  ].join('')
  return {
    georel: `${query.georel}${distances}`,
    geometry: query.geometry.type,
    coordinates: query.geometry.coordinates,
    geoproperty: query.geoproperty,
  }
}

function build(
  georelText: string,
  geometryText: string,
  coordinates: unknown,
  geoproperty?: string,
): GeoQuery {
  const relation = parseGeorel(georelText)
  const geometry = parseGeometry(geometryText, coordinates)
  if (relation.georel === 'near' && geometry.type !== 'Point') {
    throw bad(`georel near measures from a Point; geometry is ${geometry.type}`)
  }
  return { ...relation, geometry, geoproperty: parseGeoproperty(geoproperty) }
}

type Relation = Pick<GeoQuery, 'georel' | 'maxDistance' | 'minDistance'>

// Non-negative decimal: rejects what Number() would also take, like '', ' 5' or '0x10'.
const DISTANCE = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

function parseGeorel(text: string): Relation {
  const [name = '', ...modifiers] = text.split(';').map((part) => part.trim())
  if (!(GEO_RELATIONS as readonly string[]).includes(name)) {
    throw bad(
      `georel "${text}" is not one of: near;maxDistance==<metres>, ${GEO_RELATIONS.slice(1).join(', ')}`,
    )
  }
  const georel = name as GeoRelation
  if (georel !== 'near') {
    if (modifiers.length > 0) throw bad(`georel ${georel} takes nothing after it; got "${text}"`)
    return { georel }
  }
  const relation: Relation = { georel }
  for (const modifier of modifiers) {
    const match = /^(maxDistance|minDistance)==(.*)$/.exec(modifier)
    if (!match)
      throw bad(`georel near takes maxDistance==<metres> or minDistance==<metres>; got "${modifier}"`)
    const key = match[1] as 'maxDistance' | 'minDistance'
    const value = match[2] ?? ''
    const metres = Number(value)
    if (!DISTANCE.test(value) || !Number.isFinite(metres)) {
      throw bad(`${key} must be a number of metres, not negative; got "${value}"`)
    }
    if (relation[key] !== undefined) throw bad(`georel near gives ${key} twice`)
    relation[key] = metres
  }
  if (relation.maxDistance === undefined && relation.minDistance === undefined) {
    throw bad('georel near needs a distance, e.g. near;maxDistance==1000 (metres)')
  }
  if (relation.maxDistance !== undefined && relation.minDistance !== undefined) {
    if (relation.minDistance > relation.maxDistance) {
      throw bad(`minDistance (${relation.minDistance}) is more than maxDistance (${relation.maxDistance})`)
    }
  }
  return relation
}

function parseCoordinatesText(text: string): unknown {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw bad(`coordinates must be a JSON array, e.g. [23.59,46.77]; got "${clip(text)}"`)
  }
  if (!Array.isArray(parsed))
    throw bad(`coordinates must be a JSON array, e.g. [23.59,46.77]; got "${clip(text)}"`)
  return parsed
}

function parseGeometry(type: string, coordinates: unknown): GeoJsonGeometry {
  switch (type) {
    case 'Point':
      return { type, coordinates: position(coordinates, 'coordinates') }
    case 'LineString':
      return { type, coordinates: lineString(coordinates, 'coordinates') }
    case 'Polygon':
      return { type, coordinates: polygon(coordinates, 'coordinates') }
    case 'MultiPoint':
      return { type, coordinates: list(coordinates, 'coordinates', 1, position, ['MultiPoint', 'positions']) }
    case 'MultiLineString':
      return {
        type,
        coordinates: list(coordinates, 'coordinates', 1, lineString, ['MultiLineString', 'LineStrings']),
      }
    case 'MultiPolygon':
      return { type, coordinates: list(coordinates, 'coordinates', 1, polygon, ['MultiPolygon', 'Polygons']) }
    default:
      throw bad(`geometry "${clip(type)}" is not one of: ${GEOMETRY_TYPES.join(', ')}`)
  }
}

function list<T>(
  value: unknown,
  path: string,
  min: number,
  item: (value: unknown, path: string) => T,
  [container, items]: [string, string],
): T[] {
  if (!Array.isArray(value)) throw bad(`${path} must be an array of ${items} (a ${container})`)
  // Members first: a wrong nesting depth is the likelier mistake, and the more useful message.
  const members = value.map((member, index) => item(member, `${path}[${index}]`))
  if (members.length < min) throw bad(`${path}: a ${container} needs at least ${min} ${items}`)
  return members
}

function position(value: unknown, path: string): Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    throw bad(`${path} must be a position [longitude, latitude]`)
  }
  value.forEach((number, index) => {
    if (typeof number !== 'number' || !Number.isFinite(number))
      throw bad(`${path}[${index}] must be a number`)
  })
  const [longitude, latitude] = value as number[]
  if (longitude === undefined || longitude < -180 || longitude > 180) {
    throw bad(`${path}: longitude ${longitude} is outside [-180, 180] (positions are [longitude, latitude])`)
  }
  if (latitude === undefined || latitude < -90 || latitude > 90) {
    throw bad(`${path}: latitude ${latitude} is outside [-90, 90] (positions are [longitude, latitude])`)
  }
  return [...(value as number[])]
}

function lineString(value: unknown, path: string): Position[] {
  return list(value, path, 2, position, ['LineString', 'positions'])
}

function polygon(value: unknown, path: string): Position[][] {
  return list(value, path, 1, ring, ['Polygon', 'rings'])
}

function ring(value: unknown, path: string): Position[] {
  const positions = list(value, path, 4, position, ['polygon ring', 'positions, the first repeated last'])
  const first = positions[0] ?? []
  const last = positions[positions.length - 1] ?? []
  if (first.length !== last.length || first.some((number, index) => number !== last[index])) {
    throw bad(`${path}: a polygon ring must end where it starts`)
  }
  return positions
}

// NGSI-LD names may not hold these (4.6.2), nor would they name an attribute.
const FORBIDDEN_IN_NAME = /[\s<>"'=;()\\]/

function parseGeoproperty(name: string | undefined): string {
  if (name === undefined) return DEFAULT_GEOPROPERTY
  if (name === '' || FORBIDDEN_IN_NAME.test(name)) {
    throw bad(`geoproperty "${clip(name)}" is not an attribute name`)
  }
  return name
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}
