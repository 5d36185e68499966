import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { removeStoredFile } from '../datastore/file-store.ts'
import type { Dataset, Resource, ResourceCreate, ResourcePatch } from '../schemas.ts'
import { selectDatasetById } from '../store/datasets.ts'
import {
  deleteResourceRow,
  dropDatastoreTables,
  insertResource,
  selectResource,
  updateResource as updateResourceRow,
} from '../store/resources.ts'
import type { RequestFacts } from './dataset-commands.ts'
import { toDataset, toResource } from './dataset-output.ts'
import { getDatasetToChange } from './datasets.ts'
import { EDIT_ACTION, mayOnDataset } from './permissions.ts'
import { Publishers } from './publishers.ts'

const resourceNotFound = (id: string) =>
  new Problem(404, 'CATALOG_RESOURCE_NOT_FOUND', 'No such resource', `No resource ${id} is visible to you.`)

/** A resource and its dataset, if the caller may see the dataset. */
export async function getResource(
  context: ModuleContext,
  actor: Actor,
  id: string,
): Promise<{ dataset: Dataset; resource: Resource }> {
  const row = await selectResource(context.db, id)
  const datasetRow = row && (await selectDatasetById(context.db, row.dataset_id))
  if (!row || !datasetRow) throw resourceNotFound(id)
  const open = datasetRow.status !== 'draft' && datasetRow.access_level === 'open'
  if (!open && !(await mayOnDataset(context, actor, EDIT_ACTION, datasetRow))) throw resourceNotFound(id)
  const publicUrl = context.settings.publicUrl
  return {
    dataset: toDataset(datasetRow, await Publishers.load(context), publicUrl),
    resource: toResource(row, publicUrl),
  }
}

/** The resource and its dataset, when the caller may change them (404, else 403). */
export async function getResourceToChange(
  context: ModuleContext,
  actor: Actor,
  id: string,
): Promise<{ dataset: Dataset; resource: Resource }> {
  const found = await getResource(context, actor, id)
  await getDatasetToChange(context, actor, found.dataset.name, EDIT_ACTION)
  return found
}

const FORMAT_OF_LIVE = 'NGSI-LD'

export async function addResource(
  context: ModuleContext,
  actor: Actor,
  datasetName: string,
  input: ResourceCreate,
  request: RequestFacts,
): Promise<Resource> {
  const dataset = await getDatasetToChange(context, actor, datasetName, EDIT_ACTION)
  if (input.kind === 'link' && !input.url)
    throw new Problem(400, 'CATALOG_LINK_WITHOUT_URL', 'A link needs its address', 'Give "url" for a link.')
  if (input.kind === 'live' && !input.liveType)
    throw new Problem(
      400,
      'CATALOG_LIVE_WITHOUT_TYPE',
      'Live data needs its entity type',
      'Give "liveType", the NGSI-LD entity type (e.g. AirQualityObserved).',
    )
  const id = await insertResource(context.db, {
    datasetId: dataset.id,
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    format: (input.format ?? (input.kind === 'live' ? FORMAT_OF_LIVE : '')).toUpperCase(),
    url: input.kind === 'link' ? (input.url ?? null) : null,
    liveType: input.kind === 'live' ? (input.liveType ?? null) : null,
  })
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.resource.create',
    target: { type: 'resource', id },
    outcome: 'success',
    details: { dataset: dataset.name, kind: input.kind },
    requestId: request.requestId,
  })
  return (await getResource(context, actor, id)).resource
}

export async function changeResource(
  context: ModuleContext,
  actor: Actor,
  id: string,
  patch: ResourcePatch,
  request: RequestFacts,
): Promise<Resource> {
  const { resource, dataset } = await getResourceToChange(context, actor, id)
  if (patch.url !== undefined && resource.kind !== 'link')
    throw new Problem(
      400,
      'CATALOG_URL_NOT_CHANGEABLE',
      'Only a link has an address to change',
      `This resource is ${resource.kind === 'upload' ? 'an uploaded file: upload a new one' : 'live data'}.`,
    )
  await updateResourceRow(context.db, id, {
    ...patch,
    ...(patch.format ? { format: patch.format.toUpperCase() } : {}),
  })
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.resource.update',
    target: { type: 'resource', id },
    outcome: 'success',
    details: { dataset: dataset.name, fields: Object.keys(patch) },
    requestId: request.requestId,
  })
  return (await getResource(context, actor, id)).resource
}

export async function removeResource(
  context: ModuleContext,
  actor: Actor,
  id: string,
  request: RequestFacts,
): Promise<void> {
  const { dataset } = await getResourceToChange(context, actor, id)
  const filePath = (await selectResource(context.db, id))?.file_path
  await context.db.transaction().execute(async (trx) => {
    await dropDatastoreTables(trx, [id])
    await deleteResourceRow(trx, id)
  })
  if (filePath) await removeStoredFile(context.settings.filesDir, filePath).catch(() => {})
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.resource.delete',
    target: { type: 'resource', id },
    outcome: 'success',
    details: { dataset: dataset.name },
    requestId: request.requestId,
  })
}
