import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { slugify } from '../../../platform/text/slug.ts'
import { findArea } from '../../city/index.ts'
import { removeStoredFile } from '../datastore/file-store.ts'
import '../events.ts'
import type { Dataset, DatasetCreate, DatasetPatch } from '../schemas.ts'
import {
  type DatasetFields,
  deleteDatasetRow,
  insertDataset,
  nameTaken,
  selectDatasetById,
  updateDatasetFields,
  updateDatasetStatus,
} from '../store/datasets.ts'
import { dropDatastoreTables } from '../store/resources.ts'
import { getDataset, getDatasetToChange } from './datasets.ts'
import { mayInOrganisation, notAllowed } from './permissions.ts'
import { Publishers } from './publishers.ts'

const personId = (actor: Actor): string | null =>
  actor.kind === 'person' ? actor.personId : actor.kind === 'api_key' ? actor.personId : null

/** Tidy keywords: trimmed, one of each, in the order given. */
const keywordsOf = (keywords: readonly string[]) => [
  ...new Set(keywords.map((keyword) => keyword.trim()).filter(Boolean)),
]

/** A named area must be one of the city's (a neighbourhood), so search and maps can place it. */
async function checkArea(
  context: ModuleContext,
  spatial: { area?: string } | null | undefined,
): Promise<void> {
  if (!spatial?.area || (await findArea(context, spatial.area))) return
  throw new Problem(
    400,
    'CATALOG_AREA_UNKNOWN',
    'No such area',
    `No area "${spatial.area}" in the city; GET /api/cities lists the cities and /api/cities/{slug}/areas their areas.`,
  )
}

function checkTemporal(temporal: { start?: string; end?: string } | null | undefined): void {
  if (temporal?.start && temporal.end && temporal.start > temporal.end)
    throw new Problem(
      400,
      'CATALOG_TEMPORAL_REVERSED',
      'The period ends before it starts',
      `temporal.end (${temporal.end}) is before temporal.start (${temporal.start}).`,
    )
}

