import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { Dataset, Resource } from '../schemas.ts'
import { getResource } from '../service.ts'
import { recordUsage } from '../usage.ts'
import { queryRecords, type RecordPage, type RecordQuery, type RecordTable } from './record-query.ts'

export interface LoadedResource {
  dataset: Dataset
  resource: Resource
  table: RecordTable
}

/** A resource with a datastore table, if the caller may see its dataset (404 otherwise, as for a missing one). */
export async function getLoadedResource(
  context: ModuleContext,
  actor: Actor,
  resourceId: string,
): Promise<LoadedResource> {
  const { dataset, resource } = await getResource(context, actor, resourceId)
  if (!resource.datastore)
    throw new Problem(
      404,
      'CATALOG_DATASTORE_NOT_FOUND',
      'This resource has no table',
      `Resource ${resourceId} has no rows loaded to query; download it from its URL instead.`,
    )
  const table = {
    resourceId,
    columns: resource.datastore.columns,
    rowCount: resource.datastore.rowCount,
    loadedAt: resource.datastore.loadedAt,
  }
  return { dataset, resource, table }
}

/** One page of a resource's records, counted as an API call on its dataset. */
export async function readRecords(
  context: ModuleContext,
  actor: Actor,
  resourceId: string,
  query: RecordQuery,
): Promise<RecordPage & LoadedResource> {
  const loaded = await getLoadedResource(context, actor, resourceId)
  const page = await queryRecords(context.db, loaded.table, query)
  recordUsage(context, loaded.dataset.id, 'api_call')
  return { ...page, ...loaded }
}
