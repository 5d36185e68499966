import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { DATASTORE_SCHEMA } from '../records/datastore-table.ts'
import type { ActionCall, CkanAction } from './action.ts'
import { CkanError, validationError } from './ckan-error.ts'
import { checkSelect } from './sql-guard.ts'

export const SQL_ROW_CAP = 32_000
const TIMEOUT_MS = 10_000

/** CKAN_DATASTORE_SQL=true turns the action on; CKAN too ships it off. */
export const datastoreSqlEnabled = (context: ModuleContext): boolean => context.settings.ckanDatastoreSql

const embedded = new WeakMap<Database, boolean>()

/** PGlite cannot interrupt a statement (no statement_timeout) and has one connection for everyone. */
async function isEmbedded(db: Database): Promise<boolean> {
  let known = embedded.get(db)
  if (known === undefined) {
    const { rows } = await sql<{ version: string }>`SELECT version()`.execute(db)
    known = /PGlite|wasm/i.test(rows[0]?.version ?? '')
    embedded.set(db, known)
  }
  return known
}

/** Every table a plan reads, walking its nodes, sub-plans and init-plans. */
function relationsIn(
  node: unknown,
  found: { schema: string; name: string }[] = [],
): { schema: string; name: string }[] {
  if (Array.isArray(node)) for (const item of node) relationsIn(item, found)
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (typeof record['Relation Name'] === 'string')
      found.push({ schema: String(record.Schema ?? ''), name: record['Relation Name'] })
    for (const value of Object.values(record)) if (typeof value === 'object') relationsIn(value, found)
  }
  return found
}

function databaseError(error: unknown): CkanError | undefined {
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined
  if (code === '57014')
    return validationError(
      'sql',
      `The query ran longer than ${TIMEOUT_MS / 1000} s and was stopped; narrow it.`,
    )
  return validationError('sql', (error as Error).message)
}

/**
 * Runs one checked SELECT: in a READ ONLY transaction with a statement timeout, names resolving in
 * the datastore schema first, reading only public resources' tables (checked on the plan before it
 * runs), and at most SQL_ROW_CAP rows.
 */
async function datastoreSearchSql(call: ActionCall) {
  const { context } = call
  if (!datastoreSqlEnabled(context))
    throw new CkanError(
      'Authorization Error',
      'datastore_search_sql is turned off on this site (CKAN_DATASTORE_SQL).',
    )
  const statement = checkSelect(call.params.required('sql'))
  if (await isEmbedded(context.db))
    throw new CkanError(
      'Authorization Error',
      'datastore_search_sql needs a PostgreSQL server: the embedded database cannot stop a long query.',
    )
  const wrapped = sql<Record<string, unknown>>`SELECT * FROM (${sql.raw(statement)}) AS datastore_query
    LIMIT ${sql.lit(SQL_ROW_CAP + 1)}`
  try {
    const rows = await context.db.transaction().execute(async (trx) => {
      await sql`SET TRANSACTION READ ONLY`.execute(trx)
      await sql`SET LOCAL statement_timeout = ${sql.lit(TIMEOUT_MS)}`.execute(trx)
      await sql`SET LOCAL search_path = ${sql.id(DATASTORE_SCHEMA)}, public`.execute(trx)
      const { rows: plan } = await sql<
        Record<string, unknown>
      >`EXPLAIN (VERBOSE, FORMAT JSON) ${wrapped}`.execute(trx)
      const relations = relationsIn(plan)
      const outside = relations.find((relation) => relation.schema !== DATASTORE_SCHEMA)
      if (outside)
        throw validationError(
          'sql',
          `Only datastore tables may be read, not "${outside.schema}.${outside.name}".`,
        )
      const names = [...new Set(relations.map((relation) => relation.name))]
      const { rows: open } = await sql<{ id: string }>`SELECT r.id::text AS id FROM catalog.resources r
        JOIN catalog.datasets d ON d.id = r.dataset_id
        WHERE r.id::text = ANY(${names}::text[]) AND r.datastore_columns IS NOT NULL
          AND d.status <> 'draft' AND d.access_level = 'open'`.execute(trx)
      const hidden = names.find((name) => !open.some((row) => row.id === name))
      if (hidden) throw validationError('sql', `There is no public datastore table "${hidden}".`)
      return (await wrapped.execute(trx)).rows
    })
    const truncated = rows.length > SQL_ROW_CAP
    const records = truncated ? rows.slice(0, SQL_ROW_CAP) : rows
    const fields = Object.keys(records[0] ?? {}).map((id) => ({ id, type: fieldType(records[0]![id]) }))
    return { sql: statement, records, fields, ...(truncated ? { records_truncated: true } : {}) }
  } catch (error) {
    throw error instanceof CkanError ? error : (databaseError(error) ?? error)
  }
}

const fieldType = (value: unknown): string =>
  typeof value === 'number'
    ? Number.isInteger(value)
      ? 'int8'
      : 'float8'
    : typeof value === 'boolean'
      ? 'bool'
      : value instanceof Date
        ? 'timestamp'
        : value !== null && typeof value === 'object'
          ? 'json'
          : 'text'

export const datastoreSqlActions: Record<string, CkanAction> = {
  datastore_search_sql: {
    help: 'Runs one read-only SELECT over public datastore tables (named by resource id), allow-listed functions only, at most 32000 rows; off unless the site turns it on.',
    run: datastoreSearchSql,
  },
}
