/**
 * Geometry values: WKT (optionally `SRID=4326;`) or a GeoJSON geometry, both given to PostGIS as
 * EWKT in WGS 84. Checked here so a bad value is reported with its line, not by the database.
 */
const WKT =
  /^\s*(SRID=(\d+);)?\s*((MULTI)?(POINT|LINESTRING|POLYGON)|GEOMETRYCOLLECTION)\s*(Z|M|ZM)?\s*(EMPTY|\([-+0-9.eE\s,()A-Za-z]*\))\s*$/i

export function toEwkt(value: string): string | undefined {
  const text = value.trim()
  if (text.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return undefined
    }
    const wkt = geoJsonToWkt(parsed)
    return wkt === undefined ? undefined : `SRID=4326;${wkt}`
  }
  const match = WKT.exec(text)
  if (!match || !balanced(text)) return undefined
  if (match[2] !== undefined) return match[2] === '4326' ? text : undefined
  return `SRID=4326;${text}`
}

function balanced(text: string): boolean {
  let depth = 0
  for (const character of text) {
    if (character === '(') depth++
    else if (character === ')' && --depth < 0) return false
  }
  return depth === 0
}

type Position = number[]

/** A GeoJSON geometry as WKT, or undefined when it is not one. */
export function geoJsonToWkt(geometry: unknown): string | undefined {
  if (typeof geometry !== 'object' || geometry === null) return undefined
  const { type, coordinates, geometries } = geometry as {
    type?: unknown
    coordinates?: unknown
    geometries?: unknown
  }
  try {
    switch (type) {
      case 'Point':
        return `POINT(${position(coordinates)})`
      case 'MultiPoint':
        return `MULTIPOINT(${list(coordinates, (p) => `(${position(p)})`)})`
      case 'LineString':
        return `LINESTRING(${positions(coordinates)})`
      case 'MultiLineString':
        return `MULTILINESTRING(${list(coordinates, (line) => `(${positions(line)})`)})`
      case 'Polygon':
        return `POLYGON(${rings(coordinates)})`
      case 'MultiPolygon':
        return `MULTIPOLYGON(${list(coordinates, (polygon) => `(${rings(polygon)})`)})`
      case 'GeometryCollection': {
        if (!Array.isArray(geometries)) return undefined
        const parts = geometries.map(geoJsonToWkt)
        return parts.every((part) => part !== undefined)
          ? `GEOMETRYCOLLECTION(${parts.join(',')})`
          : undefined
      }
      default:
        return undefined
    }
  } catch {
    return undefined
  }
}

function list(value: unknown, each: (item: unknown) => string): string {
  if (!Array.isArray(value) || value.length === 0) throw new Error('empty')
  return value.map(each).join(',')
}

function position(value: unknown): string {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) throw new Error('not a position')
  const numbers = value as Position
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) throw new Error('not a number')
  return numbers.slice(0, 2).join(' ')
}

const positions = (value: unknown) => list(value, position)
const rings = (value: unknown) => list(value, (ring) => `(${positions(ring)})`)
