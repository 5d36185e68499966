import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { getDatasetToChange } from '../service/datasets.ts'
import { selectResource } from '../store/resources.ts'
import { AnalysisError, analyseFile } from './analyse.ts'
import { columnNames } from './column-names.ts'
import { removeStoredFile, type StoredFile, storedPath, storeFile } from './file-store.ts'
import type { Load, LoadColumn, LoadStart } from './load-schemas.ts'
import {
  insertLoad,
  type LoadRow,
  markFailed,
  markLoading,
  selectLoad,
  selectRunningLoads,
} from './load-store.ts'
import { type LoadProgress, runLoad } from './run-load.ts'

export const UPLOAD_ACTION = 'catalog.dataset.upload'

/** This process, as the runner of the loads it starts. */
const RUNNER = `${hostname()}:${process.pid}`
/** Loads this process is running now (a restart in the same process must not fail them). */
const running = new Set<string>()
/** A load that has not reported for this long has lost its process. */
const SILENT_SECONDS = 120

export interface RequestFacts {
  requestId: string
}

const loadNotFound = (id: string) =>
  new Problem(404, 'CATALOG_LOAD_NOT_FOUND', 'No such load', `No load ${id} is visible to you.`)

/** Stores an uploaded file, reads its start, and records the preview the publisher checks. */
export async function uploadFile(
  context: ModuleContext,
  actor: Actor,
  datasetName: string,
  body: Readable,
  file: { name: string; mediaType: string | null },
  request: RequestFacts,
): Promise<Load> {
  const dataset = await getDatasetToChange(context, actor, datasetName, UPLOAD_ACTION)
  const id = randomUUID()
  const stored = await storeFile(
    context.settings.filesDir,
    `${id}${safeExtension(file.name)}`,
    body,
    context.settings.uploadLimitBytes,
  )
  await recordLoad(context, id, dataset.id, stored, file, actorPerson(actor))
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.dataset.upload',
    target: { type: 'dataset', id: dataset.id },
    outcome: 'success',
    details: { dataset: dataset.name, load: id, bytes: stored.byteSize, sha256: stored.sha256 },
    requestId: request.requestId,
  })
  return toLoad((await selectLoad(context.db, id))!)
}

/** Analyses a stored file and records it as a previewed load; an unreadable file is removed and refused. */
export async function recordLoad(
  context: ModuleContext,
  id: string,
  datasetId: string,
  stored: StoredFile,
  file: { name: string; mediaType: string | null },
  createdBy: string | null,
): Promise<void> {
  try {
    const analysis = await analyseFile(
      storedPath(context.settings.filesDir, stored.path),
      file.name,
      file.mediaType ?? undefined,
    )
    await insertLoad(context.db, {
      id,
      datasetId,
      fileName: file.name,
      filePath: stored.path,
      mediaType: file.mediaType,
      byteSize: stored.byteSize,
      checksum: stored.sha256,
      layout: analysis.layout,
      columns: analysis.columns,
      rows: analysis.rows,
      createdBy,
    })
  } catch (error) {
    await removeStoredFile(context.settings.filesDir, stored.path)
    if (error instanceof AnalysisError)
      throw new Problem(422, 'CATALOG_FILE_UNREADABLE', 'The file cannot be read', error.message)
    throw error
  }
}

/** A load, for those who may upload to its dataset. */
export async function getLoad(context: ModuleContext, actor: Actor, id: string): Promise<Load> {
  return toLoad(await loadToChange(context, actor, id))
}

async function loadToChange(context: ModuleContext, actor: Actor, id: string): Promise<LoadRow> {
  const load = await selectLoad(context.db, id)
  if (!load) throw loadNotFound(id)
  try {
    await getDatasetToChange(context, actor, load.dataset_name, UPLOAD_ACTION)
  } catch (error) {
    if (error instanceof Problem && error.status === 404) throw loadNotFound(id)
    throw error
  }
  return load
}

/**
 * Starts loading with the publisher's names and types, in the background; the answer is the
 * load, now `loading`, whose progress GET /api/catalog/loads/:id shows.
 */
export async function startLoad(
  context: ModuleContext,
  actor: Actor,
  id: string,
  input: LoadStart,
  request: RequestFacts,
): Promise<Load> {
  const load = await loadToChange(context, actor, id)
  const started = await claimLoad(context, load, input, actorPerson(actor))
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.load.start',
    target: { type: 'resource', id: started.resourceId },
    outcome: 'success',
    details: { dataset: load.dataset_name, load: id, replaces: input.resourceId ?? null },
    requestId: request.requestId,
  })
  running.add(id)
  runLoad(context, id)
    .catch((error: unknown) => context.log.error({ err: error, load: id }, 'catalog load failed'))
    .finally(() => running.delete(id))
  return toLoad((await selectLoad(context.db, id))!)
}

