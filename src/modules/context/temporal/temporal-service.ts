import type { Database } from '../../../platform/db/database.ts'
import { type HistoryRow, historyRow, stamp } from '../entity-changes.ts'
import { badRequest, notFound } from '../errors.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import type { AttributeInstance, EntityAttributes } from '../model.ts'
import type { EntityFilter } from '../query/entity-filter.ts'
import type { Page } from '../query/entity-query.ts'
import { now } from '../service.ts'
import { mayRead, type ReadScope } from '../visibility.ts'
import { selectAggregates } from './temporal-aggregation.ts'
import { historyAttributes, selectInstances } from './temporal-history.ts'
import type { TemporalEntityInput } from './temporal-input.ts'
import type { TemporalQuery, TemporalView } from './temporal-query.ts'
import { renderTemporalEntity } from './temporal-representation.ts'
import { selectTemporalEntities } from './temporal-selection.ts'
import {
  addTemporalEvolution,
  appendInstances,
  deleteAttributeHistory,
  deleteInstance,
  deleteTemporalEntity,
  findInstance,
  findTemporalEntity,
  replaceInstance,
  type TemporalEntityRow,
} from './temporal-store.ts'

export interface TemporalAnswer<T> {
  body: T
  /** Some attribute held more instances than one answer carries: answered 206 Partial Content. */
  truncated: boolean
}

/** Renders entities with their history in the view asked for: instances, or aggregates computed in SQL. */
async function withHistory(
  db: Database,
  tenant: string,
  entities: readonly TemporalEntityRow[],
  attrs: readonly string[] | undefined,
  query: TemporalQuery,
  view: TemporalView,
  terms: TermMap,
): Promise<TemporalAnswer<Record<string, unknown>[]>> {
  const ids = entities.map((entity) => entity.id)
  const series = attrs ?? (await historyAttributes(db, tenant, ids))
  if (view.aggregation) {
    const aggregates = Map.groupBy(
      await selectAggregates(db, tenant, ids, series, query, view.aggregation),
      (row) => row.entity_id,
    )
    return {
      body: entities.map((entity) =>
        renderTemporalEntity(
          entity,
          { aggregates: aggregates.get(entity.id) ?? [] },
          terms,
          view,
          query.timeproperty,
        ),
      ),
      truncated: false,
    }
  }
  const { instances, truncated } = await selectInstances(db, tenant, ids, series, query)
  const byEntity = Map.groupBy(instances, (row) => row.entity_id)
  return {
    body: entities.map((entity) =>
      renderTemporalEntity(
        entity,
        { instances: byEntity.get(entity.id) ?? [] },
        terms,
        view,
        query.timeproperty,
      ),
    ),
    truncated,
  }
}

/** NGSI-LD 5.7.4 query temporal evolution of entities. */
export async function queryTemporalEntities(
  db: Database,
  tenant: string,
  terms: TermMap,
  scope: ReadScope,
  request: { filter: EntityFilter; query: TemporalQuery; view: TemporalView; page: Page },
): Promise<TemporalAnswer<Record<string, unknown>[]> & { count: number | undefined }> {
  const { filter, query, view, page } = request
  const { entities, count } = await selectTemporalEntities(db, tenant, filter, terms, scope, query, page)
  const attrs = filter.attrs?.map((name) => terms.expand(name))
  return { ...(await withHistory(db, tenant, entities, attrs, query, view, terms)), count }
}

/** NGSI-LD 5.7.3 retrieve the temporal evolution of one entity; unknown and unreadable look the same. */
export async function retrieveTemporalEntity(
  db: Database,
  tenant: string,
  terms: TermMap,
  scope: ReadScope,
  id: string,
  request: {
    attrs: string[] | undefined
    query: TemporalQuery
    view: TemporalView
    types?: (types: string[]) => boolean
  },
): Promise<TemporalAnswer<Record<string, unknown>>> {
  const entity = await findTemporalEntity(db, tenant, id)
  if (!entity || !mayRead(scope, entity.types) || (request.types && !request.types(entity.types)))
    throw notFound(`There is no temporal entity with id ${id}.`)
  const attrs = request.attrs?.map((name) => terms.expand(name))
  const { body, truncated } = await withHistory(
    db,
    tenant,
    [entity],
    attrs,
    request.query,
    request.view,
    terms,
  )
  return { body: body[0] as Record<string, unknown>, truncated }
}

