import { badRequest } from './errors.ts'
import type { TermMap } from './json-ld/term-map.ts'
import {
  ATTRIBUTE_KINDS,
  type AttributeInstance,
  type AttributeKind,
  type EntityAttributes,
  INSTANCE_MEMBERS,
} from './model.ts'

/** An entity as read from a request: names expanded, not yet stamped with system times. */
export interface EntityInput {
  id: string
  types: string[]
  scopes?: string[]
  attrs: EntityAttributes
}

const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"{}|\\^`]+$/
// NGSI-LD 4.6.2: names must not contain characters that break URIs or the query language.
const FORBIDDEN_NAME = /[<>"'=;()\s\\]/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/
const ENTITY_MEMBERS = new Set(['id', 'type', 'scope', '@context', 'createdAt', 'modifiedAt', 'deletedAt'])
const GEOMETRY_TYPES = new Set([
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
])
const VALUE_MEMBER: Record<AttributeKind, keyof AttributeInstance> = {
  Property: 'value',
  GeoProperty: 'value',
  Relationship: 'object',
  LanguageProperty: 'languageMap',
  ListProperty: 'valueList',
  ListRelationship: 'objectList',
  JsonProperty: 'json',
  VocabProperty: 'vocab',
}
const KIND_BY_MEMBER: [string, AttributeKind][] = [
  ['object', 'Relationship'],
  ['languageMap', 'LanguageProperty'],
  ['valueList', 'ListProperty'],
  ['objectList', 'ListRelationship'],
  ['json', 'JsonProperty'],
  ['vocab', 'VocabProperty'],
  ['value', 'Property'],
]

export const isUri = (value: unknown): value is string => typeof value === 'string' && URI.test(value)
export const isDateTime = (value: unknown): value is string =>
  typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function checkName(name: string, what: string): void {
  if (name.length === 0 || name.length > 256 || FORBIDDEN_NAME.test(name))
    throw badRequest(`${what} "${name}" is not a valid name: use letters, digits, _ and - (or an IRI).`)
}

export function isGeometry(value: unknown): boolean {
  if (!isObject(value) || typeof value.type !== 'string' || !GEOMETRY_TYPES.has(value.type)) return false
  if (value.type === 'GeometryCollection') return Array.isArray(value.geometries)
  return Array.isArray(value.coordinates) && coordinatesAreNumbers(value.coordinates)
}

function coordinatesAreNumbers(value: unknown[]): boolean {
  return value.every((item) =>
    Array.isArray(item) ? coordinatesAreNumbers(item) : typeof item === 'number' && Number.isFinite(item),
  )
}

/** NGSI-LD 4.5: the type member, one name or several, expanded. */
export function readTypes(value: unknown, terms: TermMap): string[] {
  const names = typeof value === 'string' ? [value] : value
  if (!Array.isArray(names) || names.length === 0 || names.some((name) => typeof name !== 'string'))
    throw badRequest('The entity needs a "type": a type name or a list of them.')
  for (const name of names as string[]) checkName(name, 'Type')
  return [...new Set((names as string[]).map((name) => terms.expand(name)))]
}

function readScopes(value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  const scopes = typeof value === 'string' ? [value] : value
  if (
    !Array.isArray(scopes) ||
    scopes.some((scope) => typeof scope !== 'string' || !/^\/[^\s]*$/.test(scope))
  )
    throw badRequest('"scope" must be a scope like "/Cluj/Centru" or a list of them.')
  return scopes as string[]
}

/**
 * Reads a whole entity (NGSI-LD 5.6.1, normalized or concise). `requireId` is false where the id
 * comes from the URL (replace), in which case a different id in the body is refused.
 */
export function readEntity(body: unknown, terms: TermMap, options: { id?: string } = {}): EntityInput {
  if (!isObject(body)) throw badRequest('The body must be a JSON object describing one entity.')
  const id = body.id ?? options.id
  if (!isUri(id)) throw badRequest('The entity needs an "id" that is a URI, e.g. "urn:ngsi-ld:Station:1".')
  if (options.id !== undefined && id !== options.id)
    throw badRequest(`The body's id "${String(id)}" differs from the id in the URL "${options.id}".`)
  const types = readTypes(body.type, terms)
  const scopes = readScopes(body.scope)
  return { id, types, ...(scopes ? { scopes } : {}), attrs: readAttributes(body, terms) }
}

/** The attributes of a body: every member that is not an entity member. */
export function readAttributes(body: Record<string, unknown>, terms: TermMap): EntityAttributes {
  const attrs: EntityAttributes = {}
  for (const [name, raw] of Object.entries(body)) {
    if (ENTITY_MEMBERS.has(name)) continue
    checkName(name, 'Attribute')
    attrs[terms.expand(name)] = readInstances(name, raw, terms)
  }
  return attrs
}

/** One attribute's instances: an instance, or several with distinct datasetIds. */
export function readInstances(name: string, raw: unknown, terms: TermMap): AttributeInstance[] {
  const many = Array.isArray(raw) && raw.length > 0 && raw.every((item) => isObject(item) && 'type' in item)
  const instances = many
    ? (raw as unknown[]).map((item) => readInstance(name, item, terms))
    : [readInstance(name, raw, terms)]
  const datasets = new Set<string | undefined>()
  for (const instance of instances) {
    if (datasets.has(instance.datasetId))
      throw badRequest(
        `Attribute "${name}" has two instances with the same datasetId${instance.datasetId ? ` "${instance.datasetId}"` : ' (none)'}.`,
      )
    datasets.add(instance.datasetId)
  }
  return instances
}

function kindOf(name: string, raw: Record<string, unknown>): AttributeKind {
  if (typeof raw.type === 'string' && (ATTRIBUTE_KINDS as readonly string[]).includes(raw.type))
    return raw.type as AttributeKind
  if ('type' in raw && isGeometry(raw)) return 'GeoProperty'
  if ('type' in raw)
    throw badRequest(
      `Attribute "${name}" has type "${String(raw.type)}"; expected one of ${ATTRIBUTE_KINDS.join(', ')}.`,
    )
  for (const [member, kind] of KIND_BY_MEMBER) if (member in raw) return kind
  return 'Property'
}

/** One attribute instance in normalized or concise form (NGSI-LD 4.5.2–4.5.23). */
export function readInstance(
  name: string,
  raw: unknown,
  terms: TermMap,
  options: { sub?: boolean } = {},
): AttributeInstance {
  if (!isObject(raw)) return checked(name, { type: 'Property', value: raw }, terms)
  const kind = kindOf(name, raw)
  // Concise: a GeoJSON geometry stands for a GeoProperty, any other object without a value member for a Property.
  if (kind === 'GeoProperty' && raw.type !== 'GeoProperty')
    return checked(name, { type: kind, value: raw }, terms)
  const member = VALUE_MEMBER[kind]
  if (!(member in raw) && raw.type === undefined)
    return checked(name, { type: 'Property', value: raw }, terms)
  // Members are checked by kind in checked(); here they are only sorted into members and sub-attributes.
  const members: Record<string, unknown> = { type: kind }
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'type' || key === 'createdAt' || key === 'modifiedAt' || key === 'instanceId') continue
    if (INSTANCE_MEMBERS.has(key)) members[key] = value
    else {
      checkName(key, `Sub-attribute of "${name}"`)
      members[terms.expand(key)] = readInstance(`${name}.${key}`, value, terms, { sub: true })
    }
  }
  const instance = members as AttributeInstance
  if (options.sub && instance.datasetId !== undefined)
    throw badRequest(`Sub-attribute "${name}" cannot have a datasetId.`)
  return checked(name, instance, terms)
}

