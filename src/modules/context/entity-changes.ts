import { badRequest, notFound } from './errors.ts'
import { type AttributeInstance, type EntityAttributes, INSTANCE_MEMBERS } from './model.ts'

/** One row for the temporal store: an attribute instance as written, or its deletion. */
export interface HistoryRow {
  attribute: string
  dataset_id: string
  observed_at: string
  number: number | null
  instance: AttributeInstance | { type: string; deletedAt: string; datasetId?: string }
}

/** What a write did to an entity's attributes, for the temporal store and for subscriptions. */
export interface AttributeChanges {
  attrs: EntityAttributes
  /** Expanded names of attributes written or deleted. */
  changed: string[]
  history: HistoryRow[]
  /** Attributes that were not written, with why (NGSI-LD 5.2.18 NotUpdatedDetails). */
  notUpdated: { attributeName: string; reason: string }[]
}

const datasetOf = (instance: { datasetId?: string | undefined }): string => instance.datasetId ?? ''

/** Stamps createdAt/modifiedAt on an instance and its sub-attributes, keeping an earlier createdAt. */
export function stamp(
  instance: AttributeInstance,
  now: string,
  previous?: AttributeInstance,
): AttributeInstance {
  const stamped: AttributeInstance = { ...instance, createdAt: previous?.createdAt ?? now, modifiedAt: now }
  for (const [key, sub] of Object.entries(instance)) {
    if (INSTANCE_MEMBERS.has(key)) continue
    stamped[key] = stamp(sub as AttributeInstance, now, previous?.[key] as AttributeInstance | undefined)
  }
  return stamped
}

export function historyRow(attribute: string, instance: AttributeInstance): HistoryRow {
  return {
    attribute,
    dataset_id: datasetOf(instance),
    observed_at: instance.observedAt ?? instance.modifiedAt ?? new Date().toISOString(),
    number: typeof instance.value === 'number' && Number.isFinite(instance.value) ? instance.value : null,
    instance,
  }
}

function deletionRow(attribute: string, datasetId: string, now: string): HistoryRow {
  return {
    attribute,
    dataset_id: datasetId,
    observed_at: now,
    number: null,
    instance: { type: 'Property', deletedAt: now, ...(datasetId ? { datasetId } : {}) },
  }
}

function start(current: EntityAttributes): AttributeChanges {
  return { attrs: { ...current }, changed: [], history: [], notUpdated: [] }
}

function put(changes: AttributeChanges, iri: string, instance: AttributeInstance, now: string): void {
  const existing = changes.attrs[iri] ?? []
  const previous = existing.find((item) => datasetOf(item) === datasetOf(instance))
  const stamped = stamp(instance, now, previous)
  changes.attrs[iri] = [...existing.filter((item) => item !== previous), stamped]
  if (!changes.changed.includes(iri)) changes.changed.push(iri)
  changes.history.push(historyRow(iri, stamped))
}

/** Every instance of a new entity, stamped, with its history rows. */
export function createAttributes(incoming: EntityAttributes, now: string): AttributeChanges {
  const changes = start({})
  for (const [iri, instances] of Object.entries(incoming))
    for (const instance of instances) put(changes, iri, instance, now)
  return changes
}

/**
 * NGSI-LD 5.6.3 append (and batch upsert with update): adds attributes; an existing instance with
 * the same datasetId is replaced unless `noOverwrite`, in which case it is reported as not updated.
 */
export function appendAttributes(
  current: EntityAttributes,
  incoming: EntityAttributes,
  now: string,
  options: { noOverwrite?: boolean } = {},
): AttributeChanges {
  const changes = start(current)
  for (const [iri, instances] of Object.entries(incoming)) {
    for (const instance of instances) {
      const exists = current[iri]?.some((item) => datasetOf(item) === datasetOf(instance))
      if (exists && options.noOverwrite) {
        changes.notUpdated.push({
          attributeName: iri,
          reason: 'The attribute exists and noOverwrite was asked.',
        })
      } else put(changes, iri, instance, now)
    }
  }
  return changes
}

/** NGSI-LD 5.6.2 update: only attributes (and datasetIds) that exist are replaced. */
export function updateAttributes(
  current: EntityAttributes,
  incoming: EntityAttributes,
  now: string,
): AttributeChanges {
  const changes = start(current)
  for (const [iri, instances] of Object.entries(incoming)) {
    for (const instance of instances) {
      if (current[iri]?.some((item) => datasetOf(item) === datasetOf(instance)))
        put(changes, iri, instance, now)
      else
        changes.notUpdated.push({
          attributeName: iri,
          reason: instance.datasetId
            ? `The attribute has no instance with datasetId ${instance.datasetId}.`
            : 'The entity has no such attribute.',
        })
    }
  }
  return changes
}