/** Checks the publisher's columns and marks the load as running; 409 when it already runs or ran. */
export async function claimLoad(
  context: ModuleContext,
  load: LoadRow,
  input: LoadStart,
  startedBy: string | null,
): Promise<{ resourceId: string }> {
  const columns = correctedColumns(load.columns, input.columns)
  let resourceId: string = randomUUID()
  if (input.resourceId) {
    const resource = await selectResource(context.db, input.resourceId)
    if (!resource || resource.dataset_id !== load.dataset_id || resource.kind !== 'upload')
      throw new Problem(
        422,
        'CATALOG_RESOURCE_NOT_REPLACEABLE',
        'That resource cannot be replaced',
        `Resource ${input.resourceId} is not an uploaded file of dataset "${load.dataset_name}".`,
      )
    resourceId = resource.id
  }
  const claimed = await markLoading(context.db, load.id, {
    resourceId,
    columns,
    resourceTitle: input.resourceTitle ?? null,
    startedBy,
    runner: RUNNER,
  })
  if (!claimed)
    throw new Problem(
      409,
      'CATALOG_LOAD_NOT_STARTABLE',
      'The load cannot start',
      `This load is ${load.status}; upload the file again to load it once more.`,
    )
  return { resourceId }
}

function correctedColumns(detected: readonly LoadColumn[], given: LoadStart['columns']): LoadColumn[] {
  if (given.length !== detected.length)
    throw new Problem(
      422,
      'CATALOG_COLUMNS_MISMATCH',
      'The columns do not match the file',
      `The file has ${detected.length} columns; give a name and type for each, in order.`,
    )
  const names = given.map((column) => column.name.trim())
  const unique = columnNames(names)
  const clash = names.findIndex((name, index) => name !== unique[index])
  if (clash >= 0)
    throw new Problem(
      422,
      'CATALOG_COLUMN_NAME_INVALID',
      'A column name cannot be used',
      `Column ${clash + 1} ("${names[clash]}") is empty, repeated, reserved (_id) or longer than 63 bytes.`,
    )
  return detected.map((column, index) => ({ ...column, name: names[index]!, type: given[index]!.type }))
}

/**
 * Runs a load here and now (the command line and the demo), reporting progress; the caller has
 * checked permissions.
 */
export async function runLoadNow(
  context: ModuleContext,
  id: string,
  onProgress?: (progress: LoadProgress) => void,
): Promise<Load> {
  running.add(id)
  try {
    return toLoad(await runLoad(context, id, onProgress))
  } finally {
    running.delete(id)
  }
}

/** At start: a load left `loading` by a process that is gone failed; nothing of it is visible. */
export async function failInterruptedLoads(context: ModuleContext): Promise<number> {
  const [host] = RUNNER.split(':')
  const abandoned = (await selectRunningLoads(context.db)).filter((load) => {
    if (running.has(load.id)) return false
    if (load.silent_seconds > SILENT_SECONDS || !load.runner) return true
    const [runnerHost, pid] = load.runner.split(':')
    return runnerHost === host && (Number(pid) === process.pid || !isAlive(Number(pid)))
  })
  for (const load of abandoned) {
    await markFailed(
      context.db,
      load.id,
      [{ line: 0, reason: 'The load was interrupted (the server stopped); start it again.' }],
      1,
    )
  }
  return abandoned.length
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

function actorPerson(actor: Actor): string | null {
  return actor.kind === 'anonymous' ? null : actor.personId
}

function safeExtension(name: string): string {
  const extension = extname(name).toLowerCase()
  return /^\.[a-z0-9]{1,10}$/.test(extension) ? extension : ''
}

export function toLoad(row: LoadRow): Load {
  const { layout } = row
  const csv = layout.format === 'csv'
  return {
    id: row.id,
    dataset: row.dataset_name,
    resourceId: row.resource_id,
    status: row.status,
    file: { name: row.file_name, mediaType: row.media_type, byteSize: row.byte_size, sha256: row.checksum },
    format: layout.format,
    encoding: layout.encoding,
    bom: layout.bom,
    ...(csv
      ? { delimiter: layout.delimiter ?? ',', quote: layout.quote ?? '"', header: layout.header ?? true }
      : {}),
    decimalComma: csv && layout.delimiter !== ',',
    columns: row.columns,
    rows: row.preview_rows,
    progress: { bytesRead: row.bytes_read, bytesTotal: row.byte_size, rows: row.rows_loaded },
    errors: row.errors,
    errorCount: row.error_count,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  }
}
