import { sql } from 'kysely'
import type { Actor } from '../../platform/access/access.ts'
import type { ModuleContext } from '../../platform/module.ts'
import { can } from '../identity/index.ts'

/** What a reader may see: everything, or only entities of the public types. */
export type ReadScope = { all: true } | { all: false; types: readonly string[] }

export const READ_ACTION = 'context.entity.read'

/** Public entity types per tenant, cached; declared by data stewards, read on every open query. */
export class PublicTypes {
  readonly #context: ModuleContext
  readonly #byTenant = new Map<string, readonly string[]>()

  constructor(context: ModuleContext) {
    this.#context = context
  }

  async of(tenant: string): Promise<readonly string[]> {
    const cached = this.#byTenant.get(tenant)
    if (cached) return cached
    const { rows } = await sql<{
      type: string
    }>`SELECT type FROM context.public_types WHERE tenant = ${tenant}
      ORDER BY type`.execute(this.#context.db)
    const types = rows.map((row) => row.type)
    this.#byTenant.set(tenant, types)
    return types
  }

  async declare(tenant: string, types: readonly string[], open: boolean): Promise<void> {
    for (const type of types) {
      if (open)
        await sql`INSERT INTO context.public_types (tenant, type) VALUES (${tenant}, ${type})
          ON CONFLICT DO NOTHING`.execute(this.#context.db)
      else
        await sql`DELETE FROM context.public_types WHERE tenant = ${tenant} AND type = ${type}`.execute(
          this.#context.db,
        )
    }
    this.#byTenant.delete(tenant)
  }

  async readScope(actor: Actor, tenant: string): Promise<ReadScope> {
    if (actor.kind !== 'anonymous' && (await can(this.#context.db, actor, READ_ACTION))) return { all: true }
    return { all: false, types: await this.of(tenant) }
  }
}

export const mayRead = (scope: ReadScope, types: readonly string[]): boolean =>
  scope.all || types.some((type) => scope.types.includes(type))
