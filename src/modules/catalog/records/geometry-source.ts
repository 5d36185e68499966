import type { Column } from '../schemas.ts'

const LATITUDE = /^(lat|latitude|latitudine|y)$/i
const LONGITUDE = /^(lon|lng|long|longitude|longitudine|x)$/i

/** Where a row's point or shape comes from: a geometry column, or a pair of latitude/longitude columns. */
export type GeometrySource =
  | { kind: 'geometry'; column: string }
  | { kind: 'coordinates'; latitude: string; longitude: string }

export function geometrySource(columns: readonly Column[]): GeometrySource | undefined {
  const geometry = columns.find((column) => column.type === 'geometry')
  if (geometry) return { kind: 'geometry', column: geometry.name }
  const numeric = columns.filter((column) => column.type === 'number' || column.type === 'integer')
  const latitude = numeric.find((column) => LATITUDE.test(column.name.trim()))
  const longitude = numeric.find((column) => LONGITUDE.test(column.name.trim()))
  return latitude && longitude
    ? { kind: 'coordinates', latitude: latitude.name, longitude: longitude.name }
    : undefined
}

/** A GeoJSON Feature of one record, its other values as properties; null geometry when it has none. */
export function toFeature(record: Record<string, unknown>, source: GeometrySource): object {
  const properties = { ...record }
  let geometry: unknown = null
  if (source.kind === 'geometry') {
    geometry = properties[source.column] ?? null
    delete properties[source.column]
  } else {
    const lat = properties[source.latitude]
    const lon = properties[source.longitude]
    if (typeof lat === 'number' && typeof lon === 'number')
      geometry = { type: 'Point', coordinates: [lon, lat] }
  }
  return { type: 'Feature', geometry, properties }
}
