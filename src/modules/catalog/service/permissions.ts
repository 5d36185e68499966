import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { can } from '../../identity/index.ts'
import type { DatasetQuery } from '../store/dataset-search.ts'
import type { Publishers } from './publishers.ts'

/** No organisation has this id: asking about it tells whether a right holds everywhere (a platform role). */
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000'

export const EDIT_ACTION = 'catalog.dataset.update'

export function mayOnDataset(
  context: ModuleContext,
  actor: Actor,
  action: string,
  dataset: { id: string; organisation_id: string },
): Promise<boolean> {
  if (actor.kind === 'anonymous') return Promise.resolve(false)
  return can(context.db, actor, action, {
    organisationId: dataset.organisation_id,
    resource: { type: 'dataset', id: dataset.id },
  })
}

export async function mayInOrganisation(
  context: ModuleContext,
  actor: Actor,
  action: string,
  organisationId: string,
): Promise<boolean> {
  if (actor.kind === 'anonymous') return false
  return can(context.db, actor, action, { organisationId })
}

/** What the caller sees beyond open published datasets: everything, or their organisations' own. */
export async function visibilityOf(
  context: ModuleContext,
  actor: Actor,
  publishers: Publishers,
): Promise<DatasetQuery['visibility']> {
  if (actor.kind === 'anonymous') return { all: false, organisationIds: [] }
  if (await can(context.db, actor, EDIT_ACTION, { organisationId: NO_ORGANISATION })) return { all: true }
  if (!(await can(context.db, actor, EDIT_ACTION))) return { all: false, organisationIds: [] }
  const organisationIds: string[] = []
  for (const publisher of publishers.all()) {
    if (await can(context.db, actor, EDIT_ACTION, { organisationId: publisher.id }))
      organisationIds.push(publisher.id)
  }
  return { all: false, organisationIds }
}

export const datasetNotFound = (name: string) =>
  new Problem(
    404,
    'CATALOG_DATASET_NOT_FOUND',
    'No such dataset',
    `No dataset "${name}" is visible to you; GET /api/catalog/datasets lists them.`,
  )

export const notAllowed = (what: string) =>
  new Problem(403, 'CATALOG_NOT_ALLOWED', 'Not allowed', `You may not ${what}.`)
