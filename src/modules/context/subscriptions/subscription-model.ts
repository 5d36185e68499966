import type { EntityFormat } from '../entity-output.ts'
import type { GeoQuery } from '../query/geo-query.ts'
import type { TypeExpression } from '../query/type-expression.ts'

/**
 * How a subscription (NGSI-LD 5.2.12) is held: every entity type and attribute name expanded to its
 * IRI, so a later caller with another @context reads and changes the same subscription. Only `q`
 * keeps its text, with the @context it was written in.
 */

export const NOTIFICATION_TRIGGERS = [
  'entityCreated',
  'entityUpdated',
  'entityDeleted',
  'attributeCreated',
  'attributeUpdated',
  'attributeDeleted',
] as const
export type NotificationTrigger = (typeof NOTIFICATION_TRIGGERS)[number]

/** NGSI-LD 5.2.12: without notificationTrigger, attributes created or updated notify. */
export const DEFAULT_TRIGGERS: readonly NotificationTrigger[] = ['attributeCreated', 'attributeUpdated']

export const ACCEPTED_MEDIA = ['application/json', 'application/ld+json', 'application/geo+json'] as const
export type NotificationMedia = (typeof ACCEPTED_MEDIA)[number]

/** NGSI-LD 5.2.33: which entities; `type` is a type expression whose names are IRIs. */
export interface EntitySelector {
  id?: string
  idPattern?: string
  type: TypeExpression
}

export interface KeyValue {
  key: string
  value: string
}

/** NGSI-LD 5.2.15. */
export interface Endpoint {
  uri: string
  accept: NotificationMedia
  /** Milliseconds before an attempt counts as failed. */
  timeout?: number
  receiverInfo?: KeyValue[]
  notifierInfo?: KeyValue[]
}

/** NGSI-LD 5.2.14, without the status members (those live in `NotificationStatus`). */
export interface NotificationParams {
  /** Expanded names of the attributes sent; all when absent. */
  attributes?: string[]
  /** Entity members to keep (`id`, `type` or expanded attribute names). */
  pick?: string[]
  omit?: string[]
  format: EntityFormat
  showChanges: boolean
  sysAttrs: boolean
  endpoint: Endpoint
}

export interface SubscriptionDefinition {
  subscriptionName?: string
  description?: string
  entities?: EntitySelector[]
  /** Expanded attribute names. */
  watchedAttributes?: string[]
  notificationTrigger: NotificationTrigger[]
  /** The q text and the @context its names are read with. */
  q?: { text: string; context: unknown }
  /** `geoproperty` holds the expanded name. */
  geoQ?: GeoQuery
  notification: NotificationParams
  /** Seconds that must pass between two notifications. */
  throttling?: number
  lang?: string
  jsonldContext?: string
}

/** NGSI-LD 5.2.14 read-only members: how delivery went. */
export interface NotificationStatus {
  timesSent: number
  timesFailed: number
  lastNotification?: string
  lastSuccess?: string
  lastFailure?: string
}

export interface StoredSubscription {
  tenant: string
  id: string
  /** `person:<id>` or `organisation:<id>`. */
  owner: string
  /** Whether the credential that wrote it could read every entity type; else public types only. */
  ownerReadsAll: boolean
  definition: SubscriptionDefinition
  /** The @context of the caller that created it, or that last changed it with an explicit one. */
  context: unknown
  isActive: boolean
  expiresAt: string | null
  createdAt: string
  modifiedAt: string
  status: NotificationStatus
}
