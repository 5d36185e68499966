import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { Measurement } from '../../platform/metrics/measurement.ts'
import { FREQUENCIES } from './vocabularies.ts'

const count = async (db: Database, query: ReturnType<typeof sql<{ value: number }>>) =>
  (await query.execute(db)).rows[0]?.value ?? 0

const OPEN = sql`status = 'published' AND access_level = 'open'`

/** Days each frequency allows, as SQL, with the week's grace the quality check gives. */
const allowedDays = sql.raw(
  `CASE frequency ${Object.entries(FREQUENCIES)
    .filter(([, { days }]) => days !== null)
    .map(([code, { days }]) => `WHEN '${code}' THEN ${days! + 7}`)
    .join(' ')} END`,
)

export const catalogMeasurements: Measurement[] = [
  {
    name: 'catalog.datasets.open',
    description: 'Open datasets published in the catalogue',
    unit: 'dataset',
    measure: (db) =>
      count(db, sql<{ value: number }>`SELECT count(*)::int AS value FROM catalog.datasets WHERE ${OPEN}`),
  },
  {
    name: 'catalog.organisations.publishing',
    description: 'Organisations with at least one open dataset',
    unit: 'organisation',
    measure: (db) =>
      count(
        db,
        sql<{
          value: number
        }>`SELECT count(DISTINCT organisation_id)::int AS value FROM catalog.datasets WHERE ${OPEN}`,
      ),
  },
  {
    name: 'catalog.datasets.updated_on_time',
    description: 'Share of open datasets with a set update frequency that were updated on time',
    unit: '%',
    measure: (db) =>
      count(
        db,
        sql<{
          value: number
        }>`SELECT coalesce(round(100.0 * count(*) FILTER (WHERE modified >= now() - make_interval(days => ${allowedDays}))
          / nullif(count(*), 0)), 0)::int AS value
        FROM catalog.datasets WHERE ${OPEN} AND ${allowedDays} IS NOT NULL`,
      ),
  },
  {
    name: 'catalog.downloads.last_30_days',
    description: 'Downloads of open data in the last 30 days',
    unit: 'download',
    measure: (db) =>
      count(
        db,
        sql<{ value: number }>`SELECT coalesce(sum(downloads), 0)::int AS value FROM catalog.dataset_usage
          WHERE day > (now() AT TIME ZONE 'UTC')::date - 30`,
      ),
  },
  {
    name: 'catalog.api_calls.last_30_days',
    description: 'API reads of open data (records, CKAN datastore) in the last 30 days',
    unit: 'call',
    measure: (db) =>
      count(
        db,
        sql<{ value: number }>`SELECT coalesce(sum(api_calls), 0)::int AS value FROM catalog.dataset_usage
          WHERE day > (now() AT TIME ZONE 'UTC')::date - 30`,
      ),
  },
  {
    name: 'catalog.reuses',
    description: 'Apps, studies and services recorded as built on open datasets',
    unit: 'reuse',
    measure: (db) => count(db, sql<{ value: number }>`SELECT count(*)::int AS value FROM catalog.reuses`),
  },
  {
    name: 'catalog.reuses.apps',
    description: 'Apps built on open datasets',
    unit: 'app',
    measure: (db) =>
      count(db, sql<{ value: number }>`SELECT count(*)::int AS value FROM catalog.reuses WHERE kind = 'app'`),
  },
]

/** Per organisation and per dataset figures for the statistics page; counts only. */
export async function catalogStatistics(db: Database) {
  const { rows: organisations } = await sql<{ organisation_id: string; datasets: number }>`
    SELECT organisation_id, count(*)::int AS datasets FROM catalog.datasets WHERE ${OPEN}
    GROUP BY organisation_id ORDER BY datasets DESC`.execute(db)
  const { rows: datasets } = await sql<{ name: string; downloads: number; api_calls: number }>`
    SELECT d.name, coalesce(sum(u.downloads), 0)::int AS downloads, coalesce(sum(u.api_calls), 0)::int AS api_calls
    FROM catalog.datasets d LEFT JOIN catalog.dataset_usage u ON u.dataset_id = d.id
    WHERE d.status = 'published' AND d.access_level = 'open'
    GROUP BY d.name ORDER BY coalesce(sum(u.downloads), 0) + coalesce(sum(u.api_calls), 0) DESC, d.name
    LIMIT 100`.execute(db)
  return { organisations, datasets }
}
