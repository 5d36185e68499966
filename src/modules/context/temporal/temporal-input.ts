import { checkName, isDateTime, isUri, readInstance, readTypes } from '../entity-input.ts'
import { badRequest } from '../errors.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import type { AttributeInstance, AttributeKind, EntityAttributes } from '../model.ts'

/**
 * A temporal entity as sent to POST /temporal/entities (NGSI-LD 5.2.20 EntityTemporal): each
 * attribute an instance or an array of instances (4.5.7), or the simplified form (4.5.9)
 * `{ "type": "Property", "values": [[value, observedAt], …] }`. Unlike an entity, one attribute may
 * carry many instances with the same datasetId: they are its evolution over time.
 */
export interface TemporalEntityInput {
  id: string
  types: string[]
  attrs: EntityAttributes
}

const ENTITY_MEMBERS = new Set(['id', 'type', 'scope', '@context', 'createdAt', 'modifiedAt', 'deletedAt'])

/** Simplified temporal members (4.5.9) by the attribute kind they carry. */
export const SIMPLIFIED_MEMBERS: Record<AttributeKind, { list: string; member: keyof AttributeInstance }> = {
  Property: { list: 'values', member: 'value' },
  GeoProperty: { list: 'values', member: 'value' },
  Relationship: { list: 'objects', member: 'object' },
  LanguageProperty: { list: 'languageMaps', member: 'languageMap' },
  ListProperty: { list: 'valueLists', member: 'valueList' },
  ListRelationship: { list: 'objectLists', member: 'objectList' },
  JsonProperty: { list: 'jsons', member: 'json' },
  VocabProperty: { list: 'vocabs', member: 'vocab' },
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function readTemporalEntity(body: unknown, terms: TermMap): TemporalEntityInput {
  if (!isObject(body)) throw badRequest('The body must be a JSON object describing one temporal entity.')
  if (!isUri(body.id))
    throw badRequest('The entity needs an "id" that is a URI, e.g. "urn:ngsi-ld:Station:1".')
  return { id: body.id, types: readTypes(body.type, terms), attrs: readTemporalAttributes(body, terms) }
}

/** Every member that is not an entity member is an attribute with its instances over time. */
export function readTemporalAttributes(body: Record<string, unknown>, terms: TermMap): EntityAttributes {
  const attrs: EntityAttributes = {}
  for (const [name, raw] of Object.entries(body)) {
    if (ENTITY_MEMBERS.has(name)) continue
    checkName(name, 'Attribute')
    const instances = readTemporalInstances(name, raw, terms)
    if (instances.length > 0) attrs[terms.expand(name)] = instances
  }
  return attrs
}

function readTemporalInstances(name: string, raw: unknown, terms: TermMap): AttributeInstance[] {
  const items = Array.isArray(raw) && raw.every(isObject) ? raw : [raw]
  return items.flatMap((item) => {
    const simplified = isObject(item) ? readSimplified(name, item, terms) : undefined
    return simplified ?? [readInstance(name, item, terms)]
  })
}

/** `{ type, values: [[value, time], …], datasetId? }`: one instance per pair, observedAt from the pair. */
function readSimplified(
  name: string,
  item: Record<string, unknown>,
  terms: TermMap,
): AttributeInstance[] | undefined {
  const kind = (typeof item.type === 'string' ? item.type : 'Property') as AttributeKind
  const shape = SIMPLIFIED_MEMBERS[kind]
  if (!shape || !(shape.list in item)) return undefined
  const pairs = item[shape.list]
  if (!Array.isArray(pairs))
    throw badRequest(`"${shape.list}" of "${name}" must be an array of [value, observedAt] pairs.`)
  return pairs.map((pair) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !isDateTime(pair[1]))
      throw badRequest(
        `Each entry of "${shape.list}" of "${name}" must be a [value, observedAt] pair with a date-time.`,
      )
    const raw: Record<string, unknown> = { type: kind, [shape.member]: pair[0], observedAt: pair[1] }
    if (item.datasetId !== undefined) raw.datasetId = item.datasetId
    if (item.unitCode !== undefined) raw.unitCode = item.unitCode
    return readInstance(name, raw, terms)
  })
}

/**
 * The body of PATCH …/attrs/{attrId}/{instanceId} (5.6.15): the instance's new members, either
 * bare (`{ "value": 3 }`) or under the attribute's name (`{ "speed": { "value": 3 } }`).
 */
export function readInstancePatch(body: unknown, name: string, terms: TermMap): Partial<AttributeInstance> {
  if (!isObject(body)) throw badRequest('The body must be a JSON object with the instance members to change.')
  const { '@context': _context, ...members } = body
  const keys = Object.keys(members)
  const wrapped =
    keys.length === 1 && (keys[0] === name || terms.expand(keys[0] as string) === terms.expand(name))
  let fragment: unknown = wrapped ? members[keys[0] as string] : members
  if (Array.isArray(fragment)) {
    if (fragment.length !== 1) throw badRequest('The body must hold exactly one instance.')
    fragment = fragment[0]
  }
  if (!isObject(fragment) || Object.keys(fragment).length === 0)
    throw badRequest(`The body has nothing to change in "${name}".`)
  const hasValue = ['value', 'object', 'languageMap', 'valueList', 'objectList', 'json', 'vocab'].some(
    (member) => member in fragment,
  )
  if (hasValue) return readInstance(name, fragment, terms)
  // Only metadata (observedAt, unitCode, sub-attributes): read against a placeholder value, then drop it.
  const {
    value: _value,
    type: _type,
    ...rest
  } = readInstance(name, { ...fragment, type: 'Property', value: 0 }, terms)
  return rest
}
