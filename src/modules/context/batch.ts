import type { Database } from '../../platform/db/database.ts'
import type { ModuleContext } from '../../platform/module.ts'
import {
  type AttributeChanges,
  appendAttributes,
  createAttributes,
  mergeAttributes,
  replaceAttributes,
  updateAttributes,
} from './entity-changes.ts'
import { type EntityInput, isUri, readEntity } from './entity-input.ts'
import { badRequest, NgsiError, notFound } from './errors.ts'
import type { EntityChange } from './events.ts'
import type { TermMap } from './json-ld/term-map.ts'
import { readMerge } from './merge-input.ts'
import type { StoredEntity } from './model.ts'
import { announce, now, writeGuarded } from './service.ts'
import { contextServices } from './services.ts'
import { type BulkWrite, deleteEntities, findEntities, writeEntities } from './store.ts'

export type BatchMode = 'create' | 'upsert' | 'upsertUpdate' | 'update' | 'updateNoOverwrite' | 'merge'

/** NGSI-LD 5.2.17 BatchOperationResult. */
export interface BatchResult {
  success: string[]
  created: string[]
  errors: { entityId: string; error: NgsiError['body'] }[]
}

export const MAX_BATCH = 10_000

const idOf = (item: unknown): string => {
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : 'unknown'
}

function asNgsiError(error: unknown): NgsiError {
  if (error instanceof NgsiError) return error
  throw error
}

interface Planned {
  id: string
  input: EntityInput | ReturnType<typeof readMerge>
}

/**
 * Applies a batch in one transaction: items are read first (a bad item is reported, the rest go
 * ahead), the entities they touch are locked in id order, and all states and histories are written
 * in three statements. The same id may appear several times; its items apply in order.
 */
export async function runBatch(
  context: ModuleContext,
  tenant: string,
  items: readonly unknown[],
  termsOf: (item: unknown) => Promise<TermMap>,
  mode: BatchMode,
): Promise<BatchResult> {
  if (items.length > MAX_BATCH)
    throw badRequest(`A batch may hold at most ${MAX_BATCH} entities; split it into several requests.`)
  const result: BatchResult = { success: [], created: [], errors: [] }
  const planned: Planned[] = []
  for (const item of items) {
    try {
      const terms = await termsOf(item)
      if (mode === 'merge') planned.push({ id: idOf(item), input: readMerge(item, terms, idOf(item)) })
      else planned.push({ id: idOf(item), input: readEntity(item, terms) })
    } catch (error) {
      result.errors.push({ entityId: idOf(item), error: asNgsiError(error).body })
    }
  }
  if (planned.length === 0) return result
  const changes: EntityChange[] = []
  const models = await contextServices(context).dataModels.of(tenant)
  await writeGuarded(() =>
    context.db.transaction().execute(async (tx) => {
      const ids = [...new Set(planned.map((item) => item.id))].sort()
      const existing = await findEntities(tx as unknown as Database, tenant, ids, { lock: true })
      const states = new Map<
        string,
        {
          entity: StoredEntity
          previous: StoredEntity | null
          history: BulkWrite['history']
          changed: Set<string>
        }
      >()
      for (const [id, found] of existing)
        states.set(id, { entity: found.entity, previous: found.entity, history: [], changed: new Set() })
      const at = now()
      for (const { id, input } of planned) {
        try {
          const state = states.get(id)
          const next = applyItem(state?.entity, input, mode, at)
          if (next.changes.notUpdated.length > 0 && mode !== 'updateNoOverwrite' && mode !== 'update')
            throw badRequest(next.changes.notUpdated.map((item) => item.reason).join(' '))
          if (state) {
            state.entity = next.entity
            state.history.push(...next.changes.history)
            for (const iri of next.changes.changed) state.changed.add(iri)
          } else {
            states.set(id, {
              entity: next.entity,
              previous: null,
              history: next.changes.history,
              changed: new Set(next.changes.changed),
            })
          }
          if (!result.success.includes(id)) result.success.push(id)
        } catch (error) {
          result.errors.push({ entityId: id, error: asNgsiError(error).body })
        }
      }
      const writes: BulkWrite[] = []
      for (const [id, state] of states) {
        if (state.history.length === 0 && state.previous === state.entity) continue
        try {
          models.check(state.entity)
        } catch (error) {
          result.success = result.success.filter((item) => item !== id)
          result.errors.push({ entityId: id, error: asNgsiError(error).body })
          continue
        }
        const created = state.previous === null
        writes.push({ entity: state.entity, history: state.history, created })
        if (created) result.created.push(id)
        changes.push({
          kind: created ? 'created' : 'updated',
          previous: state.previous,
          current: state.entity,
          changed: [...state.changed],
        })
      }
      await writeEntities(tx as unknown as Database, tenant, writes)
    }),
  )
  announce(context, tenant, changes)
  return result
}

