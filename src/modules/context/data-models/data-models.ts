import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { Database } from '../../../platform/db/database.ts'
import { renderEntity } from '../entity-output.ts'
import { badRequest } from '../errors.ts'
import { coreTermMap } from '../json-ld/term-map.ts'
import type { StoredEntity } from '../model.ts'
import { type DataModelRecord, listDataModels } from './data-model-store.ts'

/** A tenant's compiled data models: checks an entity against the schema of each of its types. */
export interface TenantModels {
  check(entity: StoredEntity): void
}

const MAX_REPORTED = 5

function describe(errors: readonly ErrorObject[]): string {
  return errors
    .slice(0, MAX_REPORTED)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`)
    .join('; ')
}

/** Compiles a tenant's schemas together, so $refs between them resolve without any download. */
export function compileModels(records: readonly DataModelRecord[]): TenantModels {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true })
  addFormats.default(ajv)
  for (const record of records) {
    ajv.addSchema({ ...record.schema, $id: record.id })
    for (const alias of record.aliases) ajv.addSchema({ ...record.schema, $id: alias })
  }
  const byType = new Map<string, ValidateFunction>()
  for (const record of records) {
    if (!record.entityType) continue
    const validate = ajv.getSchema(record.id)
    if (validate) byType.set(record.entityType, validate)
  }
  return {
    check(entity) {
      if (byType.size === 0) return
      for (const type of entity.types) {
        const validate = byType.get(type)
        if (!validate) continue
        const simplified = {
          ...renderEntity(entity, coreTermMap, { format: 'keyValues', sysAttrs: false }),
          type: coreTermMap.compact(type),
        }
        if (!validate(simplified))
          throw badRequest(
            `Entity ${entity.id} does not match the data model of ${coreTermMap.compact(type)}: ${describe(validate.errors ?? [])}.`,
          )
      }
    },
  }
}

/**
 * NGSI-LD entities checked against registered JSON Schemas (Smart Data Models describe the
 * key-values form). Types without a schema cost one map lookup.
 */
export class DataModels {
  readonly #db: Database
  readonly #byTenant = new Map<string, TenantModels>()

  constructor(db: Database) {
    this.#db = db
  }

  /** Loaded before a transaction starts: checking inside one must not wait for the database. */
  async of(tenant: string): Promise<TenantModels> {
    const cached = this.#byTenant.get(tenant)
    if (cached) return cached
    const models = compileModels(await listDataModels(this.#db, tenant))
    this.#byTenant.set(tenant, models)
    return models
  }

  forget(tenant: string): void {
    this.#byTenant.delete(tenant)
  }
}
