import { createReadStream, type ReadStream } from 'node:fs'
import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { getResource } from '../service/resources.ts'
import { selectResource } from '../store/resources.ts'
import { recordUsage } from '../usage.ts'
import { storedFileSize, storedPath } from './file-store.ts'
import { selectLoadedFileName } from './load-store.ts'

export interface Download {
  stream: ReadStream
  fileName: string
  mediaType: string
  byteSize: number
  sha256: string | null
}

/** The original file of an uploaded resource, for anyone who may see its dataset; counted as a download. */
export async function openDownload(
  context: ModuleContext,
  actor: Actor,
  resourceId: string,
): Promise<Download> {
  const { dataset } = await getResource(context, actor, resourceId)
  const row = await selectResource(context.db, resourceId)
  const size = row?.file_path ? await storedFileSize(context.settings.filesDir, row.file_path) : undefined
  if (!row?.file_path || size === undefined)
    throw new Problem(
      404,
      'CATALOG_FILE_NOT_FOUND',
      'No file to download',
      `Resource ${resourceId} has no uploaded file; its "url" says where its data is.`,
    )
  const extension = row.format ? `.${row.format.toLowerCase()}` : ''
  const fileName = (await selectLoadedFileName(context.db, resourceId)) ?? `${resourceId}${extension}`
  recordUsage(context, dataset.id, 'download')
  return {
    stream: createReadStream(storedPath(context.settings.filesDir, row.file_path)),
    fileName,
    mediaType: row.media_type ?? 'application/octet-stream',
    byteSize: size,
    sha256: row.checksum,
  }
}
