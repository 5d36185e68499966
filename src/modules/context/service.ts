import type { Database } from '../../platform/db/database.ts'
import type { ModuleContext } from '../../platform/module.ts'
import {
  type AttributeChanges,
  appendAttributes,
  createAttributes,
  deleteAttribute,
  mergeAttributes,
  patchAttribute,
  replaceAttributes,
  requireSomething,
  updateAttributes,
} from './entity-changes.ts'
import type { EntityInput } from './entity-input.ts'
import { NgsiError, notFound } from './errors.ts'
import type { EntityChange } from './events.ts'
import type { AttributeInstance, EntityAttributes, StoredEntity } from './model.ts'
import { contextServices } from './services.ts'
import {
  deleteEntity,
  findEntities,
  findEntity,
  insertEntity,
  updateEntity,
  type VersionedEntity,
} from './store.ts'

/** The tenant a request addresses; '' is the default tenant. */
export interface TenantScope {
  tenant: string
}

// Compare-and-set rounds before falling back to the row lock.
const OPTIMISTIC_TRIES = 3

export const now = (): string => new Date().toISOString()

export function announce(context: ModuleContext, tenant: string, changes: EntityChange[]): void {
  if (changes.length > 0) context.events.emit('EntitiesChanged', { tenant, changes })
}

export async function getEntity(
  context: ModuleContext,
  scope: TenantScope,
  id: string,
): Promise<VersionedEntity> {
  const found = await findEntity(context.db, scope.tenant, id)
  if (!found) throw notFound(`There is no entity with id ${id}.`)
  return found
}

/** NGSI-LD 5.6.1 create entity. */
export async function createEntity(
  context: ModuleContext,
  scope: TenantScope,
  input: EntityInput,
): Promise<void> {
  const at = now()
  const changes = createAttributes(input.attrs, at)
  const entity: StoredEntity = { ...input, attrs: changes.attrs, createdAt: at, modifiedAt: at }
  const models = await contextServices(context).dataModels.of(scope.tenant)
  models.check(entity)
  const created = await writeGuarded(() => insertEntity(context.db, scope.tenant, entity, changes.history))
  if (!created) throw new NgsiError('AlreadyExists', `An entity with id ${input.id} already exists.`)
  announce(context, scope.tenant, [
    { kind: 'created', previous: null, current: entity, changed: changes.changed },
  ])
}

type EntityEdit = (
  entity: StoredEntity,
  at: string,
) => { changes: AttributeChanges; types?: string[]; scopes?: string[] }

/**
 * Applies a change to an entity's attributes with compare-and-set, retrying when another writer
 * got there first; when writers keep colliding, it takes the row lock so it is sure to get through.
 * Returns what was changed so routes can report attributes not updated.
 */
export async function changeEntity(
  context: ModuleContext,
  scope: TenantScope,
  id: string,
  change: EntityEdit,
): Promise<AttributeChanges> {
  // Loaded before any transaction: checking inside one must not wait for the database.
  const models = await contextServices(context).dataModels.of(scope.tenant)
  const attempt = async (db: Database, found: VersionedEntity) => {
    const previous = found.entity
    const at = now()
    const { changes, types, scopes } = change(previous, at)
    if (changes.changed.length === 0 && !types) return { changes, done: true }
    const current: StoredEntity = {
      ...previous,
      ...(types ? { types } : {}),
      ...(scopes ? { scopes } : {}),
      attrs: changes.attrs,
      modifiedAt: at,
    }
    models.check(current)
    const typesChanged = types !== undefined && types.join() !== previous.types.join()
    const written = await writeGuarded(() =>
      updateEntity(db, scope.tenant, current, found.version, changes.history, { typesChanged }),
    )
    if (written)
      announce(context, scope.tenant, [{ kind: 'updated', previous, current, changed: changes.changed }])
    return { changes, done: written }
  }
  for (let tries = 0; tries < OPTIMISTIC_TRIES; tries++) {
    const outcome = await attempt(context.db, await getEntity(context, scope, id))
    if (outcome.done) return outcome.changes
  }
  const locked = await context.db.transaction().execute(async (tx) => {
    const found = (await findEntities(tx, scope.tenant, [id], { lock: true })).get(id)
    if (!found) throw notFound(`There is no entity with id ${id}.`)
    return attempt(tx, found)
  })
  if (!locked.done) throw new NgsiError('InternalError', `Entity ${id} could not be written; try again.`)
  return locked.changes
}

