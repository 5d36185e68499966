import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { ModuleContext } from '../../../platform/module.ts'
import { badRequest, NgsiError } from '../errors.ts'
import { isCoreContextUrl } from './core-context.ts'
import { type ContextDefinition, compileTerms, coreTermMap, type TermMap } from './term-map.ts'

/** Where hosted contexts are served; a Link to this path on any host is looked up here, never fetched. */
export const HOSTED_PATH = '/ngsi-ld/v1/jsonldContexts/'

const MAX_CACHED = 500
const MAX_DEPTH = 5
const FETCH_TIMEOUT_MS = 5_000
const MAX_CONTEXT_BYTES = 512 * 1024

export interface StoredContext {
  id: string
  url: string
  kind: 'hosted' | 'cached'
  body: { '@context': unknown }
  createdAt: string
  lastUsedAt: string | null
  uses: number
}

/**
 * Turns an @context value (URL, object or list) into compiled terms. Compiled contexts are cached
 * by their JSON text, so a context is processed once, not per request. URLs resolve to the core
 * context, a hosted or cached one, or (only when configuration allows) a fetch whose result is cached.
 */
export class ContextSource {
  readonly #context: ModuleContext
  readonly #compiled = new Map<string, TermMap>()

  constructor(context: ModuleContext) {
    this.#context = context
  }

  async terms(value: unknown): Promise<TermMap> {
    if (value === undefined || value === null) return coreTermMap
    const key = typeof value === 'string' ? value : JSON.stringify(value)
    const cached = this.#compiled.get(key)
    if (cached) return cached
    const definitions: ContextDefinition[] = []
    await this.#collect(value, definitions, 0)
    const terms = compileTerms(definitions)
    if (this.#compiled.size >= MAX_CACHED) this.#compiled.delete(this.#compiled.keys().next().value as string)
    this.#compiled.set(key, terms)
    return terms
  }

  /** Forgets compiled contexts, after a hosted one changed. */
  forget(): void {
    this.#compiled.clear()
  }

  async #collect(value: unknown, into: ContextDefinition[], depth: number): Promise<void> {
    if (depth > MAX_DEPTH) throw badRequest('The @context nests other contexts too deeply.')
    if (Array.isArray(value)) {
      for (const item of value) await this.#collect(item, into, depth + 1)
    } else if (typeof value === 'string') {
      if (isCoreContextUrl(value)) return
      const document = await this.#load(value)
      await this.#collect(document['@context'], into, depth + 1)
    } else if (value && typeof value === 'object') {
      into.push(value as ContextDefinition)
    } else if (value !== null) {
      throw badRequest('An @context must be a URL, an object, or a list of them.')
    }
  }

  async #load(url: string): Promise<{ '@context': unknown }> {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw badRequest(`The @context "${url}" is not a URL.`)
    }
    const hostedId = parsed.pathname.startsWith(HOSTED_PATH)
      ? parsed.pathname.slice(HOSTED_PATH.length)
      : undefined
    const stored = await findContext(this.#context, hostedId ? { id: decodeURIComponent(hostedId) } : { url })
    const known = stored ?? (hostedId ? undefined : await findContext(this.#context, { url }))
    if (known) {
      void markUsed(this.#context, known.id)
      return known.body
    }
    if (!this.#context.settings.outboundFetch)
      throw new NgsiError(
        'LdContextNotAvailable',
        `The @context ${url} is not known here and this server does not fetch contexts. Register it first with POST /ngsi-ld/v1/jsonldContexts, or send it inline.`,
      )
    const body = await fetchContext(url)
    await sql`INSERT INTO context.json_ld_contexts (id, url, kind, body) VALUES (${randomUUID()}, ${url}, 'cached', ${JSON.stringify(body)}::jsonb)
      ON CONFLICT (url) DO NOTHING`.execute(this.#context.db)
    return body
  }
}

async function fetchContext(url: string): Promise<{ '@context': unknown }> {
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/ld+json, application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'follow',
    })
    if (!response.ok) throw new Error(`it answered ${response.status}`)
    const text = await response.text()
    if (text.length > MAX_CONTEXT_BYTES) throw new Error('it is larger than 512 KiB')
    const body = JSON.parse(text) as unknown
    if (!body || typeof body !== 'object' || !('@context' in body))
      throw new Error('it has no "@context" member')
    return body as { '@context': unknown }
  } catch (error) {
    throw new NgsiError(
      'LdContextNotAvailable',
      `The @context ${url} could not be fetched: ${error instanceof Error ? error.message : String(error)}.`,
    )
  }
}

interface ContextRow {
  id: string
  url: string
  kind: 'hosted' | 'cached'
  body: { '@context': unknown }
  created_at: Date | string
  last_used_at: Date | string | null
  uses: number
}

const toContext = (row: ContextRow): StoredContext => ({
  id: row.id,
  url: row.url,
  kind: row.kind,
  body: row.body,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  uses: row.uses,
})

export async function findContext(
  context: ModuleContext,
  by: { id: string } | { url: string },
): Promise<StoredContext | undefined> {
  const { rows } = await sql<ContextRow>`SELECT * FROM context.json_ld_contexts
    WHERE ${'id' in by ? sql`id = ${by.id}` : sql`url = ${by.url}`}`.execute(context.db)
  return rows[0] ? toContext(rows[0]) : undefined
}

export async function listContexts(
  context: ModuleContext,
  kind?: 'hosted' | 'cached',
): Promise<StoredContext[]> {
  const { rows } = await sql<ContextRow>`SELECT * FROM context.json_ld_contexts
    ${kind ? sql`WHERE kind = ${kind}` : sql``} ORDER BY created_at, id`.execute(context.db)
  return rows.map(toContext)
}

export async function addHostedContext(
  context: ModuleContext,
  id: string,
  url: string,
  body: { '@context': unknown },
): Promise<void> {
  await sql`INSERT INTO context.json_ld_contexts (id, url, kind, body)
    VALUES (${id}, ${url}, 'hosted', ${JSON.stringify(body)}::jsonb)`.execute(context.db)
}

export async function removeContext(context: ModuleContext, id: string): Promise<boolean> {
  const { rows } = await sql<{
    id: string
  }>`DELETE FROM context.json_ld_contexts WHERE id = ${id} RETURNING id`.execute(context.db)
  return rows.length === 1
}

async function markUsed(context: ModuleContext, id: string): Promise<void> {
  await sql`UPDATE context.json_ld_contexts SET uses = uses + 1, last_used_at = now() WHERE id = ${id}`
    .execute(context.db)
    .catch(() => undefined)
}
