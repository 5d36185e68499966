import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import type { Column } from '../schemas.ts'
import { type ResourceRow, resourceJson } from './dataset-rows.ts'

export async function selectResource(db: Database, id: string): Promise<ResourceRow | undefined> {
  const { rows } = await sql<{ resource: ResourceRow }>`SELECT ${resourceJson} AS resource
    FROM catalog.resources r WHERE r.id = ${id}`.execute(db)
  return rows[0]?.resource
}

export interface NewResource {
  /** Chosen by the caller when a file is stored under the id before the row exists. */
  id?: string
  datasetId: string
  kind: 'upload' | 'link' | 'live'
  title: LocalizedText
  description?: LocalizedText | null
  format: string
  mediaType?: string | null
  url?: string | null
  liveType?: string | null
}

/** Adds a resource at the end of its dataset's list. */
export async function insertResource(db: Database, row: NewResource): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO catalog.resources (id, dataset_id, position, kind, title, description, format, media_type,
      url, live_type)
    VALUES (coalesce(${row.id ?? null}::uuid, gen_random_uuid()), ${row.datasetId},
      (SELECT coalesce(max(position) + 1, 0) FROM catalog.resources WHERE dataset_id = ${row.datasetId}),
      ${row.kind}, ${JSON.stringify(row.title)}::jsonb,
      ${row.description ? JSON.stringify(row.description) : null}::jsonb, ${row.format},
      ${row.mediaType ?? null}, ${row.url ?? null}, ${row.liveType ?? null})
    RETURNING id`.execute(db)
  await touchDatasetOf(db, rows[0]!.id)
  return rows[0]!.id
}

export interface ResourceChanges {
  title?: LocalizedText
  description?: LocalizedText | null
  format?: string
  url?: string
  position?: number
}

export async function updateResource(db: Database, id: string, changes: ResourceChanges): Promise<void> {
  await sql`UPDATE catalog.resources SET
      title = coalesce(${changes.title ? JSON.stringify(changes.title) : null}::jsonb, title),
      description = CASE WHEN ${changes.description !== undefined} THEN
        ${changes.description ? JSON.stringify(changes.description) : null}::jsonb ELSE description END,
      format = coalesce(${changes.format ?? null}, format),
      url = coalesce(${changes.url ?? null}, url),
      position = coalesce(${changes.position ?? null}::int, position),
      modified_at = now()
    WHERE id = ${id}`.execute(db)
  await touchDatasetOf(db, id)
}

/** Records the stored file of an upload. */
export async function updateResourceFile(
  db: Database,
  id: string,
  file: { filePath: string; byteSize: number; checksum: string; format: string; mediaType: string | null },
): Promise<void> {
  await sql`UPDATE catalog.resources SET file_path = ${file.filePath}, byte_size = ${file.byteSize},
      checksum = ${file.checksum}, format = ${file.format}, media_type = ${file.mediaType}, modified_at = now()
    WHERE id = ${id}`.execute(db)
  await touchDatasetOf(db, id)
}

/** Records the rows loaded into the resource's datastore table. */
export async function updateResourceDatastore(
  db: Database,
  id: string,
  datastore: { columns: Column[]; rowCount: number },
): Promise<void> {
  await sql`UPDATE catalog.resources SET datastore_columns = ${JSON.stringify(datastore.columns)}::jsonb,
      row_count = ${datastore.rowCount}, loaded_at = now(), modified_at = now()
    WHERE id = ${id}`.execute(db)
  await touchDatasetOf(db, id)
}

export async function deleteResourceRow(db: Database, id: string): Promise<void> {
  await touchDatasetOf(db, id)
  await sql`DELETE FROM catalog.resources WHERE id = ${id}`.execute(db)
}

const touchDatasetOf = async (db: Database, resourceId: string) => {
  await sql`UPDATE catalog.datasets SET modified = now()
    WHERE id = (SELECT dataset_id FROM catalog.resources WHERE id = ${resourceId})`.execute(db)
}

/** Drops the datastore tables of these resources, where they have one. */
export async function dropDatastoreTables(db: Database, resourceIds: readonly string[]): Promise<void> {
  for (const id of resourceIds)
    await sql`DROP TABLE IF EXISTS ${sql.table(`catalog_datastore.${id}`)}`.execute(db)
}