export const appendToEntity = (
  context: ModuleContext,
  scope: TenantScope,
  id: string,
  attrs: EntityAttributes,
  options: { noOverwrite?: boolean },
) => {
  requireSomething(attrs, 'The body')
  return changeEntity(context, scope, id, (entity, at) => ({
    changes: appendAttributes(entity.attrs, attrs, at, options),
  }))
}

export const updateEntityAttributes = (
  context: ModuleContext,
  scope: TenantScope,
  id: string,
  attrs: EntityAttributes,
) => {
  requireSomething(attrs, 'The body')
  return changeEntity(context, scope, id, (entity, at) => ({
    changes: updateAttributes(entity.attrs, attrs, at),
  }))
}

export const patchEntityAttribute = (
  context: ModuleContext,
  scope: TenantScope,
  id: string,
  iri: string,
  name: string,
  patch: AttributeInstance,
) =>
  changeEntity(context, scope, id, (entity, at) => ({
    changes: patchAttribute(entity.attrs, iri, name, patch, at),
  }))

export const replaceEntityAttribute = (
  context: ModuleContext,
  scope: TenantScope,
  id: string,
  iri: string,
  name: string,
  instance: AttributeInstance,
) =>
  changeEntity(context, scope, id, (entity, at) => {
    if (!entity.attrs[iri]?.some((item) => item.datasetId === instance.datasetId))
      throw notFound(`The entity has no attribute "${name}" to replace.`)
    return { changes: appendAttributes(entity.attrs, { [iri]: [instance] }, at) }
  })

export const deleteEntityAttribute = (
  context: ModuleContext,
  scope: TenantScope,
  id: string,
  iri: string,
  name: string,
  options: { datasetId?: string | undefined; deleteAll?: boolean },
) =>
  changeEntity(context, scope, id, (entity, at) => ({
    changes: deleteAttribute(entity.attrs, iri, name, options, at),
  }))

/** NGSI-LD 5.6.17 merge entity (PATCH /entities/{id}). */
export const mergeEntity = (
  context: ModuleContext,
  scope: TenantScope,
  id: string,
  input: { attrs: EntityAttributes; deletions: string[]; types?: string[]; scopes?: string[] },
) =>
  changeEntity(context, scope, id, (entity, at) => ({
    changes: mergeAttributes(entity.attrs, input.attrs, input.deletions, at),
    ...(input.types ? { types: [...new Set([...entity.types, ...input.types])] } : {}),
    ...(input.scopes ? { scopes: input.scopes } : {}),
  }))

/** NGSI-LD 5.6.18 replace entity (PUT /entities/{id}). */
export const replaceEntity = (context: ModuleContext, scope: TenantScope, input: EntityInput) =>
  changeEntity(context, scope, input.id, (entity, at) => ({
    changes: replaceAttributes(entity.attrs, input.attrs, at),
    types: input.types,
    ...(input.scopes ? { scopes: input.scopes } : {}),
  }))

/** NGSI-LD 5.6.6 delete entity. */
export async function removeEntity(context: ModuleContext, scope: TenantScope, id: string): Promise<void> {
  const removed = await deleteEntity(context.db, scope.tenant, id)
  if (!removed) throw notFound(`There is no entity with id ${id}.`)
  announce(context, scope.tenant, [
    { kind: 'deleted', previous: removed, current: null, changed: Object.keys(removed.attrs) },
  ])
}

/** Turns a PostGIS refusal of a geometry into the caller's error instead of a 500. */
export async function writeGuarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/geojson|geometry|ordinates|coordinates|parse error - invalid geometry/i.test(message))
      throw new NgsiError('BadRequestData', `The location is not a geometry PostGIS accepts: ${message}`)
    throw error
  }
}
