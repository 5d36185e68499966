import type { EntityChange } from '../events.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import type { StoredEntity } from '../model.ts'
import type { GeoQuery } from '../query/geo-query.ts'
import type { QExpression } from '../query/q-language.ts'
import { matchesQ } from '../query/q-match.ts'
import { type TypeExpression, typeExpressionMatches } from '../query/type-expression.ts'
import { mayRead, type ReadScope } from '../visibility.ts'
import type { NotificationTrigger, SubscriptionDefinition } from './subscription-model.ts'

export interface LiveSelector {
  id?: string
  idPattern?: RegExp
  /** Names are IRIs. */
  type: TypeExpression
}

/** A subscription ready to be matched in memory: patterns compiled, names expanded, terms at hand. */
export interface LiveSubscription {
  tenant: string
  id: string
  /** Whether its owner may read every entity type; else only the tenant's public types notify. */
  readsAll: boolean
  selectors?: LiveSelector[]
  watched?: ReadonlySet<string>
  triggers: ReadonlySet<NotificationTrigger>
  q?: { expression: QExpression; expand: (name: string) => string }
  geoQ?: GeoQuery
  throttlingMs: number
  /** Milliseconds since the epoch; undefined when it never expires. */
  expiresAt: number | undefined
  definition: SubscriptionDefinition
  /** The names notifications are written with. */
  terms: TermMap
  /** The @context notifications carry or link to. */
  contextValue: unknown
}

const same = (name: string) => name

function selects(selector: LiveSelector, entity: StoredEntity): boolean {
  if (selector.id !== undefined && selector.id !== entity.id) return false
  if (selector.idPattern && !selector.idPattern.test(entity.id)) return false
  return typeExpressionMatches(selector.type, entity.types, same)
}

/** How a change touched attributes, by the NGSI-LD triggers' kinds (5.2.12 notificationTrigger). */
export interface AttributeKinds {
  created: string[]
  updated: string[]
  deleted: string[]
}

export function attributeKinds(change: EntityChange): AttributeKinds {
  const kinds: AttributeKinds = { created: [], updated: [], deleted: [] }
  const before = change.previous?.attrs ?? {}
  const after = change.current?.attrs ?? {}
  const names = change.kind === 'created' && change.changed.length === 0 ? Object.keys(after) : change.changed
  for (const name of names) {
    const was = Object.hasOwn(before, name)
    const is = Object.hasOwn(after, name)
    if (is && !was) kinds.created.push(name)
    else if (was && !is) kinds.deleted.push(name)
    else if (is) kinds.updated.push(name)
  }
  return kinds
}

/** NGSI-LD 5.2.12: whether the change is of a kind the subscription asked for, on watched attributes. */
function triggered(subscription: LiveSubscription, change: EntityChange): boolean {
  const { triggers, watched } = subscription
  const relevant = (names: string[]) => (watched ? names.some((name) => watched.has(name)) : names.length > 0)
  const kinds = attributeKinds(change)
  switch (change.kind) {
    case 'created':
      return (
        (triggers.has('entityCreated') && (!watched || relevant(kinds.created))) ||
        (triggers.has('attributeCreated') && relevant(kinds.created))
      )
    case 'deleted':
      return (
        triggers.has('entityDeleted') && (!watched || relevant(Object.keys(change.previous?.attrs ?? {})))
      )
    case 'updated': {
      const created = relevant(kinds.created)
      const updated = relevant(kinds.updated)
      const deleted = relevant(kinds.deleted)
      // A change of types alone changes no attribute; entityUpdated without watchedAttributes hears it.
      const entityUpdated = created || updated || deleted || (!watched && change.changed.length === 0)
      return (
        (triggers.has('entityUpdated') && entityUpdated) ||
        (triggers.has('attributeCreated') && created) ||
        (triggers.has('attributeUpdated') && updated) ||
        (triggers.has('attributeDeleted') && deleted)
      )
    }
  }
}

/**
 * Everything but the geo-query (which needs PostGIS): may the owner read the entity, is it selected,
 * is the change a trigger, does `q` hold. The entity is judged as it is now (as it was, if deleted).
 */
export function matchesChange(
  subscription: LiveSubscription,
  change: EntityChange,
  scope: ReadScope,
): boolean {
  const entity = change.current ?? change.previous
  if (!entity || !mayRead(scope, entity.types)) return false
  if (subscription.selectors && !subscription.selectors.some((selector) => selects(selector, entity)))
    return false
  if (!triggered(subscription, change)) return false
  if (subscription.q && !matchesQ(subscription.q.expression, entity.attrs, subscription.q.expand))
    return false
  return true
}

/** Entity types a selector can match; a subscription is filed under each, so a change looks up only its own. */
export function typesOf(expression: TypeExpression): string[] {
  return expression.kind === 'type' ? [expression.name] : expression.of.flatMap(typesOf)
}
