import { randomUUID } from 'node:crypto'
import { basename, extname } from 'node:path'
import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import type { DemoFileLoader } from '../demo/demo-catalogue.ts'
import type { ColumnType } from '../schemas.ts'
import { storeLocalFile } from './file-store.ts'
import type { Load } from './load-schemas.ts'
import { selectLoad } from './load-store.ts'
import { claimLoad, recordLoad, runLoadNow } from './loads.ts'
import type { LoadProgress } from './run-load.ts'

export interface ImportRequest {
  datasetId: string
  /** A file on this machine. */
  path: string
  title?: string | undefined
  /** Types to use instead of the inferred ones, by column name. */
  types?: Record<string, ColumnType>
  /** Replace this uploaded resource's file and table. */
  resourceId?: string | undefined
  createdBy: string | null
}

const MEDIA_TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/csv',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
}

/**
 * A local file through the same path as an upload (stored, analysed, loaded), run here rather
 * than in the background; the caller has checked who may do it. Unknown column names in `types`
 * are refused before anything loads.
 */
export async function importFile(
  context: ModuleContext,
  request: ImportRequest,
  onProgress?: (progress: LoadProgress) => void,
): Promise<Load> {
  const id = randomUUID()
  const extension = extname(request.path).toLowerCase()
  const stored = await storeLocalFile(
    context.settings.filesDir,
    `${id}${/^\.[a-z0-9]{1,10}$/.test(extension) ? extension : ''}`,
    request.path,
    Number.MAX_SAFE_INTEGER,
  )
  const name = basename(request.path)
  await recordLoad(
    context,
    id,
    request.datasetId,
    stored,
    { name, mediaType: MEDIA_TYPES[extension] ?? null },
    request.createdBy,
  )
  const load = (await selectLoad(context.db, id))!
  const types = request.types ?? {}
  const unknown = Object.keys(types).filter((column) => !load.columns.some((c) => c.name === column))
  if (unknown.length > 0)
    throw new Error(
      `The file has no column ${unknown.map((c) => `"${c}"`).join(', ')}; its columns are ${load.columns.map((c) => c.name).join(', ')}.`,
    )
  await claimLoad(
    context,
    load,
    {
      columns: load.columns.map((column) => ({ name: column.name, type: types[column.name] ?? column.type })),
      ...(request.title ? { resourceTitle: request.title } : {}),
      ...(request.resourceId ? { resourceId: request.resourceId } : {}),
    },
    request.createdBy,
  )
  return runLoadNow(context, id, onProgress)
}

/** The demo pack's files, loaded with the types inferred; a file that does not load stops the demo. */
export const loadDemoFile: DemoFileLoader = async (
  context,
  dataset,
  file: { absolutePath: string; title: LocalizedText },
) => {
  const load = await importFile(context, {
    datasetId: dataset.id,
    path: file.absolutePath,
    title: file.title.ro,
    createdBy: null,
  })
  if (load.status !== 'loaded')
    throw new Error(
      `Demo file ${file.absolutePath} did not load: ${load.errors.map((e) => `line ${e.line}: ${e.reason}`).join('; ')}`,
    )
}