function applyItem(
  current: StoredEntity | undefined,
  input: Planned['input'],
  mode: BatchMode,
  at: string,
): { entity: StoredEntity; changes: AttributeChanges } {
  if (!current) {
    if (mode !== 'create' && mode !== 'upsert' && mode !== 'upsertUpdate')
      throw notFound(`There is no entity with id ${'id' in input ? input.id : ''}.`)
    const entity = input as EntityInput
    const changes = createAttributes(entity.attrs, at)
    return { entity: { ...entity, attrs: changes.attrs, createdAt: at, modifiedAt: at }, changes }
  }
  if (mode === 'create')
    throw new NgsiError('AlreadyExists', `An entity with id ${current.id} already exists.`)
  let changes: AttributeChanges
  let types = current.types
  if (mode === 'merge') {
    const merge = input as ReturnType<typeof readMerge>
    changes = mergeAttributes(current.attrs, merge.attrs, merge.deletions, at)
    if (merge.types) types = [...new Set([...current.types, ...merge.types])]
  } else {
    const entity = input as EntityInput
    if (mode === 'upsert') {
      changes = replaceAttributes(current.attrs, entity.attrs, at)
      types = entity.types
    } else if (mode === 'upsertUpdate') {
      changes = appendAttributes(current.attrs, entity.attrs, at)
      types = [...new Set([...current.types, ...entity.types])]
    } else {
      changes =
        mode === 'updateNoOverwrite'
          ? appendAttributes(current.attrs, entity.attrs, at, { noOverwrite: true })
          : updateAttributes(current.attrs, entity.attrs, at)
    }
  }
  return { entity: { ...current, types, attrs: changes.attrs, modifiedAt: at }, changes }
}

/** NGSI-LD 5.6.10 batch delete: a list of ids. */
export async function runBatchDelete(
  context: ModuleContext,
  tenant: string,
  ids: unknown,
): Promise<BatchResult> {
  if (!Array.isArray(ids) || ids.length === 0)
    throw badRequest('The body must be a non-empty array of entity ids.')
  if (ids.length > MAX_BATCH) throw badRequest(`A batch may hold at most ${MAX_BATCH} ids.`)
  const result: BatchResult = { success: [], created: [], errors: [] }
  const valid = ids.filter((id): id is string => isUri(id))
  for (const id of ids)
    if (!isUri(id)) result.errors.push({ entityId: String(id), error: badRequest('Not a URI.').body })
  const removed = await deleteEntities(context.db, tenant, [...new Set(valid)])
  const removedIds = new Set(removed.map((entity) => entity.id))
  for (const id of new Set(valid)) {
    if (removedIds.has(id)) result.success.push(id)
    else result.errors.push({ entityId: id, error: notFound(`There is no entity with id ${id}.`).body })
  }
  announce(
    context,
    tenant,
    removed.map((entity) => ({
      kind: 'deleted',
      previous: entity,
      current: null,
      changed: Object.keys(entity.attrs),
    })),
  )
  return result
}
