/**
 * How an entity is held: attribute names and types expanded to full IRIs by the caller's
 * @context, so two callers with different contexts address the same facts. Values stay as given
 * (compound values are not expanded), which is what NGSI-LD clients read back.
 */

export const ATTRIBUTE_KINDS = [
  'Property',
  'Relationship',
  'GeoProperty',
  'LanguageProperty',
  'ListProperty',
  'ListRelationship',
  'JsonProperty',
  'VocabProperty',
] as const

export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number]

/**
 * One instance of an attribute, or a sub-attribute. Exactly one value member is set, by kind:
 * Property/GeoProperty `value`, Relationship `object`, LanguageProperty `languageMap`,
 * ListProperty `valueList`, ListRelationship `objectList`, JsonProperty `json`, VocabProperty `vocab`
 * (an expanded IRI or list of them). Sub-attributes are further members keyed by expanded IRI,
 * each one instance (sub-attributes have no datasetId).
 */
export interface AttributeInstance {
  type: AttributeKind
  value?: unknown
  object?: string | string[]
  languageMap?: Record<string, string | string[]>
  valueList?: unknown[]
  objectList?: string[]
  json?: unknown
  vocab?: string | string[]
  observedAt?: string
  unitCode?: string
  datasetId?: string
  createdAt?: string
  modifiedAt?: string
  [subAttributeIri: string]: unknown
}

/** Members of an instance that are not sub-attributes. */
export const INSTANCE_MEMBERS = new Set([
  'type',
  'value',
  'object',
  'languageMap',
  'valueList',
  'objectList',
  'json',
  'vocab',
  'observedAt',
  'unitCode',
  'datasetId',
  'createdAt',
  'modifiedAt',
  'objectType',
])

/** attrs: expanded attribute IRI → its instances (one per datasetId; the default instance has none). */
export type EntityAttributes = Record<string, AttributeInstance[]>

export interface StoredEntity {
  id: string
  /** Expanded type IRIs. */
  types: string[]
  scopes?: string[]
  attrs: EntityAttributes
  createdAt: string
  modifiedAt: string
}

export const NGSI_LD = 'https://uri.etsi.org/ngsi-ld/'
/** The expanded IRI of the `location` GeoProperty, kept in an indexed geometry column too. */
export const LOCATION = `${NGSI_LD}location`
export const DEFAULT_VOCAB = `${NGSI_LD}default-context/`
