import { checkName, isDateTime, isUri } from '../entity-input.ts'
import type { EntityFormat } from '../entity-output.ts'
import { badRequest, NgsiError } from '../errors.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import { checkIdPattern } from '../query/entity-filter.ts'
import { parseGeoQueryObject } from '../query/geo-query.ts'
import { parseQ } from '../query/q-language.ts'
import { parseTypeExpression, type TypeExpression } from '../query/type-expression.ts'
import { readEndpoint } from './endpoint-input.ts'
import {
  DEFAULT_TRIGGERS,
  type EntitySelector,
  NOTIFICATION_TRIGGERS,
  type NotificationParams,
  type NotificationTrigger,
  type StoredSubscription,
  type SubscriptionDefinition,
} from './subscription-model.ts'

/** What a create or update request leaves the subscription as. */
export interface SubscriptionInput {
  id: string | undefined
  definition: SubscriptionDefinition
  isActive: boolean
  expiresAt: string | null
}

/** The caller's names and @context, and the instant the request is judged at. */
export interface InputCall {
  terms: TermMap
  contextValue: unknown
  now: Date
}

type Draft = Partial<SubscriptionDefinition> & {
  isActive?: boolean
  expiresAt?: string | null
  timeInterval?: boolean
}

// Read-only members a client may echo back from a GET; they are not input.
const READ_ONLY = new Set(['@context', 'status', 'createdAt', 'modifiedAt', 'deletedAt', 'localOnly'])
const UNSUPPORTED: Record<string, string> = {
  scopeQ: 'scopeQ is not supported in subscriptions here; select entities by type, id, q or geoQ.',
  csf: 'csf filters context source registrations, which this broker does not hold.',
  temporalQ: 'temporalQ belongs to context source registration subscriptions, which are not supported.',
  datasetId: 'Subscribing to chosen datasetIds is not supported; every instance of an attribute is notified.',
}
const FORMATS: readonly EntityFormat[] = ['normalized', 'concise', 'keyValues']
const MAX_SELECTORS = 100
const MAX_NAMES = 100

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function objectBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw badRequest('The body must be a JSON object describing a subscription.')
  return body
}

/** NGSI-LD 5.8.1: a new subscription from its request body. */
export function readSubscription(body: unknown, call: InputCall): SubscriptionInput {
  const members = objectBody(body)
  if (members.type !== 'Subscription') throw badRequest('A subscription needs "type": "Subscription".')
  const id = members.id
  if (id !== undefined && !isUri(id))
    throw badRequest('The subscription "id" must be a URI, e.g. "urn:ngsi-ld:Subscription:1".')
  const draft: Draft = {}
  readMembers(members, draft, call, undefined)
  if (!draft.notification) throw badRequest('A subscription needs "notification" with an "endpoint".')
  return finish(draft, id as string | undefined)
}

/** NGSI-LD 5.8.2: the members given replace the subscription's; null removes an optional one. */
export function readSubscriptionPatch(
  body: unknown,
  call: InputCall,
  existing: StoredSubscription,
): SubscriptionInput {
  const members = objectBody(body)
  const given = Object.keys(members).filter((key) => !READ_ONLY.has(key) && key !== 'id' && key !== 'type')
  if (given.length === 0) throw badRequest('The body has nothing to change in the subscription.')
  if (members.id !== undefined && members.id !== existing.id)
    throw badRequest(`The body's id "${String(members.id)}" differs from the subscription's id.`)
  if (members.type !== undefined && members.type !== 'Subscription')
    throw badRequest('"type" of a subscription is "Subscription".')
  const draft: Draft = {
    ...structuredClone(existing.definition),
    isActive: existing.isActive,
    expiresAt: existing.expiresAt,
  }
  readMembers(members, draft, call, existing.definition)
  return finish(draft, existing.id)
}

const REMOVABLE = new Set([
  'subscriptionName',
  'description',
  'entities',
  'watchedAttributes',
  'notificationTrigger',
  'q',
  'geoQ',
  'expiresAt',
  'throttling',
  'lang',
  'jsonldContext',
  'timeInterval',
])

