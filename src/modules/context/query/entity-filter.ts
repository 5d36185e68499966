import { type RawBuilder, sql } from 'kysely'
import { isUri } from '../entity-input.ts'
import { badRequest } from '../errors.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import { LOCATION } from '../model.ts'
import { type GeoQuery, parseGeoQuery } from './geo-query.ts'
import { geoQueryToSql } from './geo-sql.ts'
import { parseQ, type QExpression } from './q-language.ts'
import { qToJsonPath } from './q-sql.ts'
import { parseTypeExpression, type TypeExpression, typeExpressionToSql } from './type-expression.ts'

/** Which entities a query, a subscription or a temporal query is about (NGSI-LD 5.7.2, 5.8). */
export interface EntityFilter {
  ids?: string[]
  idPattern?: string
  type?: TypeExpression
  /** Attribute names as written: entities with at least one of them. */
  attrs?: string[]
  q?: QExpression
  geo?: GeoQuery
}

export interface FilterParams {
  id?: string | undefined
  idPattern?: string | undefined
  type?: string | undefined
  attrs?: string[] | undefined
  q?: string | undefined
  georel?: string | undefined
  geometry?: string | undefined
  coordinates?: string | undefined
  geoproperty?: string | undefined
}

const MAX_PATTERN = 512

export function checkIdPattern(pattern: string): string {
  if (pattern.length > MAX_PATTERN) throw badRequest(`idPattern is longer than ${MAX_PATTERN} characters.`)
  try {
    new RegExp(pattern, 'u')
  } catch (error) {
    throw badRequest(`idPattern is not a valid regular expression: ${(error as Error).message}.`)
  }
  return pattern
}

export function readEntityFilter(params: FilterParams): EntityFilter {
  const filter: EntityFilter = {}
  if (params.id !== undefined) {
    const ids = params.id.split(',').map((id) => id.trim())
    for (const id of ids) if (!isUri(id)) throw badRequest(`"id" has "${id}", which is not a URI.`)
    filter.ids = ids
  }
  if (params.idPattern !== undefined) filter.idPattern = checkIdPattern(params.idPattern)
  if (params.type !== undefined) filter.type = parseTypeExpression(params.type)
  if (params.attrs !== undefined) filter.attrs = params.attrs
  if (params.q !== undefined) filter.q = parseQ(params.q)
  const geo = parseGeoQuery({
    georel: params.georel,
    geometry: params.geometry,
    coordinates: params.coordinates,
    geoproperty: params.geoproperty,
  })
  if (geo) filter.geo = geo
  return filter
}

/** The SQL geometry of a GeoProperty: the indexed column for `location`, else read from attrs. */
export function geoPropertySql(iri: string): RawBuilder<unknown> {
  return iri === LOCATION
    ? sql`location`
    : sql`ST_SetSRID(ST_GeomFromGeoJSON(attrs -> ${iri} -> 0 ->> 'value'), 4326)`
}

/** The WHERE conditions for a filter over `context.entities` (or a table with the same columns). */
export function filterToSql(filter: EntityFilter, terms: TermMap): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = []
  const expand = (name: string) => terms.expand(name)
  if (filter.ids) conditions.push(sql<boolean>`id = ANY(${filter.ids}::text[])`)
  if (filter.idPattern) conditions.push(sql<boolean>`id ~ ${filter.idPattern}`)
  if (filter.type) conditions.push(typeExpressionToSql(filter.type, expand))
  if (filter.attrs) conditions.push(sql<boolean>`attrs ?| ${filter.attrs.map(expand)}::text[]`)
  if (filter.q) conditions.push(sql<boolean>`attrs @@ ${qToJsonPath(filter.q, expand)}::jsonpath`)
  if (filter.geo) conditions.push(geoQueryToSql(filter.geo, geoPropertySql(expand(filter.geo.geoproperty))))
  return conditions
}
