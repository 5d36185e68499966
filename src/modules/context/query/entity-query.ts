import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import { badRequest, NgsiError } from '../errors.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import type { StoredEntity } from '../model.ts'
import { type EntityRow, toEntity } from '../store.ts'
import type { ReadScope } from '../visibility.ts'
import { type EntityFilter, filterToSql, geoPropertySql } from './entity-filter.ts'
import { geoNearestOrderSql } from './geo-sql.ts'

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 1000

export interface Page {
  limit: number
  offset: number
  count: boolean
}

export function readPage(params: {
  limit?: string | undefined
  offset?: string | undefined
  count?: string | undefined
}): Page {
  const limit = params.limit === undefined ? DEFAULT_LIMIT : Number(params.limit)
  const offset = params.offset === undefined ? 0 : Number(params.offset)
  if (!Number.isInteger(limit) || limit < 0) throw badRequest('"limit" must be a whole number, 0 or more.')
  if (limit > MAX_LIMIT)
    throw new NgsiError('TooManyResults', `"limit" may be at most ${MAX_LIMIT}; page through with offset.`)
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('"offset" must be a whole number, 0 or more.')
  if (params.count !== undefined && params.count !== 'true' && params.count !== 'false')
    throw badRequest('"count" must be true or false.')
  return { limit, offset, count: params.count === 'true' }
}

export function scopeToSql(scope: ReadScope): RawBuilder<boolean>[] {
  return scope.all ? [] : [sql<boolean>`types && ${[...scope.types]}::text[]`]
}

/** Runs a query, turning PostgreSQL's refusals of caller input (a bad regex, a bad geometry) into 400s. */
export async function guardedQuery<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string }
    if (code === '2201B') throw badRequest(`The regular expression is not valid: ${message}.`)
    if (code === '22P02' || code === '22023' || code === 'XX000')
      throw badRequest(`The query could not be evaluated: ${message}.`)
    throw error
  }
}

/** Id order, stable for paging; near queries nearest first (as Orion-LD answers them), then by id. */
function orderOf(filter: EntityFilter, terms: TermMap): RawBuilder<unknown> {
  if (filter.geo?.georel !== 'near') return sql`id`
  return sql`${geoNearestOrderSql(filter.geo, geoPropertySql(terms.expand(filter.geo.geoproperty)))}, id`
}

/** NGSI-LD 5.7.2 query entities: one page in id order, and the total when asked. */
export async function queryEntities(
  db: Database,
  tenant: string,
  filter: EntityFilter,
  terms: TermMap,
  scope: ReadScope,
  page: Page,
): Promise<{ entities: StoredEntity[]; count: number | undefined }> {
  const where = sql.join(
    [sql`tenant = ${tenant}`, ...scopeToSql(scope), ...filterToSql(filter, terms)],
    sql` AND `,
  )
  return guardedQuery(async () => {
    const select = (on: Database) =>
      sql<EntityRow>`SELECT id, types, scopes, attrs, created_at, modified_at, version
        FROM context.entities WHERE ${where} ORDER BY ${orderOf(filter, terms)} LIMIT ${page.limit} OFFSET ${page.offset}`.execute(
        on,
      )
    const { rows } =
      page.limit === 0
        ? { rows: [] as EntityRow[] }
        : filter.geo?.georel === 'near'
          ? await db.transaction().execute(async (tx) => {
              // The planner thinks a q filter matches almost nothing, so it gathers every entity in
              // range and sorts them; without bitmap scans it walks the location index nearest first.
              await sql`SET LOCAL enable_bitmapscan = off`.execute(tx)
              return select(tx)
            })
          : await select(db)
    let count: number | undefined
    if (page.count) {
      const counted = await sql<{
        count: number
      }>`SELECT count(*)::int AS count FROM context.entities WHERE ${where}`.execute(db)
      count = counted.rows[0]?.count ?? 0
    }
    return { entities: rows.map(toEntity), count }
  })
}
