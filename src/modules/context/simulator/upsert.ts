import type { NgsiEntity } from './observations.ts'

/** Where readings go: a running Cetate (or any NGSI-LD broker) and who sends them. */
export interface BrokerTarget {
  baseUrl: string
  apiKey?: string
  tenant?: string
}

/** The broker answered but refused some or all of the readings. */
export class UpsertRefused extends Error {
  override readonly name = 'UpsertRefused'
  readonly status: number
  constructor(message: string, status: number) {
    super(message)
    this.status = status
  }
}

interface ProblemDetails {
  type?: string
  title?: string
  detail?: string
}

interface BatchOutcome {
  success?: string[]
  errors?: { entityId?: string; error?: ProblemDetails }[]
}

/**
 * Sends entity fragments with the standard batch upsert, updating attributes of entities that
 * exist (options=update) and creating the rest. Throws unless every entity was taken.
 */
export async function upsertEntities(
  target: BrokerTarget,
  entities: NgsiEntity[],
  signal?: AbortSignal,
): Promise<void> {
  const url = `${target.baseUrl.replace(/\/+$/, '')}/ngsi-ld/v1/entityOperations/upsert?options=update`
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' }
  if (target.apiKey) headers.Authorization = `Bearer ${target.apiKey}`
  if (target.tenant) headers['NGSILD-Tenant'] = target.tenant
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(entities), signal })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new Error(`Cannot reach Cetate at ${target.baseUrl}: is it running? Start it with npm start`, {
      cause: error,
    })
  }
  const text = await response.text()
  if (response.status === 207) {
    const outcome = parseJson<BatchOutcome>(text)
    const errors = outcome?.errors ?? []
    if (errors.length === 0) return
    const first = errors[0]!
    throw new UpsertRefused(
      `Cetate refused ${errors.length} of ${entities.length} readings; ${first.entityId ?? 'an entity'}: ${explain(first.error)}`,
      207,
    )
  }
  if (response.ok) return
  const problem = parseJson<ProblemDetails>(text)
  throw new UpsertRefused(
    `Cetate answered ${response.status} ${response.statusText} to ${url}: ${explain(problem ?? { detail: text.slice(0, 200) })}`,
    response.status,
  )
}

function explain(problem: ProblemDetails | undefined): string {
  if (!problem) return 'no reason given'
  const reason = problem.detail || problem.title || 'no reason given'
  const kind = problem.type?.split('/').pop()
  return kind ? `${reason} (${kind})` : reason
}

function parseJson<T>(text: string): T | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as T) : undefined
  } catch {
    return undefined
  }
}
