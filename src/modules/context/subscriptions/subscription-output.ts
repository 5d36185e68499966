import type { TermMap } from '../json-ld/term-map.ts'
import { geoQueryToObject } from '../query/geo-query.ts'
import type { TypeExpression } from '../query/type-expression.ts'
import type { NotificationStatus, StoredSubscription } from './subscription-model.ts'

/** NGSI-LD 5.2.12 status: what the subscription does now. */
export function subscriptionState(
  subscription: StoredSubscription,
  now: Date,
): 'active' | 'paused' | 'expired' {
  if (subscription.expiresAt && Date.parse(subscription.expiresAt) <= now.getTime()) return 'expired'
  return subscription.isActive ? 'active' : 'paused'
}

/** A type expression written back with the reader's names: `,` any of, `;` all of. */
export function typeExpressionText(expression: TypeExpression, terms: TermMap, nested = false): string {
  if (expression.kind === 'type') return terms.compact(expression.name)
  const text = expression.of
    .map((item) => typeExpressionText(item, terms, true))
    .join(expression.kind === 'any' ? ',' : ';')
  return nested ? `(${text})` : text
}

/** NGSI-LD 5.2.14: ok when the last attempt succeeded, failed when it did not; absent before any. */
function deliveryState(status: NotificationStatus): 'ok' | 'failed' | undefined {
  if (!status.lastSuccess && !status.lastFailure) return undefined
  if (!status.lastFailure) return 'ok'
  if (!status.lastSuccess) return 'failed'
  return Date.parse(status.lastFailure) > Date.parse(status.lastSuccess) ? 'failed' : 'ok'
}

/** A subscription as answered by GET, its names compacted with the reader's @context. */
export function renderSubscription(
  subscription: StoredSubscription,
  terms: TermMap,
  options: { now: Date; sysAttrs: boolean },
): Record<string, unknown> {
  const definition = subscription.definition
  const compact = (names: readonly string[]) => names.map((name) => terms.compact(name))
  const member = (name: string) =>
    name === 'id' || name === 'type' || name === 'scope' ? name : terms.compact(name)
  const { notification, geoQ } = definition
  const state = deliveryState(subscription.status)
  return {
    id: subscription.id,
    type: 'Subscription',
    ...(definition.subscriptionName !== undefined ? { subscriptionName: definition.subscriptionName } : {}),
    ...(definition.description !== undefined ? { description: definition.description } : {}),
    ...(definition.entities
      ? {
          entities: definition.entities.map((selector) => ({
            ...(selector.id ? { id: selector.id } : {}),
            ...(selector.idPattern ? { idPattern: selector.idPattern } : {}),
            type: typeExpressionText(selector.type, terms),
          })),
        }
      : {}),
    ...(definition.watchedAttributes ? { watchedAttributes: compact(definition.watchedAttributes) } : {}),
    notificationTrigger: definition.notificationTrigger,
    ...(definition.q ? { q: definition.q.text } : {}),
    ...(geoQ ? { geoQ: { ...geoQueryToObject(geoQ), geoproperty: terms.compact(geoQ.geoproperty) } } : {}),
    isActive: subscription.isActive,
    notification: {
      ...(notification.attributes ? { attributes: compact(notification.attributes) } : {}),
      ...(notification.pick ? { pick: notification.pick.map(member) } : {}),
      ...(notification.omit ? { omit: notification.omit.map(member) } : {}),
      format: notification.format,
      showChanges: notification.showChanges,
      sysAttrs: notification.sysAttrs,
      endpoint: notification.endpoint,
      ...(state ? { status: state } : {}),
      timesSent: subscription.status.timesSent,
      timesFailed: subscription.status.timesFailed,
      ...(subscription.status.lastNotification
        ? { lastNotification: subscription.status.lastNotification }
        : {}),
      ...(subscription.status.lastSuccess ? { lastSuccess: subscription.status.lastSuccess } : {}),
      ...(subscription.status.lastFailure ? { lastFailure: subscription.status.lastFailure } : {}),
    },
    ...(subscription.expiresAt ? { expiresAt: subscription.expiresAt } : {}),
    ...(definition.throttling !== undefined ? { throttling: definition.throttling } : {}),
    ...(definition.lang !== undefined ? { lang: definition.lang } : {}),
    ...(definition.jsonldContext !== undefined ? { jsonldContext: definition.jsonldContext } : {}),
    status: subscriptionState(subscription, options.now),
    ...(options.sysAttrs ? { createdAt: subscription.createdAt, modifiedAt: subscription.modifiedAt } : {}),
  }
}
