import { sql } from 'kysely'
import type { Database } from '../../platform/db/database.ts'
import type { ModuleContext } from '../../platform/module.ts'

type Use = 'download' | 'api_call'

/**
 * Downloads and API reads per dataset, counted in memory and added to catalog.dataset_usage by
 * the `catalog.record_usage` job (and on stop), so reading data costs no write per request.
 */
const pending = new Map<Database, Map<string, { downloads: number; apiCalls: number }>>()

export function recordUsage(context: ModuleContext, datasetId: string, use: Use): void {
  const counts = pending.get(context.db) ?? new Map<string, { downloads: number; apiCalls: number }>()
  pending.set(context.db, counts)
  const entry = counts.get(datasetId) ?? { downloads: 0, apiCalls: 0 }
  if (use === 'download') entry.downloads++
  else entry.apiCalls++
  counts.set(datasetId, entry)
}

export async function flushUsage(db: Database): Promise<void> {
  const counts = pending.get(db)
  if (!counts || counts.size === 0) return
  pending.delete(db)
  const rows = [...counts].map(([dataset_id, entry]) => ({
    dataset_id,
    downloads: entry.downloads,
    api_calls: entry.apiCalls,
  }))
  await sql`INSERT INTO catalog.dataset_usage (dataset_id, day, downloads, api_calls)
    SELECT r.dataset_id, (now() AT TIME ZONE 'UTC')::date, r.downloads, r.api_calls
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(dataset_id uuid, downloads int, api_calls int)
    WHERE EXISTS (SELECT 1 FROM catalog.datasets d WHERE d.id = r.dataset_id)
    ON CONFLICT (dataset_id, day) DO UPDATE SET downloads = catalog.dataset_usage.downloads + excluded.downloads,
      api_calls = catalog.dataset_usage.api_calls + excluded.api_calls`.execute(db)
}
