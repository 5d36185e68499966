import { type RenderOptions, renderEntity, renderInstance } from '../entity-output.ts'
import type { EntityChange } from '../events.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import { type AttributeInstance, LOCATION, type StoredEntity } from '../model.ts'
import { attributeKinds, type LiveSubscription } from './subscription-matching.ts'

/** NGSI-LD null (4.5.x): what a deleted attribute's value reads as in a notification. */
const NGSI_LD_NULL = 'urn:ngsi-ld:null'
const ENTITY_MEMBERS = new Set(['id', 'type', 'scope'])
const VALUE_MEMBERS = ['value', 'object', 'languageMap', 'valueList', 'objectList', 'json', 'vocab'] as const
const PREVIOUS: Record<(typeof VALUE_MEMBERS)[number], string> = {
  value: 'previousValue',
  object: 'previousObject',
  languageMap: 'previousLanguageMap',
  valueList: 'previousValueList',
  objectList: 'previousObjectList',
  json: 'previousJson',
  vocab: 'previousVocab',
}

function renderOptions(subscription: LiveSubscription): RenderOptions {
  const { notification, lang } = subscription.definition
  const pick = notification.pick
  const shown = notification.attributes ?? pick?.filter((name) => !ENTITY_MEMBERS.has(name))
  const omit = notification.omit?.filter((name) => !ENTITY_MEMBERS.has(name))
  return {
    format: notification.format,
    sysAttrs: notification.sysAttrs,
    attrs: shown ? new Set(shown) : undefined,
    omit: omit ? new Set(omit) : undefined,
    lang,
    hideId: (pick !== undefined && !pick.includes('id')) || (notification.omit?.includes('id') ?? false),
    hideType:
      (pick !== undefined && !pick.includes('type')) || (notification.omit?.includes('type') ?? false),
  }
}

const valueMember = (instance: AttributeInstance) =>
  VALUE_MEMBERS.find((member) => instance[member] !== undefined) ?? 'value'

/** showChanges: an instance with its previous value beside the current one. */
function withPrevious(
  instance: AttributeInstance,
  previous: AttributeInstance | undefined,
  terms: TermMap,
  options: RenderOptions,
): unknown {
  const rendered = renderInstance(instance, terms, { ...options, format: 'normalized' }) as Record<
    string,
    unknown
  >
  // Concise leaves out what the value members already say (5.2.x); the GeoProperty type is kept, as there.
  if (options.format === 'concise' && instance.type !== 'GeoProperty') delete rendered.type
  if (previous) {
    const member = valueMember(previous)
    rendered[PREVIOUS[member]] =
      member === 'vocab'
        ? renderInstance(previous, terms, { ...options, format: 'keyValues' })
        : previous[member]
  }
  return rendered
}

function deletedAttribute(
  previous: AttributeInstance,
  options: RenderOptions,
  deletedAt: string,
  showChanges: boolean,
): unknown {
  if (options.format === 'keyValues') return NGSI_LD_NULL
  const member = valueMember(previous)
  return {
    ...(options.format === 'normalized' ? { type: previous.type } : {}),
    [member]: NGSI_LD_NULL,
    ...(previous.datasetId ? { datasetId: previous.datasetId } : {}),
    deletedAt,
    ...(showChanges ? { [PREVIOUS[member]]: previous[member] } : {}),
  }
}

function shown(name: string, options: RenderOptions): boolean {
  return (!options.attrs || options.attrs.has(name)) && !options.omit?.has(name)
}

/** One entity of a notification's `data`, as the subscription asked (5.2.14 format, attributes, sysAttrs). */
function renderChange(
  subscription: LiveSubscription,
  change: EntityChange,
  options: RenderOptions,
  notifiedAt: string,
): Record<string, unknown> {
  const { terms } = subscription
  const previous = change.previous
  if (change.kind === 'deleted' || !change.current) {
    const entity = previous as StoredEntity
    const types = entity.types.map((type) => terms.compact(type))
    return { id: entity.id, type: types.length === 1 ? types[0] : types, deletedAt: notifiedAt }
  }
  const out = renderEntity(change.current, terms, options)
  if (!previous) return out
  const kinds = attributeKinds(change)
  const showChanges = subscription.definition.notification.showChanges
  if (showChanges)
    for (const name of kinds.updated) {
      if (!shown(name, options)) continue
      const instances = change.current.attrs[name] ?? []
      const rendered = instances.map((instance) =>
        withPrevious(
          instance,
          previous.attrs[name]?.find((before) => before.datasetId === instance.datasetId),
          terms,
          options,
        ),
      )
      out[terms.compact(name)] = rendered.length === 1 ? rendered[0] : rendered
    }
  for (const name of kinds.deleted) {
    if (!shown(name, options)) continue
    const rendered = (previous.attrs[name] ?? []).map((instance) =>
      deletedAttribute(instance, options, notifiedAt, showChanges),
    )
    out[terms.compact(name)] =
      options.format === 'keyValues' || rendered.length === 1 ? rendered[0] : rendered
  }
  return out
}

/** NGSI-LD 5.3.1 `data`: the changed entities, or a GeoJSON FeatureCollection for application/geo+json. */
export function notificationData(
  subscription: LiveSubscription,
  changes: readonly EntityChange[],
  notifiedAt: string,
): unknown {
  const options = renderOptions(subscription)
  const entities = changes.map((change) => renderChange(subscription, change, options, notifiedAt))
  if (subscription.definition.notification.endpoint.accept !== 'application/geo+json') return entities
  return {
    type: 'FeatureCollection',
    features: entities.map((entity, index) => {
      const { id, ...properties } = entity
      const state = changes[index]?.current
      const location = state?.attrs[LOCATION]?.find((instance) => instance.type === 'GeoProperty')
      return { id, type: 'Feature', geometry: location?.value ?? null, properties }
    }),
  }
}
