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
import { deleteEntity, findEntity, insertEntity, updateEntity, type VersionedEntity } from './store.ts'

/** The tenant a request addresses; '' is the default tenant. */
export interface TenantScope {
  tenant: string
}

const MAX_ATTEMPTS = 8

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

/**
 * Applies a change to an entity's attributes with compare-and-set, retrying when another writer
 * got there first. Returns what was changed so routes can report attributes not updated.
 */
export async function changeEntity(
  context: ModuleContext,
  scope: TenantScope,
  id: string,
  change: (
    entity: StoredEntity,
    at: string,
  ) => { changes: AttributeChanges; types?: string[]; scopes?: string[] },
): Promise<AttributeChanges> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { entity: previous, version } = await getEntity(context, scope, id)
    const at = now()
    const { changes, types, scopes } = change(previous, at)
    if (changes.changed.length === 0 && !types) return changes
    const current: StoredEntity = {
      ...previous,
      ...(types ? { types } : {}),
      ...(scopes ? { scopes } : {}),
      attrs: changes.attrs,
      modifiedAt: at,
    }
    const models = await contextServices(context).dataModels.of(scope.tenant)
    models.check(current)
    const typesChanged = types !== undefined && types.join() !== previous.types.join()
    const written = await writeGuarded(() =>
      updateEntity(context.db, scope.tenant, current, version, changes.history, { typesChanged }),
    )
    if (written) {
      announce(context, scope.tenant, [{ kind: 'updated', previous, current, changed: changes.changed }])
      return changes
    }
  }
  throw new NgsiError('InternalError', `Entity ${id} is being changed by many writers at once; try again.`)
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
