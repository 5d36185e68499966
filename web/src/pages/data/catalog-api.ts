import type { Load } from '../../../../src/modules/catalog/datastore/load-schemas.ts'
import type {
  Column,
  ColumnType,
  Dataset,
  DatasetCreate,
  DatasetPatch,
  Quality,
  Resource,
  Reuse,
  ReuseCreate,
} from '../../../../src/modules/catalog/schemas.ts'
import { getJson, problemOf } from '../../api.ts'

export type {
  Column,
  ColumnType,
  Dataset,
  DatasetCreate,
  DatasetPatch,
  Quality,
  Resource,
  Reuse,
  ReuseCreate,
}

export const FACETS = ['organisation', 'theme', 'format', 'licence', 'keyword'] as const
export type FacetName = (typeof FACETS)[number]
export const SORTS = ['relevance', 'modified', 'title', 'name', 'created'] as const
export type Sort = (typeof SORTS)[number]

export type FacetValue = { value: string; count: number }
export type SearchResult = {
  count: number
  items: Dataset[]
  facets: Record<FacetName, FacetValue[]>
}

const path = (name: string) => `/api/catalog/datasets/${encodeURIComponent(name)}`

/** The search's own query string (the page's address keeps the same parameters). */
export const searchDatasets = (query: URLSearchParams, signal: AbortSignal) =>
  getJson<SearchResult>(`/api/catalog/datasets?${query}`, signal)

export const getDataset = (name: string, signal: AbortSignal) => getJson<Dataset>(path(name), signal)

export const getQuality = (name: string, signal: AbortSignal) =>
  getJson<Quality>(`${path(name)}/quality`, signal)

export const getReuses = (name: string, signal: AbortSignal) =>
  getJson<{ items: Reuse[] }>(`${path(name)}/reuses`, signal)

export type Organisation = {
  slug: string
  name: string
  names: Partial<Record<string, string>>
  kind: string
  website: string | null
}

export const getOrganisations = (signal: AbortSignal) =>
  getJson<{ items: Organisation[] }>('/api/organisations', signal)

export const getOrganisation = (slug: string, signal: AbortSignal) =>
  getJson<Organisation>(`/api/organisations/${encodeURIComponent(slug)}`, signal)

export const datasetPath = {
  api: path,
  page: (name: string) => `/data/${encodeURIComponent(name)}`,
  edit: (name: string) => `/data/${encodeURIComponent(name)}/edit`,
  upload: (name: string, resourceId?: string) =>
    `/data/${encodeURIComponent(name)}/upload${resourceId ? `?resource=${encodeURIComponent(resourceId)}` : ''}`,
}

export const recordsPath = (resourceId: string, suffix = '') =>
  `/api/catalog/resources/${encodeURIComponent(resourceId)}/records${suffix}`

/** One page of a datastore table, as the records API answers it. */
export type RecordsPage = {
  fields: Column[]
  records: Record<string, unknown>[]
  total: number
  sort: string
  next?: string
}

export type RecordsQuery = {
  sort?: string
  q?: string
  filters?: Record<string, string>
  limit: number
  offset: number
}

export function recordsQuery({ sort, q, filters, limit, offset }: RecordsQuery): URLSearchParams {
  const query = new URLSearchParams({ limit: String(limit), offset: String(offset), includeTotal: 'true' })
  if (sort) query.set('sort', sort)
  if (q) query.set('q', q)
  if (filters && Object.keys(filters).length > 0) query.set('filters', JSON.stringify(filters))
  return query
}

export const getRecords = (resourceId: string, query: RecordsQuery, signal: AbortSignal) =>
  getJson<RecordsPage>(`${recordsPath(resourceId)}?${recordsQuery(query)}`, signal)

/** An upload: what the server read from the file (the preview), then the load's progress and bad rows. */
export type { Load }

export const getLoad = (id: string, signal: AbortSignal) =>
  getJson<Load>(`/api/catalog/loads/${encodeURIComponent(id)}`, signal)

/**
 * Sends a file as the request body with XMLHttpRequest, whose upload events (unlike fetch's) tell
 * how much has gone; `onProgress` hears the fraction sent.
 */
export function uploadFile(
  name: string,
  file: File,
  csrfToken: string | undefined,
  onProgress: (sent: number, total: number) => void,
  signal: AbortSignal,
): Promise<Load> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', `${path(name)}/uploads?filename=${encodeURIComponent(file.name)}`)
    request.setRequestHeader('accept', 'application/json')
    request.setRequestHeader('content-type', file.type || 'application/octet-stream')
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken)
    request.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size)
    request.onload = () => {
      const response = new Response(request.responseText, {
        status: request.status,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? 'application/json' },
      })
      if (request.status >= 200 && request.status < 300) resolve(response.json() as Promise<Load>)
      else void problemOf(response).then(reject)
    }
    request.onerror = () => reject(new TypeError('network'))
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'))
    signal.addEventListener('abort', () => request.abort())
    request.send(file)
  })
}
