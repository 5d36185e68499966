import { count } from '../print.ts'
import type { Runner } from './sql-runner.ts'

/** What the bench reads from the database's own catalog and statistics, and their refresh. */

/** The settings that explain a figure: version, memory, durability, connections. */
export async function databaseSettings(run: Runner): Promise<Record<string, string>> {
  const settings: Record<string, string> = {}
  const rows = await run(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN
      ('server_version', 'shared_buffers', 'synchronous_commit', 'fsync', 'work_mem', 'max_connections')`,
  )
  for (const row of rows) settings[String(row.name)] = `${row.setting}${row.unit ? ` ${row.unit}` : ''}`
  return settings
}

/** The PostgreSQL processes that work for us: our database's backends and the cluster's own. */
export async function postgresPids(run: Runner): Promise<number[]> {
  const rows = await run(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'`,
  )
  return rows.map((row) => Number(row.pid))
}

/** ANALYZE of the context tables; how long it took, in milliseconds. */
export async function analyzeContext(run: Runner): Promise<number> {
  const started = performance.now()
  for (const table of ['entities', 'temporal_entities', 'attribute_instances'])
    await run(`ANALYZE context.${table}`)
  return performance.now() - started
}

/** Live and dead rows and size of the entity and history tables, as one line. */
export async function tableStats(run: Runner): Promise<string> {
  const rows = await run(
    `SELECT relname, n_live_tup::int AS live, n_dead_tup::int AS dead,
       pg_size_pretty(pg_total_relation_size(relid)) AS size
     FROM pg_stat_user_tables WHERE schemaname = 'context' AND relname IN ('entities', 'attribute_instances')
     ORDER BY relname`,
  )
  return rows
    .map(
      (row) =>
        `${String(row.relname)} ${count(Number(row.live))} live, ${count(Number(row.dead))} dead rows, ${String(row.size)}`,
    )
    .join('; ')
}
