import { Problem } from '../../../platform/http/problem.ts'
import { PREFIXES } from './terms.ts'

const TIMEOUT_MS = 30_000
const MAX_BYTES = 50 * 1024 * 1024
/** A catalogue of 100 pages is large; more is more likely a loop. */
export const MAX_PAGES = 100
const ACCEPT = 'text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, */*;q=0.1'

export interface FetchedPage {
  text: string
  mediaType: string | null
}

const unreachable = (url: string, reason: string) =>
  new Problem(
    502,
    'CATALOG_HARVEST_FETCH_FAILED',
    'The remote catalogue could not be read',
    `${url}: ${reason}.`,
  )

/** Fetches one page of a remote catalogue, refusing answers that are not 2xx or too large. */
export async function fetchPage(url: string): Promise<FetchedPage> {
  let response: Response
  try {
    response = await fetch(url, {
      headers: { accept: ACCEPT },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'follow',
    })
  } catch (error) {
    throw unreachable(url, error instanceof Error ? error.message : String(error))
  }
  if (!response.ok) throw unreachable(url, `it answered ${response.status}`)
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > MAX_BYTES) throw unreachable(url, 'it is larger than 50 MiB')
  const text = await response.text()
  if (text.length > MAX_BYTES) throw unreachable(url, 'it is larger than 50 MiB')
  return { text, mediaType: response.headers.get('content-type') }
}

/** The next page a Hydra-paged catalogue names (hydra:nextPage as text or IRI, or hydra:next). */
export function nextPageOf(
  quads: readonly { predicate: { value: string }; object: { value: string } }[],
): string | undefined {
  const next = quads.find(
    (quad) =>
      quad.predicate.value === `${PREFIXES.hydra}nextPage` ||
      quad.predicate.value === `${PREFIXES.hydra}next`,
  )
  return next && /^https?:\/\//.test(next.object.value) ? next.object.value : undefined
}