/** Instances as written to the temporal API: stamped now, their observedAt (else now) as the instant. */
function historyOf(attrs: EntityAttributes, at: string): HistoryRow[] {
  return Object.entries(attrs).flatMap(([iri, instances]) =>
    instances.map((instance) => historyRow(iri, stamp(instance, at))),
  )
}

/** NGSI-LD 5.6.11 create or update temporal evolution; true when the temporal entity is new. */
export async function addTemporalEntity(
  db: Database,
  tenant: string,
  input: TemporalEntityInput,
): Promise<boolean> {
  return addTemporalEvolution(db, tenant, input, historyOf(input.attrs, now()), now())
}

/** NGSI-LD 5.6.12 add attributes to the temporal evolution of an entity. */
export async function addTemporalAttributes(
  db: Database,
  tenant: string,
  id: string,
  attrs: EntityAttributes,
): Promise<void> {
  if (Object.keys(attrs).length === 0) throw badRequest('The body has no attribute instances to add.')
  if (!(await appendInstances(db, tenant, id, historyOf(attrs, now()))))
    throw notFound(`There is no temporal entity with id ${id}.`)
}

/** NGSI-LD 5.6.16 delete the temporal representation of an entity. */
export async function removeTemporalEntity(db: Database, tenant: string, id: string): Promise<void> {
  if (!(await deleteTemporalEntity(db, tenant, id)))
    throw notFound(`There is no temporal entity with id ${id}.`)
}

/** NGSI-LD 5.6.13 delete an attribute's temporal evolution. */
export async function removeAttributeHistory(
  db: Database,
  tenant: string,
  id: string,
  iri: string,
  name: string,
  options: { datasetId?: string | undefined; deleteAll: boolean },
): Promise<void> {
  const removed = await deleteAttributeHistory(db, tenant, id, iri, options)
  if (removed === 0)
    throw notFound(
      options.datasetId && !options.deleteAll
        ? `Entity ${id} has no history of "${name}" with datasetId ${options.datasetId}.`
        : `Entity ${id} has no history of "${name}".`,
    )
}

/** The row id in `urn:ngsi-ld:AttributeInstance:<id>`; another URI names no instance here. */
function rowIdOf(instanceId: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(instanceId))
    throw badRequest(`The instanceId "${instanceId}" is not a URI.`)
  const match = /^urn:ngsi-ld:AttributeInstance:(\d{1,18})$/.exec(instanceId)
  if (!match) throw notFound(`There is no attribute instance ${instanceId}.`)
  return match[1] as string
}

/** NGSI-LD 5.6.15 modify an attribute instance: given members replace the stored ones, instanceId stays. */
export async function modifyInstance(
  db: Database,
  tenant: string,
  id: string,
  iri: string,
  instanceId: string,
  patch: Partial<AttributeInstance>,
): Promise<void> {
  const rowId = rowIdOf(instanceId)
  const stored = await findInstance(db, tenant, id, iri, rowId)
  if (!stored) throw notFound(`Entity ${id} has no instance ${instanceId} of that attribute.`)
  if ('deletedAt' in stored.instance)
    throw badRequest(`Instance ${instanceId} records a deletion; it has no value to modify.`)
  const previous = stored.instance as AttributeInstance
  const valueMembers = ['value', 'object', 'languageMap', 'valueList', 'objectList', 'json', 'vocab']
  const merged: AttributeInstance = { ...previous }
  if (valueMembers.some((member) => member in patch)) for (const member of valueMembers) delete merged[member]
  Object.assign(merged, patch, { createdAt: previous.createdAt, modifiedAt: now() })
  const row = historyRow(iri, merged)
  // Without an observedAt the instance keeps the instant it was recorded at.
  if (merged.observedAt === undefined) row.observed_at = stored.observed_at
  await replaceInstance(db, tenant, id, rowId, row)
}

/** NGSI-LD 5.6.16 delete an attribute instance. */
export async function removeInstance(
  db: Database,
  tenant: string,
  id: string,
  iri: string,
  instanceId: string,
): Promise<void> {
  if (!(await deleteInstance(db, tenant, id, iri, rowIdOf(instanceId))))
    throw notFound(`Entity ${id} has no instance ${instanceId} of that attribute.`)
}
