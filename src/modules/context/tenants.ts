import type { Database } from '../../platform/db/database.ts'
import { addTenant, tenantNames } from './store.ts'

/** The tenants known, cached: every read checks its tenant and every write may create one. */
export class Tenants {
  readonly #db: Database
  #known: Set<string> | undefined

  constructor(db: Database) {
    this.#db = db
  }

  async exists(name: string): Promise<boolean> {
    if (name === '') return true
    if (!this.#known?.has(name)) this.#known = new Set(await tenantNames(this.#db))
    return this.#known.has(name)
  }

  async ensure(name: string): Promise<void> {
    if (name === '' || this.#known?.has(name)) return
    await addTenant(this.#db, name)
    this.#known = new Set([...(this.#known ?? []), name])
  }
}
