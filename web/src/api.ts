import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'

export type Platform = { name: string; version: string; modules: string[] }

export type City = {
  slug: string
  name: string
  /** The name in each language the server knows it in; `name` is the Romanian one. */
  names?: Partial<Record<string, string>>
  country: string
  timeZone: string
  centre: { lon: number; lat: number }
  bounds: { west: number; south: number; east: number; north: number }
  areaCount: number
}

export type AreaProperties = { slug: string; name: string; kind: string }

export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaProperties> & {
  attribution: string
}

/** An application/problem+json answer (RFC 9457) or a failure to reach the server. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string | undefined
  readonly requestId: string | undefined

  constructor(status: number, title: string, code?: string, requestId?: string) {
    super(title)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.requestId = requestId
  }
}

async function getJson<T>(path: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } })
  if (response.ok) return (await response.json()) as T
  const problem = response.headers.get('content-type')?.includes('json')
    ? ((await response.json().catch(() => ({}))) as { title?: string; code?: string; requestId?: string })
    : {}
  throw new ApiError(response.status, problem.title ?? response.statusText, problem.code, problem.requestId)
}

export const getPlatform = (signal: AbortSignal) => getJson<Platform>('/api/platform', signal)

export const getCities = (signal: AbortSignal) => getJson<{ items: City[] }>('/api/cities', signal)

export const getAreas = (slug: string, signal: AbortSignal) =>
  getJson<AreaCollection>(`/api/cities/${encodeURIComponent(slug)}/areas`, signal)
