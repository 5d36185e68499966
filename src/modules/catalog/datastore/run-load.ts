import { CopyRowError } from '../../../platform/db/copy-statement.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { listCities } from '../../city/index.ts'
import {
  insertResource,
  selectResource,
  updateResourceDatastore,
  updateResourceFile,
} from '../store/resources.ts'
import { BadRows } from './bad-rows.ts'
import { copyText, type ReadState } from './copy-rows.ts'
import {
  createStagingTable,
  DATASTORE_SCHEMA,
  dropTable,
  finishStagingTable,
  replaceTable,
  stagingName,
} from './datastore-table.ts'
import { removeStoredFile, storedPath } from './file-store.ts'
import { LineMap } from './line-map.ts'
import { type LoadRow, markFailed, markLoaded, selectLoad, updateProgress } from './load-store.ts'
import { openRecords } from './read-source.ts'

export interface LoadProgress {
  bytesRead: number
  bytesTotal: number
  rows: number
}

const PROGRESS_EVERY_MS = 1000

const FORMATS = {
  csv: { format: 'CSV', mediaType: 'text/csv' },
  json: { format: 'JSON', mediaType: 'application/json' },
  geojson: { format: 'GEOJSON', mediaType: 'application/geo+json' },
} as const

/**
 * Loads a started load's file into its resource's table: rows converted and copied into a staging
 * table, which then replaces the resource's table in one short transaction. Any bad row refuses
 * the whole load and leaves the resource as it was.
 */
export async function runLoad(
  context: ModuleContext,
  loadId: string,
  onProgress: (progress: LoadProgress) => void = () => {},
): Promise<LoadRow> {
  const load = await selectLoad(context.db, loadId)
  if (load?.status !== 'loading' || !load.resource_id) throw new Error(`Load ${loadId} is not started`)
  const resourceId = load.resource_id
  const staging = stagingName(resourceId, load.id)
  const state: ReadState = { rows: 0, badRows: new BadRows(), lines: new LineMap() }
  const source = openRecords(storedPath(context.settings.filesDir, load.file_path), load.layout)
  let reported = performance.now()
  const report = async (force = false) => {
    if (!force && performance.now() - reported < PROGRESS_EVERY_MS) return
    reported = performance.now()
    const bytesRead = Math.min(source.bytesRead(), load.byte_size)
    onProgress({ bytesRead, bytesTotal: load.byte_size, rows: state.rows })
    await updateProgress(context.db, load.id, bytesRead, state.rows)
  }
  try {
    await createStagingTable(context.db, staging, load.columns)
    const timeZone = (await listCities(context))[0]?.timeZone
    try {
      await context.bulk.copyRows(
        {
          schema: DATASTORE_SCHEMA,
          table: staging,
          columns: ['_id', ...load.columns.map((column) => column.name)],
          ...(timeZone ? { timeZone } : {}),
        },
        copyText(source, load.layout, load.columns, state, report),
      )
    } catch (error) {
      if (!(error instanceof CopyRowError)) throw error
      const row = error.row ?? 0
      state.badRows.add({
        line: state.lines.lineOf(row),
        reason: `The database refused the row: ${error.message}`,
      })
    }
    if (state.badRows.count > 0) {
      await dropTable(context.db, staging)
      await markFailed(context.db, load.id, state.badRows.kept, state.badRows.count)
      return (await selectLoad(context.db, load.id))!
    }
    await report(true)
    await finishStagingTable(context.db, staging, load.columns)
    await swapIn(context, load, staging, state.rows)
    onProgress({ bytesRead: load.byte_size, bytesTotal: load.byte_size, rows: state.rows })
  } catch (error) {
    await dropTable(context.db, staging).catch(() => {})
    const reason = error instanceof Error ? error.message : String(error)
    await markFailed(context.db, load.id, [{ line: 0, reason: `The load failed: ${reason}` }], 1)
    context.log.error({ err: error, load: load.id }, 'catalog load failed')
  } finally {
    await source.batches.return(undefined)
  }
  return (await selectLoad(context.db, load.id))!
}

export const INDEX_JOB = 'catalog.index_datastore'

/** One short transaction: the new table replaces the old, the resource records its file and columns. */
async function swapIn(context: ModuleContext, load: LoadRow, staging: string, rows: number): Promise<void> {
  const resourceId = load.resource_id!
  const { format, mediaType } = FORMATS[load.layout.format]
  const previous = await selectResource(context.db, resourceId)
  await context.db.transaction().execute(async (trx) => {
    await replaceTable(trx, resourceId, staging)
    if (!previous) {
      await insertResource(trx, {
        id: resourceId,
        datasetId: load.dataset_id,
        kind: 'upload',
        title: { ro: load.resource_title ?? load.file_name },
        format,
        mediaType,
      })
    }
    await updateResourceFile(trx, resourceId, {
      filePath: load.file_path,
      byteSize: load.byte_size,
      checksum: load.checksum,
      format,
      mediaType,
    })
    await updateResourceDatastore(trx, resourceId, {
      columns: load.columns.map(({ name, type }) => ({ name, type })),
      rowCount: rows,
    })
    await markLoaded(trx, load.id, load.byte_size, rows)
  })
  await context.jobs.enqueue(INDEX_JOB, { resourceId }, { key: `${INDEX_JOB}:${resourceId}:${load.id}` })
  if (previous?.file_path && previous.file_path !== load.file_path)
    await removeStoredFile(context.settings.filesDir, previous.file_path).catch(() => {})
}
