import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { can } from '../../identity/index.ts'
import type { Reuse, ReuseCreate } from '../schemas.ts'
import { deleteReuseRow, insertReuse, selectReuse, selectReusesOfDataset } from '../store/reuses.ts'
import type { RequestFacts } from './dataset-commands.ts'
import { findDatasetRow, getDataset } from './datasets.ts'
import { datasetNotFound } from './permissions.ts'

export async function listReuses(
  context: ModuleContext,
  actor: Actor,
  datasetName: string,
): Promise<Reuse[]> {
  const dataset = await getDataset(context, actor, datasetName)
  return selectReusesOfDataset(context.db, dataset.id)
}

/** Anyone signed in may record what they built; it names only datasets they can see. */
export async function recordReuse(
  context: ModuleContext,
  actor: Actor,
  input: ReuseCreate,
  request: RequestFacts,
): Promise<Reuse> {
  const datasetIds: string[] = []
  for (const name of new Set(input.datasets)) {
    const row = await findDatasetRow(context, actor, name)
    if (!row || row.status === 'draft') throw datasetNotFound(name)
    datasetIds.push(row.id)
  }
  const createdBy =
    actor.kind === 'person' ? actor.personId : actor.kind === 'api_key' ? actor.personId : null
  const id = await insertReuse(context.db, {
    kind: input.kind,
    title: input.title.trim(),
    description: input.description?.trim() ?? '',
    url: input.url,
    author: input.author.trim(),
    datasetIds,
    createdBy,
  })
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.reuse.create',
    target: { type: 'reuse', id },
    outcome: 'success',
    details: { datasets: input.datasets },
    requestId: request.requestId,
  })
  return (await selectReuse(context.db, id))!
}

/** Its author or a moderator removes a reuse (spam, a dead app). */
export async function removeReuse(
  context: ModuleContext,
  actor: Actor,
  id: string,
  request: RequestFacts,
): Promise<void> {
  const reuse = await selectReuse(context.db, id)
  if (!reuse) throw new Problem(404, 'CATALOG_REUSE_NOT_FOUND', 'No such reuse', `No reuse ${id}.`)
  const author = actor.kind === 'person' && reuse.createdBy === actor.personId
  if (!author && !(await can(context.db, actor, 'catalog.reuse.moderate')))
    throw new Problem(
      403,
      'CATALOG_NOT_ALLOWED',
      'Not allowed',
      'Only its author or a data steward may remove a reuse.',
    )
  await deleteReuseRow(context.db, id)
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'catalog.reuse.delete',
    target: { type: 'reuse', id },
    outcome: 'success',
    details: { title: reuse.title, byAuthor: author },
    requestId: request.requestId,
  })
}