/** `changing` is the definition being updated; undefined when creating. */
function readMembers(
  members: Record<string, unknown>,
  draft: Draft,
  call: InputCall,
  changing: SubscriptionDefinition | undefined,
): void {
  const { terms } = call
  for (const [key, value] of Object.entries(members)) {
    if (READ_ONLY.has(key) || key === 'id' || key === 'type') continue
    const reason = UNSUPPORTED[key]
    if (reason !== undefined) throw new NgsiError('OperationNotSupported', reason)
    if (value === null && changing !== undefined && REMOVABLE.has(key)) {
      delete draft[key as keyof Draft]
      continue
    }
    switch (key) {
      case 'subscriptionName':
        draft.subscriptionName = text(value, key, 256)
        break
      case 'description':
        draft.description = text(value, key, 4096)
        break
      case 'entities':
        draft.entities = readSelectors(value, terms)
        break
      case 'watchedAttributes':
        draft.watchedAttributes = readAttributeNames(value, key, terms)
        break
      case 'notificationTrigger':
        draft.notificationTrigger = readTriggers(value)
        break
      case 'q':
        if (typeof value !== 'string' || value.length === 0)
          throw badRequest('"q" must be a query text, e.g. "NO2>40".')
        parseQ(value)
        draft.q = { text: value, context: call.contextValue }
        break
      case 'geoQ': {
        const query = parseGeoQueryObject(value)
        if (query) draft.geoQ = { ...query, geoproperty: terms.expand(query.geoproperty) }
        break
      }
      case 'isActive':
        if (typeof value !== 'boolean') throw badRequest('"isActive" must be true or false.')
        draft.isActive = value
        break
      case 'expiresAt':
        if (!isDateTime(value))
          throw badRequest('"expiresAt" must be a date-time, e.g. "2030-01-01T00:00:00Z".')
        if (Date.parse(value) <= call.now.getTime()) throw badRequest('"expiresAt" is in the past.')
        draft.expiresAt = new Date(value).toISOString()
        break
      case 'throttling':
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
          throw badRequest('"throttling" must be a positive number of seconds.')
        draft.throttling = value
        break
      case 'timeInterval':
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
          throw badRequest('"timeInterval" must be a positive number of seconds.')
        draft.timeInterval = true
        break
      case 'lang':
        if (typeof value !== 'string' || !/^[A-Za-z0-9*,;=. -]{1,100}$/.test(value))
          throw badRequest('"lang" must be a language tag (or a list of them), e.g. "ro" or "en,ro".')
        draft.lang = value
        break
      case 'jsonldContext':
        if (!isUri(value)) throw badRequest('"jsonldContext" must be the URI of an @context.')
        draft.jsonldContext = value
        break
      case 'notification':
        draft.notification = readNotification(value, terms, changing?.notification)
        break
      default:
        throw badRequest(
          `A subscription has no member "${key}". Check its spelling against NGSI-LD 5.2.12 (e.g. watchedAttributes, notificationTrigger).`,
        )
    }
  }
}

function finish(draft: Draft, id: string | undefined): SubscriptionInput {
  if (draft.timeInterval) {
    if (draft.watchedAttributes)
      throw badRequest('A subscription has either timeInterval or watchedAttributes, not both.')
    throw new NgsiError(
      'OperationNotSupported',
      'Periodic subscriptions (timeInterval) are not supported; subscribe to changes instead.',
    )
  }
  if (!draft.entities && !draft.watchedAttributes)
    throw badRequest('A subscription needs "entities" or "watchedAttributes" (or both).')
  const notification = draft.notification
  if (!notification) throw badRequest('A subscription needs "notification" with an "endpoint".')
  if (notification.showChanges && notification.format === 'keyValues')
    throw badRequest('notification.showChanges cannot be true with the keyValues format.')
  const definition: SubscriptionDefinition = {
    ...(draft.subscriptionName !== undefined ? { subscriptionName: draft.subscriptionName } : {}),
    ...(draft.description !== undefined ? { description: draft.description } : {}),
    ...(draft.entities ? { entities: draft.entities } : {}),
    ...(draft.watchedAttributes ? { watchedAttributes: draft.watchedAttributes } : {}),
    notificationTrigger: draft.notificationTrigger ?? [...DEFAULT_TRIGGERS],
    ...(draft.q ? { q: draft.q } : {}),
    ...(draft.geoQ ? { geoQ: draft.geoQ } : {}),
    notification,
    ...(draft.throttling !== undefined ? { throttling: draft.throttling } : {}),
    ...(draft.lang !== undefined ? { lang: draft.lang } : {}),
    ...(draft.jsonldContext !== undefined ? { jsonldContext: draft.jsonldContext } : {}),
  }
  return { id, definition, isActive: draft.isActive ?? true, expiresAt: draft.expiresAt ?? null }
}

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.length > max)
    throw badRequest(`"${name}" must be text of at most ${max} characters.`)
  return value
}

function readSelectors(value: unknown, terms: TermMap): EntitySelector[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_SELECTORS)
    throw badRequest(
      `"entities" must be a list of 1 to ${MAX_SELECTORS} selectors like {"type": "AirQualityObserved"}.`,
    )
  return value.map((item, index) => {
    const where = `entities[${index}]`
    if (!isObject(item)) throw badRequest(`${where} must be an object with a "type".`)
    for (const key of Object.keys(item))
      if (!['id', 'idPattern', 'type'].includes(key))
        throw badRequest(`${where} has "${key}"; an entity selector has id, idPattern and type.`)
    if (typeof item.type !== 'string')
      throw badRequest(`${where} needs a "type" (an entity type or type expression).`)
    const selector: EntitySelector = { type: expandTypes(parseTypeExpression(item.type), terms) }
    if (item.id !== undefined && item.idPattern !== undefined)
      throw badRequest(`${where} has both id and idPattern; give one.`)
    if (item.id !== undefined) {
      if (!isUri(item.id)) throw badRequest(`${where}.id must be a URI.`)
      selector.id = item.id
    }
    if (item.idPattern !== undefined) {
      if (typeof item.idPattern !== 'string')
        throw badRequest(`${where}.idPattern must be a regular expression.`)
      selector.idPattern = checkIdPattern(item.idPattern)
    }
    return selector
  })
}

