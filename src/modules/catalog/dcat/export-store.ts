import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { SpatialSummary } from './dataset-graph.ts'

/** The bounding box and centroid of each dataset's geometry, as well-known text (DCAT-AP's dcat:bbox). */
export async function selectSpatialSummaries(
  db: Database,
  datasetIds: readonly string[],
): Promise<Map<string, SpatialSummary>> {
  if (datasetIds.length === 0) return new Map()
  const { rows } = await sql<{ id: string; bbox: string; centroid: string }>`
    SELECT id, ST_AsText(ST_Envelope(spatial)) AS bbox, ST_AsText(ST_Centroid(spatial)) AS centroid
    FROM catalog.datasets WHERE id = ANY(${[...datasetIds]}::uuid[]) AND spatial IS NOT NULL`.execute(db)
  return new Map(rows.map((row) => [row.id, { bbox: row.bbox, centroid: row.centroid }]))
}

/** When the open catalogue was first published and last changed. */
export async function selectCatalogueDates(
  db: Database,
): Promise<{ issued: string | null; modified: string | null }> {
  const { rows } = await sql<{ issued: Date | string | null; modified: Date | string | null }>`
    SELECT min(coalesce(issued, created_at)) AS issued, max(modified) AS modified
    FROM catalog.datasets WHERE status = 'published' AND access_level = 'open'`.execute(db)
  const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null)
  return { issued: iso(rows[0]?.issued), modified: iso(rows[0]?.modified) }
}
