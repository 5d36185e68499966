import { CompiledQuery } from 'kysely'
import type { Database } from '../../../src/platform/db/database.ts'

/** A query runner over any of the connections the server process uses: Kysely, a transaction, PGlite alone. */
export type Runner = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>

export const kyselyRunner =
  (db: Database): Runner =>
  async (text, params = []) =>
    (await db.executeQuery(CompiledQuery.raw(text, params))).rows as Record<string, unknown>[]