function expandTypes(expression: TypeExpression, terms: TermMap): TypeExpression {
  return expression.kind === 'type'
    ? { kind: 'type', name: terms.expand(expression.name) }
    : { kind: expression.kind, of: expression.of.map((item) => expandTypes(item, terms)) }
}

function readAttributeNames(value: unknown, name: string, terms: TermMap): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_NAMES)
    throw badRequest(`"${name}" must be a list of 1 to ${MAX_NAMES} attribute names.`)
  const names = value.map((item) => {
    if (typeof item !== 'string') throw badRequest(`"${name}" must hold attribute names (text).`)
    checkName(item, 'Attribute')
    return terms.expand(item)
  })
  if (new Set(names).size !== names.length) throw badRequest(`"${name}" names an attribute twice.`)
  return names
}

function readTriggers(value: unknown): NotificationTrigger[] {
  if (!Array.isArray(value) || value.length === 0)
    throw badRequest(`"notificationTrigger" must be a list of: ${NOTIFICATION_TRIGGERS.join(', ')}.`)
  for (const item of value)
    if (!(NOTIFICATION_TRIGGERS as readonly unknown[]).includes(item))
      throw badRequest(
        `"notificationTrigger" has "${String(item)}"; allowed: ${NOTIFICATION_TRIGGERS.join(', ')}.`,
      )
  return [...new Set(value as NotificationTrigger[])]
}

/** NGSI-LD 5.2.14; on update, members not given keep their values (the endpoint is replaced whole). */
function readNotification(
  value: unknown,
  terms: TermMap,
  existing: NotificationParams | undefined,
): NotificationParams {
  if (!isObject(value)) throw badRequest('"notification" must be an object with an "endpoint".')
  const draft: Partial<NotificationParams> = existing ? structuredClone(existing) : {}
  for (const [key, member] of Object.entries(value)) {
    if (
      ['status', 'timesSent', 'timesFailed', 'lastNotification', 'lastSuccess', 'lastFailure'].includes(key)
    )
      continue
    if (member === null && existing && ['attributes', 'pick', 'omit'].includes(key)) {
      delete draft[key as 'attributes' | 'pick' | 'omit']
      continue
    }
    switch (key) {
      case 'attributes':
        draft.attributes = readAttributeNames(member, 'notification.attributes', terms)
        break
      case 'pick':
      case 'omit':
        draft[key] = readMemberNames(member, `notification.${key}`, terms)
        break
      case 'format':
        if (!FORMATS.includes(member as EntityFormat))
          throw badRequest(`"notification.format" must be one of: ${FORMATS.join(', ')}.`)
        draft.format = member as EntityFormat
        break
      case 'showChanges':
      case 'sysAttrs':
        if (typeof member !== 'boolean') throw badRequest(`"notification.${key}" must be true or false.`)
        draft[key] = member
        break
      case 'join':
        if (member !== '@none')
          throw new NgsiError('OperationNotSupported', 'Linked entity retrieval (join) is not supported.')
        break
      case 'joinLevel':
        break
      case 'endpoint':
        draft.endpoint = readEndpoint(member)
        break
      default:
        throw badRequest(`"notification" has no member "${key}" (NGSI-LD 5.2.14).`)
    }
  }
  if (!draft.endpoint) throw badRequest('"notification" needs an "endpoint" with a "uri".')
  if (draft.attributes && draft.pick)
    throw badRequest('Use either notification.attributes or notification.pick, not both.')
  return {
    ...(draft.attributes ? { attributes: draft.attributes } : {}),
    ...(draft.pick ? { pick: draft.pick } : {}),
    ...(draft.omit ? { omit: draft.omit } : {}),
    format: draft.format ?? 'normalized',
    showChanges: draft.showChanges ?? false,
    sysAttrs: draft.sysAttrs ?? false,
    endpoint: draft.endpoint,
  }
}

/** Entity members for pick/omit: `id`, `type` and `scope` as they are, attribute names expanded. */
function readMemberNames(value: unknown, name: string, terms: TermMap): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_NAMES)
    throw badRequest(`"${name}" must be a list of 1 to ${MAX_NAMES} member names.`)
  return value.map((item) => {
    if (typeof item !== 'string') throw badRequest(`"${name}" must hold names (text).`)
    if (item === 'id' || item === 'type' || item === 'scope') return item
    checkName(item, 'Attribute')
    return terms.expand(item)
  })
}
