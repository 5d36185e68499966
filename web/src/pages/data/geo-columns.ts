import type { Column } from './catalog-api.ts'

// As the server reads them (records/geometry-source.ts), so a GeoJSON download is offered only where it works.
const LATITUDE = /^(lat|latitude|latitudine|y)$/i
const LONGITUDE = /^(lon|lng|long|longitude|longitudine|x)$/i
const numeric = (column: Column) => column.type === 'number' || column.type === 'integer'

/** Where a table's rows are: a geometry column, or a pair of latitude and longitude columns; null when neither. */
export type GeoColumns = { geometry: string } | { lat: string; lon: string } | null

export function geoColumnsOf(columns: Column[]): GeoColumns {
  const geometry = columns.find((column) => column.type === 'geometry')
  if (geometry) return { geometry: geometry.name }
  const lat = columns.find((column) => numeric(column) && LATITUDE.test(column.name.trim()))
  const lon = columns.find((column) => numeric(column) && LONGITUDE.test(column.name.trim()))
  return lat && lon ? { lat: lat.name, lon: lon.name } : null
}
