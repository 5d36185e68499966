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

/** An API key as the account and staff pages list it; the secret itself is shown once, on creation. */
export type ApiKey = {
  id: string
  prefix: string
  name: string
  organisation: string | null
  scopes: string[]
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedAt: string | null
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

/** The ApiError for a failed answer: a problem's detail (else its title), code and request id. */
export async function problemOf(response: Response): Promise<ApiError> {
  const problem = (await response.json().catch(() => ({}))) as {
    title?: string
    detail?: string
    code?: string
    requestId?: string
  }
  return new ApiError(
    response.status,
    problem.detail ?? problem.title ?? response.statusText,
    problem.code,
    problem.requestId,
  )
}

/**
 * GETs JSON from the API; a problem answer becomes an ApiError (see problemOf). A failure to reach
 * the server, or an abort, rejects with fetch's own error.
 */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { accept: 'application/json' } })
  if (!response.ok) throw await problemOf(response)
  return (await response.json()) as T
}

export const getPlatform = (signal: AbortSignal) => getJson<Platform>('/api/platform', signal)

export const getCities = (signal: AbortSignal) => getJson<{ items: City[] }>('/api/cities', signal)

export const getAreas = (slug: string, signal: AbortSignal) =>
  getJson<AreaCollection>(`/api/cities/${encodeURIComponent(slug)}/areas`, signal)
