import { checkName, isUri, readInstances, readTypes } from './entity-input.ts'
import { badRequest } from './errors.ts'
import type { TermMap } from './json-ld/term-map.ts'
import type { EntityAttributes } from './model.ts'

const NULL = 'urn:ngsi-ld:null'
const isNull = (value: unknown): boolean =>
  value === null ||
  value === NULL ||
  (typeof value === 'object' &&
    value !== null &&
    'value' in value &&
    ((value as { value: unknown }).value === null || (value as { value: unknown }).value === NULL))

/** NGSI-LD 5.6.17 merge body: attributes to merge, and attributes set to null (deleted). */
export function readMerge(
  body: unknown,
  terms: TermMap,
  id: string,
): { attrs: EntityAttributes; deletions: string[]; types?: string[]; scopes?: string[] } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The body must be a JSON object.')
  const members = body as Record<string, unknown>
  if (members.id !== undefined && members.id !== id)
    throw badRequest(`The body's id "${String(members.id)}" differs from the id in the URL "${id}".`)
  if (members.id !== undefined && !isUri(members.id)) throw badRequest('"id" must be a URI.')
  const attrs: EntityAttributes = {}
  const deletions: string[] = []
  for (const [name, value] of Object.entries(members)) {
    if (['id', 'type', 'scope', '@context', 'createdAt', 'modifiedAt'].includes(name)) continue
    checkName(name, 'Attribute')
    if (isNull(value)) deletions.push(terms.expand(name))
    else attrs[terms.expand(name)] = readInstances(name, value, terms)
  }
  if (Object.keys(attrs).length === 0 && deletions.length === 0 && members.type === undefined)
    throw badRequest('The body has nothing to merge.')
  return {
    attrs,
    deletions,
    ...(members.type !== undefined ? { types: readTypes(members.type, terms) } : {}),
    ...(typeof members.scope === 'string' ? { scopes: [members.scope] } : {}),
  }
}