async function freeName(context: ModuleContext, wanted: string): Promise<string> {
  const base = wanted.slice(0, 90).replace(/-+$/, '') || 'dataset'
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`
    if (!(await nameTaken(context.db, candidate))) return candidate
  }
}

export interface RequestFacts {
  requestId: string
}

export async function createDataset(
  context: ModuleContext,
  actor: Actor,
  input: DatasetCreate,
  request: RequestFacts,
): Promise<Dataset> {
  // Fresh: the organisation may have joined a moment ago.
  const publishers = await Publishers.load(context, { fresh: true })
  const publisher = publishers.bySlug(input.organisation)
  if (!publisher)
    throw new Problem(
      400,
      'CATALOG_ORGANISATION_UNKNOWN',
      'No such organisation',
      `No organisation "${input.organisation}"; GET /api/organisations lists them.`,
    )
  if (!(await mayInOrganisation(context, actor, 'catalog.dataset.create', publisher.id)))
    throw notAllowed(`publish datasets for "${publisher.slug}"`)
  checkTemporal(input.temporal)
  await checkArea(context, input.spatial)
  if (input.name && (await nameTaken(context.db, input.name)))
    throw new Problem(
      409,
      'CATALOG_NAME_TAKEN',
      'That name is taken',
      `Another dataset is called "${input.name}"; choose another name or leave it out to have one made from the title.`,
    )
  const name = input.name ?? (await freeName(context, slugify(input.title.ro)))
  const fields: DatasetFields = {
    title: input.title,
    description: input.description,
    keywords: keywordsOf(input.keywords ?? []),
    themes: [...new Set(input.themes ?? [])],
    licence: input.licence,
    accessLevel: input.accessLevel ?? 'open',
    spatialArea: input.spatial?.area ?? null,
    spatialGeometry: input.spatial?.geometry ?? null,
    temporalStart: input.temporal?.start ?? null,
    temporalEnd: input.temporal?.end ?? null,
    frequency: input.frequency ?? 'UNKNOWN',
    contactPoint: input.contactPoint ?? null,
    version: input.version ?? null,
  }
  const id = await insertDataset(context.db, {
    ...fields,
    name,
    organisationId: publisher.id,
    createdBy: personId(actor),
  })
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.dataset.create',
    target: { type: 'dataset', id },
    outcome: 'success',
    details: { name, organisation: publisher.slug },
    requestId: request.requestId,
  })
  context.events.emit('DatasetChanged', { datasetId: id, name, change: 'created' })
  return getDataset(context, actor, name)
}

export async function updateDataset(
  context: ModuleContext,
  actor: Actor,
  name: string,
  patch: DatasetPatch,
  request: RequestFacts,
): Promise<Dataset> {
  const dataset = await getDatasetToChange(context, actor, name, 'catalog.dataset.update')
  const temporal = patch.temporal === undefined ? dataset.temporal : patch.temporal
  checkTemporal(temporal)
  const spatial = patch.spatial === undefined ? dataset.spatial : patch.spatial
  if (patch.spatial !== undefined) await checkArea(context, patch.spatial)
  await updateDatasetFields(context.db, dataset.id, {
    title: patch.title ?? dataset.title,
    description: patch.description ?? dataset.description,
    keywords: keywordsOf(patch.keywords ?? dataset.keywords),
    themes: [...new Set(patch.themes ?? dataset.themes)],
    licence: patch.licence ?? dataset.licence,
    accessLevel: patch.accessLevel ?? dataset.accessLevel,
    spatialArea: spatial?.area ?? null,
    spatialGeometry: spatial?.geometry ?? null,
    temporalStart: temporal?.start ?? null,
    temporalEnd: temporal?.end ?? null,
    frequency: patch.frequency ?? dataset.frequency,
    contactPoint: patch.contactPoint === undefined ? dataset.contactPoint : patch.contactPoint,
    version: patch.version === undefined ? dataset.version : patch.version,
  })
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.dataset.update',
    target: { type: 'dataset', id: dataset.id },
    outcome: 'success',
    details: { name, fields: Object.keys(patch) },
    requestId: request.requestId,
  })
  context.events.emit('DatasetChanged', { datasetId: dataset.id, name, change: 'updated' })
  return getDataset(context, actor, name)
}

export async function setDatasetStatus(
  context: ModuleContext,
  actor: Actor,
  name: string,
  status: Dataset['status'],
  request: RequestFacts,
): Promise<Dataset> {
  const dataset = await getDatasetToChange(context, actor, name, 'catalog.dataset.update')
  if (status === 'published' && dataset.resources.length === 0)
    throw new Problem(
      409,
      'CATALOG_NOTHING_TO_PUBLISH',
      'The dataset has no data yet',
      'Upload a file or add a link or live data before publishing.',
    )
  await updateDatasetStatus(context.db, dataset.id, status)
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: `catalog.dataset.${status === 'published' ? 'publish' : status === 'archived' ? 'archive' : 'unpublish'}`,
    target: { type: 'dataset', id: dataset.id },
    outcome: 'success',
    details: { name, from: dataset.status, to: status },
    requestId: request.requestId,
  })
  context.events.emit('DatasetChanged', { datasetId: dataset.id, name, change: 'status' })
  return getDataset(context, actor, name)
}

/** Removes the dataset, its resources and their datastore tables, in one transaction. */
export async function deleteDataset(
  context: ModuleContext,
  actor: Actor,
  name: string,
  request: RequestFacts,
): Promise<void> {
  const dataset = await getDatasetToChange(context, actor, name, 'catalog.dataset.delete')
  const files = (await selectDatasetById(context.db, dataset.id))?.resources.flatMap(
    (resource) => resource.file_path ?? [],
  )
  await context.db.transaction().execute(async (trx) => {
    await dropDatastoreTables(
      trx,
      dataset.resources.map((resource) => resource.id),
    )
    await deleteDatasetRow(trx, dataset.id)
  })
  for (const file of files ?? []) await removeStoredFile(context.settings.filesDir, file).catch(() => {})
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.dataset.delete',
    target: { type: 'dataset', id: dataset.id },
    outcome: 'success',
    details: { name, resources: dataset.resources.length },
    requestId: request.requestId,
  })
  context.events.emit('DatasetChanged', { datasetId: dataset.id, name, change: 'deleted' })
}
