import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { Reuse } from '../schemas.ts'

const reuseJson = sql<Reuse>`json_build_object('id', u.id, 'kind', u.kind, 'title', u.title,
  'description', u.description, 'url', u.url, 'author', u.author, 'createdAt', u.created_at,
  'datasets', coalesce((SELECT json_agg(d.name ORDER BY d.name) FROM catalog.reuse_datasets x
    JOIN catalog.datasets d ON d.id = x.dataset_id WHERE x.reuse_id = u.id), '[]'::json))`

const normalise = (reuse: Reuse): Reuse => ({ ...reuse, createdAt: new Date(reuse.createdAt).toISOString() })

export async function selectReusesOfDataset(db: Database, datasetId: string): Promise<Reuse[]> {
  const { rows } = await sql<{ reuse: Reuse }>`SELECT ${reuseJson} AS reuse FROM catalog.reuses u
    WHERE EXISTS (SELECT 1 FROM catalog.reuse_datasets x WHERE x.reuse_id = u.id AND x.dataset_id = ${datasetId})
    ORDER BY u.created_at DESC`.execute(db)
  return rows.map((row) => normalise(row.reuse))
}

export async function selectReuse(
  db: Database,
  id: string,
): Promise<(Reuse & { createdBy: string | null }) | undefined> {
  const { rows } = await sql<{ reuse: Reuse; created_by: string | null }>`SELECT ${reuseJson} AS reuse,
    u.created_by FROM catalog.reuses u WHERE u.id = ${id}`.execute(db)
  const row = rows[0]
  return row ? { ...normalise(row.reuse), createdBy: row.created_by } : undefined
}

export async function insertReuse(
  db: Database,
  reuse: Omit<Reuse, 'id' | 'createdAt' | 'datasets'> & { datasetIds: string[]; createdBy: string | null },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string }>`INSERT INTO catalog.reuses (kind, title, description, url,
        author, created_by)
      VALUES (${reuse.kind}, ${reuse.title}, ${reuse.description}, ${reuse.url}, ${reuse.author},
        ${reuse.createdBy}) RETURNING id`.execute(trx)
    const id = rows[0]!.id
    await sql`INSERT INTO catalog.reuse_datasets (reuse_id, dataset_id)
      SELECT ${id}, unnest(${reuse.datasetIds}::uuid[]) ON CONFLICT DO NOTHING`.execute(trx)
    return id
  })
}

export async function deleteReuseRow(db: Database, id: string): Promise<void> {
  await sql`DELETE FROM catalog.reuses WHERE id = ${id}`.execute(db)
}