function checked(name: string, instance: AttributeInstance, terms: TermMap): AttributeInstance {
  const member = VALUE_MEMBER[instance.type]
  const value = instance[member]
  if (value === undefined)
    throw badRequest(`Attribute "${name}" is a ${instance.type} and needs a "${String(member)}" member.`)
  if (value === null && instance.type !== 'JsonProperty')
    throw badRequest(`Attribute "${name}" has a null ${String(member)}; to remove an attribute, delete it.`)
  switch (instance.type) {
    case 'Relationship':
      if (!(isUri(value) || (Array.isArray(value) && value.length > 0 && value.every(isUri))))
        throw badRequest(`Relationship "${name}" needs an "object" that is a URI (or a list of URIs).`)
      break
    case 'ListRelationship':
      if (
        !Array.isArray(value) ||
        !value.every((item) => isUri(item) || (isObject(item) && isUri(item.object)))
      )
        throw badRequest(`ListRelationship "${name}" needs an "objectList" of URIs.`)
      break
    case 'GeoProperty':
      if (!isGeometry(value))
        throw badRequest(
          `GeoProperty "${name}" needs a GeoJSON geometry as value, e.g. {"type":"Point","coordinates":[23.59,46.77]}.`,
        )
      break
    case 'LanguageProperty':
      if (
        !isObject(value) ||
        !Object.entries(value).every(
          ([language, text]) =>
            /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$|^@none$/.test(language) &&
            (typeof text === 'string' ||
              (Array.isArray(text) && text.every((item) => typeof item === 'string'))),
        )
      )
        throw badRequest(`LanguageProperty "${name}" needs a "languageMap" of language tags to strings.`)
      break
    case 'ListProperty':
      if (!Array.isArray(value)) throw badRequest(`ListProperty "${name}" needs a "valueList" array.`)
      break
    case 'VocabProperty': {
      const names = Array.isArray(value) ? value : [value]
      if (!names.every((item) => typeof item === 'string'))
        throw badRequest(`VocabProperty "${name}" needs a "vocab" term or list of terms.`)
      instance.vocab = Array.isArray(value)
        ? (value as string[]).map((item) => terms.expand(item))
        : terms.expand(value as string)
      break
    }
    default:
      break
  }
  if (instance.observedAt !== undefined && !isDateTime(instance.observedAt))
    throw badRequest(`"observedAt" of "${name}" must be a date-time like "2026-11-22T10:00:00Z".`)
  if (instance.unitCode !== undefined && typeof instance.unitCode !== 'string')
    throw badRequest(`"unitCode" of "${name}" must be a UN/CEFACT code such as "GQ".`)
  if (instance.datasetId !== undefined && !isUri(instance.datasetId))
    throw badRequest(`"datasetId" of "${name}" must be a URI.`)
  return instance
}
