import { type RawBuilder, sql } from 'kysely'
import type { GeoQuery } from './geo-query.ts'

/** The query's reference geometry; the GeoJSON goes as a bound parameter, never into the SQL text. */
function reference(query: GeoQuery): RawBuilder<unknown> {
  return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(query.geometry)}::text), 4326)`
}

/**
 * A PostGIS predicate: does `geometry` (SRID 4326, lon/lat) stand in the query's relation to its reference
 * geometry? near compares as geography, in metres, written `<g>::geography` so that an expression index
 * `gist ((location::geography))` serves it. A NULL geometry matches nothing.
 */
export function geoQueryToSql(query: GeoQuery, geometry: RawBuilder<unknown>): RawBuilder<boolean> {
  const q = reference(query)
  switch (query.georel) {
    case 'near': {
      const conditions: RawBuilder<boolean>[] = []
      if (query.maxDistance !== undefined) {
        conditions.push(
          sql<boolean>`ST_DWithin((${geometry})::geography, ${q}::geography, ${query.maxDistance}::float8)`,
        )
      }
      if (query.minDistance !== undefined) {
        conditions.push(
          sql<boolean>`NOT ST_DWithin((${geometry})::geography, ${q}::geography, ${query.minDistance}::float8)`,
        )
      }
      // The parser guarantees a distance; an empty near would otherwise match everything.
      if (conditions.length === 0) return sql<boolean>`false`
      return sql<boolean>`(${sql.join(conditions, sql` AND `)})`
    }
    case 'within':
      return sql<boolean>`ST_Within(${geometry}, ${q})`
    case 'contains':
      return sql<boolean>`ST_Contains(${geometry}, ${q})`
    case 'intersects':
      return sql<boolean>`ST_Intersects(${geometry}, ${q})`
    case 'equals':
      return sql<boolean>`ST_Equals(${geometry}, ${q})`
    case 'disjoint':
      return sql<boolean>`ST_Disjoint(${geometry}, ${q})`
    case 'overlaps':
      return sql<boolean>`ST_Overlaps(${geometry}, ${q})`
  }
}

/** Metres from `geometry` to the query's reference geometry (on the spheroid), to order near results. */
export function geoDistanceSql(query: GeoQuery, geometry: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`ST_Distance((${geometry})::geography, ${reference(query)}::geography)`
}

/**
 * The order for near results, nearest first: the geography distance operator, which the
 * `gist ((location::geography))` index answers in distance order, so a page of 20 reads about 20
 * rows instead of every entity in range.
 */
export function geoNearestOrderSql(query: GeoQuery, geometry: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(${geometry})::geography <-> ${reference(query)}::geography`
}