/** Merges members into an instance: given members replace, sub-attributes merge one level down. */
function mergeInstance(previous: AttributeInstance, patch: AttributeInstance): AttributeInstance {
  const merged: AttributeInstance = { ...previous }
  const valueMembers = ['value', 'object', 'languageMap', 'valueList', 'objectList', 'json', 'vocab']
  if (valueMembers.some((member) => member in patch)) for (const member of valueMembers) delete merged[member]
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'createdAt' || key === 'modifiedAt') continue
    merged[key] =
      !INSTANCE_MEMBERS.has(key) && previous[key] && typeof value === 'object'
        ? mergeInstance(previous[key] as AttributeInstance, value as AttributeInstance)
        : value
  }
  return merged
}

/** NGSI-LD 5.6.4 partial attribute update: merges into the instance with the same datasetId. */
export function patchAttribute(
  current: EntityAttributes,
  iri: string,
  name: string,
  patch: AttributeInstance,
  now: string,
): AttributeChanges {
  const previous = current[iri]?.find((item) => datasetOf(item) === datasetOf(patch))
  if (!previous)
    throw notFound(
      patch.datasetId
        ? `Attribute "${name}" has no instance with datasetId ${patch.datasetId}.`
        : `The entity has no attribute "${name}".`,
    )
  const changes = start(current)
  put(changes, iri, mergeInstance(previous, patch), now)
  return changes
}

/** NGSI-LD 5.6.17 merge: like append, but instances merge member by member; deletions given apart. */
export function mergeAttributes(
  current: EntityAttributes,
  incoming: EntityAttributes,
  deletions: readonly string[],
  now: string,
): AttributeChanges {
  const changes = start(current)
  for (const [iri, instances] of Object.entries(incoming)) {
    for (const instance of instances) {
      const previous = current[iri]?.find((item) => datasetOf(item) === datasetOf(instance))
      put(changes, iri, previous ? mergeInstance(previous, instance) : instance, now)
    }
  }
  for (const iri of deletions) {
    if (!changes.attrs[iri]) continue
    removeAttribute(changes, iri, undefined, true, now)
  }
  return changes
}

function removeAttribute(
  changes: AttributeChanges,
  iri: string,
  datasetId: string | undefined,
  all: boolean,
  now: string,
): void {
  const existing = changes.attrs[iri] ?? []
  const removed = all ? existing : existing.filter((item) => datasetOf(item) === (datasetId ?? ''))
  const kept = existing.filter((item) => !removed.includes(item))
  if (kept.length > 0) changes.attrs[iri] = kept
  else delete changes.attrs[iri]
  for (const instance of removed) changes.history.push(deletionRow(iri, datasetOf(instance), now))
  if (!changes.changed.includes(iri)) changes.changed.push(iri)
}

/** NGSI-LD 5.6.5 delete attribute: the default instance, one datasetId, or all (`deleteAll`). */
export function deleteAttribute(
  current: EntityAttributes,
  iri: string,
  name: string,
  options: { datasetId?: string | undefined; deleteAll?: boolean },
  now: string,
): AttributeChanges {
  const existing = current[iri]
  const target = options.deleteAll
    ? existing
    : existing?.filter((item) => datasetOf(item) === (options.datasetId ?? ''))
  if (!target || target.length === 0)
    throw notFound(
      options.datasetId
        ? `Attribute "${name}" has no instance with datasetId ${options.datasetId}.`
        : `The entity has no attribute "${name}".`,
    )
  const changes = start(current)
  removeAttribute(changes, iri, options.datasetId, options.deleteAll ?? false, now)
  return changes
}

/** The history rows for replacing all attributes (PUT entity): removed ones are recorded as deleted. */
export function replaceAttributes(
  current: EntityAttributes,
  incoming: EntityAttributes,
  now: string,
): AttributeChanges {
  const changes = createAttributes(incoming, now)
  for (const [iri, instances] of Object.entries(current)) {
    for (const instance of instances) {
      const stays = incoming[iri]?.some((item) => datasetOf(item) === datasetOf(instance))
      if (!stays) {
        changes.history.push(deletionRow(iri, datasetOf(instance), now))
        if (!changes.changed.includes(iri)) changes.changed.push(iri)
      }
    }
  }
  return changes
}

/** Rejects a body that would leave nothing to do. */
export function requireSomething(attrs: EntityAttributes, what: string): void {
  if (Object.keys(attrs).length === 0) throw badRequest(`${what} has no attributes to write.`)
}
