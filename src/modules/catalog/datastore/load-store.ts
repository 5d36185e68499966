import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { BadRow, LoadColumn, LoadStatus } from './load-schemas.ts'
import type { FileLayout } from './read-source.ts'

export interface LoadRow {
  id: string
  dataset_id: string
  dataset_name: string
  resource_id: string | null
  status: LoadStatus
  file_name: string
  file_path: string
  media_type: string | null
  byte_size: number
  checksum: string
  layout: FileLayout
  columns: LoadColumn[]
  preview_rows: (string | null)[][]
  resource_title: string | null
  bytes_read: number
  rows_loaded: number
  errors: BadRow[]
  error_count: number
  created_at: Date
  started_at: Date | null
  finished_at: Date | null
}

export interface NewLoad {
  id: string
  datasetId: string
  fileName: string
  filePath: string
  mediaType: string | null
  byteSize: number
  checksum: string
  layout: FileLayout
  columns: LoadColumn[]
  rows: (string | null)[][]
  createdBy: string | null
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`

export async function insertLoad(db: Database, load: NewLoad): Promise<void> {
  await sql`INSERT INTO catalog.loads (id, dataset_id, file_name, file_path, media_type, byte_size, checksum,
      layout, columns, preview_rows, created_by)
    VALUES (${load.id}, ${load.datasetId}, ${load.fileName}, ${load.filePath}, ${load.mediaType}, ${load.byteSize},
      ${load.checksum}, ${json(load.layout)}, ${json(load.columns)}, ${json(load.rows)}, ${load.createdBy})`.execute(
    db,
  )
}

export async function selectLoad(db: Database, id: string): Promise<LoadRow | undefined> {
  const { rows } =
    await sql<LoadRow>`SELECT l.id, l.dataset_id, d.name AS dataset_name, l.resource_id, l.status,
      l.file_name, l.file_path, l.media_type, l.byte_size, l.checksum, l.layout, l.columns, l.preview_rows,
      l.resource_title, l.bytes_read, l.rows_loaded, l.errors, l.error_count, l.created_at, l.started_at,
      l.finished_at
    FROM catalog.loads l JOIN catalog.datasets d ON d.id = l.dataset_id WHERE l.id = ${id}`.execute(db)
  return rows[0]
}

/** Claims a load for running; false when it is already running or loaded. */
export async function markLoading(
  db: Database,
  id: string,
  start: {
    resourceId: string
    columns: LoadColumn[]
    resourceTitle: string | null
    startedBy: string | null
    runner: string
  },
): Promise<boolean> {
  const result = await sql`UPDATE catalog.loads SET status = 'loading', resource_id = ${start.resourceId},
      columns = ${json(start.columns)}, resource_title = ${start.resourceTitle}, started_by = ${start.startedBy},
      runner = ${start.runner}, heartbeat_at = now(), started_at = now(), finished_at = NULL, bytes_read = 0,
      rows_loaded = 0, errors = '[]', error_count = 0
    WHERE id = ${id} AND status IN ('previewed', 'failed')`.execute(db)
  return Number(result.numAffectedRows ?? 0) === 1
}

export async function updateProgress(
  db: Database,
  id: string,
  bytesRead: number,
  rows: number,
): Promise<void> {
  await sql`UPDATE catalog.loads SET bytes_read = ${bytesRead}, rows_loaded = ${rows}, heartbeat_at = now()
    WHERE id = ${id} AND status = 'loading'`.execute(db)
}

export async function markFailed(
  db: Database,
  id: string,
  errors: BadRow[],
  errorCount: number,
): Promise<void> {
  await sql`UPDATE catalog.loads SET status = 'failed', errors = ${json(errors)}, error_count = ${errorCount},
      finished_at = now() WHERE id = ${id}`.execute(db)
}

export async function markLoaded(db: Database, id: string, bytesRead: number, rows: number): Promise<void> {
  await sql`UPDATE catalog.loads SET status = 'loaded', bytes_read = ${bytesRead}, rows_loaded = ${rows},
      finished_at = now() WHERE id = ${id}`.execute(db)
}

export interface RunningLoad {
  id: string
  runner: string | null
  silent_seconds: number
}

export async function selectRunningLoads(db: Database): Promise<RunningLoad[]> {
  const { rows } = await sql<RunningLoad>`SELECT id, runner,
      extract(epoch FROM now() - coalesce(heartbeat_at, started_at, created_at))::float8 AS silent_seconds
    FROM catalog.loads WHERE status = 'loading'`.execute(db)
  return rows
}

/** The name a stored file was uploaded with, for downloads. */
export async function selectLoadedFileName(db: Database, resourceId: string): Promise<string | undefined> {
  const { rows } = await sql<{ file_name: string }>`SELECT file_name FROM catalog.loads
    WHERE resource_id = ${resourceId} AND status = 'loaded' ORDER BY finished_at DESC LIMIT 1`.execute(db)
  return rows[0]?.file_name
}
