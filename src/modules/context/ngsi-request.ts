import type { FastifyReply, FastifyRequest } from 'fastify'
import { badRequest, NgsiError } from './errors.ts'
import type { ContextSource } from './json-ld/context-source.ts'
import { CORE_CONTEXT_URL } from './json-ld/core-context.ts'
import type { TermMap } from './json-ld/term-map.ts'
import type { Tenants } from './tenants.ts'

export const JSON_LD = 'application/ld+json'
export const GEO_JSON = 'application/geo+json'
export const MERGE_PATCH = 'application/merge-patch+json'
const CONTEXT_REL = 'http://www.w3.org/ns/json-ld#context'

/** What every NGSI-LD call carries besides its body: the tenant and the @context to read names with. */
export interface NgsiCall {
  tenant: string
  terms: TermMap
  /** The caller's @context as given (URL, object or list), echoed in JSON-LD answers. */
  contextValue: unknown
  /** The caller's context URL, for the Link header of JSON answers. */
  contextUrl: string | undefined
  /** The representation asked for by Accept. */
  accept: 'json' | 'ld' | 'geo'
}

export interface NgsiServices {
  contexts: ContextSource
  tenants: Tenants
}

const TENANT = /^[A-Za-z0-9_-]{1,64}$/

/** NGSI-LD 6.3.14: the tenant header; reads of an unknown tenant fail, writes create it. */
export async function readTenant(
  request: FastifyRequest,
  services: NgsiServices,
  write: boolean,
): Promise<string> {
  const header = request.headers['ngsild-tenant']
  const tenant = Array.isArray(header) ? header[0] : header
  if (tenant === undefined || tenant === '') return ''
  if (!TENANT.test(tenant)) throw badRequest('NGSILD-Tenant must be 1–64 letters, digits, "_" or "-".')
  if (write) await services.tenants.ensure(tenant)
  else if (!(await services.tenants.exists(tenant)))
    throw new NgsiError(
      'NonexistentTenant',
      `There is no tenant "${tenant}"; it is created by its first write.`,
    )
  return tenant
}

/** NGSI-LD 6.3.5: the @context from a Link header. */
export function linkedContext(request: FastifyRequest): string | undefined {
  const header = request.headers.link
  if (!header) return undefined
  const links = Array.isArray(header) ? header.join(',') : header
  for (const link of links.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(link)
    if (match && new RegExp(`rel="?${CONTEXT_REL.replace(/[.#/]/g, '\\$&')}"?`).test(match[2] ?? ''))
      return match[1]
  }
  return undefined
}

function acceptOf(request: FastifyRequest): NgsiCall['accept'] {
  const header = request.headers.accept
  if (!header) return 'json'
  const types = header.split(',').map((part) => (part.split(';')[0] ?? '').trim().toLowerCase())
  for (const type of types) {
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json'
    if (type === JSON_LD) return 'ld'
    if (type === GEO_JSON) return 'geo'
  }
  throw new NgsiError(
    'NotAcceptable',
    'Ask for application/json, application/ld+json or application/geo+json in the Accept header.',
  )
}

/** The call's tenant and @context for a request without a body (or whose body carries no entity). */
export async function readCall(
  request: FastifyRequest,
  services: NgsiServices,
  options: { write?: boolean } = {},
): Promise<NgsiCall> {
  const accept = acceptOf(request)
  const tenant = await readTenant(request, services, options.write ?? false)
  const contextUrl = linkedContext(request)
  return {
    tenant,
    terms: await services.contexts.terms(contextUrl),
    contextValue: contextUrl,
    contextUrl,
    accept,
  }
}

/**
 * The call for a request with an NGSI-LD body: with application/ld+json the @context is in the body
 * (in each element for a batch) and a Link header is refused; with application/json it comes from Link.
 */
export async function readBodyCall(
  request: FastifyRequest,
  services: NgsiServices,
  body: unknown,
): Promise<NgsiCall> {
  const isLd = (request.headers['content-type'] ?? '').toLowerCase().startsWith(JSON_LD)
  const accept = acceptOf(request)
  const first = Array.isArray(body) ? body[0] : body
  const inBody =
    first && typeof first === 'object' ? (first as Record<string, unknown>)['@context'] : undefined
  const contextUrl = linkedContext(request)
  if (isLd) {
    if (contextUrl)
      throw badRequest(
        'With Content-Type application/ld+json the @context goes in the body, not in a Link header.',
      )
    if (inBody === undefined && !(Array.isArray(body) && body.length === 0))
      throw badRequest('With Content-Type application/ld+json the body needs an "@context" member.')
  } else if (inBody !== undefined) {
    throw badRequest('A body with "@context" must be sent as Content-Type application/ld+json.')
  }
  const tenant = await readTenant(request, services, true)
  const contextValue = isLd ? inBody : contextUrl
  return {
    tenant,
    terms: await services.contexts.terms(contextValue),
    contextValue,
    contextUrl: isLd ? undefined : contextUrl,
    accept,
  }
}

/** Sends an NGSI-LD document: JSON with a Link to its @context, or JSON-LD with the @context inside. */
export function sendDocument(reply: FastifyReply, call: NgsiCall, body: unknown, status = 200): FastifyReply {
  if (call.accept === 'ld') {
    const context = call.contextValue ?? CORE_CONTEXT_URL
    const withContext = (item: unknown) =>
      item && typeof item === 'object' && !Array.isArray(item) ? { '@context': context, ...item } : item
    return reply
      .code(status)
      .type(JSON_LD)
      .send(Array.isArray(body) ? body.map(withContext) : withContext(body))
  }
  const link = call.contextUrl ?? CORE_CONTEXT_URL
  return reply
    .code(status)
    .header('link', `<${link}>; rel="${CONTEXT_REL}"; type="${JSON_LD}"`)
    .type(call.accept === 'geo' ? GEO_JSON : 'application/json')
    .send(body)
}

/** Reads the NGSI-LD `options` parameter (comma list) into a set, refusing unknown options. */
export function readOptions(value: string | undefined, allowed: readonly string[]): Set<string> {
  const options = new Set((value ?? '').split(',').filter((option) => option.length > 0))
  for (const option of options)
    if (!allowed.includes(option))
      throw badRequest(`"options" has "${option}"; allowed here: ${allowed.join(', ')}.`)
  return options
}

/** Comma-separated names (attrs, pick, omit), each checked. */
export function readNames(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const names = value.split(',').map((name) => name.trim())
  if (names.some((name) => name.length === 0))
    throw badRequest('A list of names must not have empty entries.')
  return names
}

/**
 * A resource's path for a Location header. Ids are URIs whose colons are legal in a path, and
 * clients (ngsijs, the Orion-LD tools) read the id back from Location without decoding it, so
 * only characters a path segment cannot hold are escaped (RFC 3986 pchar).
 */
export function resourcePath(collection: string, id: string): string {
  return `/ngsi-ld/v1/${collection}/${id.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu, (c) => encodeURIComponent(c))}`
}

/** A true/false query parameter; absent is false. */
export function readFlag(value: string | undefined, name: string): boolean {
  if (value !== undefined && value !== 'true' && value !== 'false')
    throw badRequest(`"${name}" must be true or false.`)
  return value === 'true'
}
