import type { Actor } from '../../../platform/access/access.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { Dataset } from '../schemas.ts'
import type { DatasetRow } from '../store/dataset-rows.ts'
import {
  type DatasetQuery,
  FACET_FIELDS,
  type FacetCounts,
  type FacetField,
  searchDatasetIds,
} from '../store/dataset-search.ts'
import { selectDatasetByName, selectDatasetsByIds } from '../store/datasets.ts'
import { toDataset } from './dataset-output.ts'
import { datasetNotFound, EDIT_ACTION, mayOnDataset, notAllowed, visibilityOf } from './permissions.ts'
import { Publishers } from './publishers.ts'

/** Open datasets are for everyone once published; the rest only for those who may edit them. */
async function mayRead(context: ModuleContext, actor: Actor, row: DatasetRow): Promise<boolean> {
  if (row.status !== 'draft' && row.access_level === 'open') return true
  return mayOnDataset(context, actor, EDIT_ACTION, row)
}

export async function findDatasetRow(
  context: ModuleContext,
  actor: Actor,
  name: string,
): Promise<DatasetRow | undefined> {
  const row = await selectDatasetByName(context.db, name)
  return row && (await mayRead(context, actor, row)) ? row : undefined
}

export async function getDataset(context: ModuleContext, actor: Actor, name: string): Promise<Dataset> {
  const row = await findDatasetRow(context, actor, name)
  if (!row) throw datasetNotFound(name)
  return toDataset(row, await Publishers.load(context), context.settings.publicUrl)
}

/** The dataset, if the caller may see it (404 otherwise) and do `action` on it (403 otherwise). */
export async function getDatasetToChange(
  context: ModuleContext,
  actor: Actor,
  name: string,
  action: string,
): Promise<Dataset> {
  const row = await findDatasetRow(context, actor, name)
  if (!row) throw datasetNotFound(name)
  if (!(await mayOnDataset(context, actor, action, row)))
    throw notAllowed(`${action.split('.').pop()} "${name}"`)
  return toDataset(row, await Publishers.load(context), context.settings.publicUrl)
}

export interface DatasetSearch {
  text?: string | undefined
  /** Organisations by slug; the other fields by value. */
  filters: Partial<Record<'organisation' | 'theme' | 'format' | 'licence' | 'keyword', readonly string[]>>
  /** Also the drafts and private datasets the caller may edit. */
  includePrivate?: boolean | undefined
  status?: 'draft' | 'published' | 'archived' | undefined
  sort?: DatasetQuery['sort'] | undefined
  offset?: number | undefined
  limit?: number | undefined
  /** The facets to count (all when not said). */
  facets?: readonly FacetField[] | undefined
  facetLimit?: number | undefined
  facetMinCount?: number | undefined
  lang?: 'ro' | 'en' | 'hu' | undefined
}

export interface DatasetSearchResult {
  count: number
  items: Dataset[]
  facets: FacetCounts
}

export async function searchDatasets(
  context: ModuleContext,
  actor: Actor,
  search: DatasetSearch,
): Promise<DatasetSearchResult> {
  const publishers = await Publishers.load(context)
  const visibility = search.includePrivate
    ? await visibilityOf(context, actor, publishers)
    : { all: false as const, organisationIds: [] }
  const organisations = search.filters.organisation?.map(
    (slug) => publishers.bySlug(slug)?.id ?? '00000000-0000-0000-0000-000000000000',
  )
  const statuses: DatasetQuery['statuses'] = search.status
    ? [search.status]
    : search.includePrivate
      ? ['draft', 'published']
      : ['published']
  const found = await searchDatasetIds(context.db, {
    text: search.text,
    filters: { ...search.filters, ...(organisations ? { organisation: organisations } : {}) },
    statuses,
    visibility,
    sort: search.sort ?? { by: 'relevance', direction: 'desc' },
    offset: search.offset ?? 0,
    limit: search.limit ?? 20,
    facetFields: search.facets ?? FACET_FIELDS,
    facetLimit: search.facetLimit ?? 20,
    facetMinCount: search.facetMinCount ?? 1,
    lang: search.lang ?? 'ro',
  })
  const rows = await selectDatasetsByIds(context.db, found.ids)
  return {
    count: found.count,
    items: rows.map((row) => toDataset(row, publishers, context.settings.publicUrl)),
    facets: {
      ...found.facets,
      organisation: found.facets.organisation.map((entry) => ({
        value: publishers.byId(entry.value).slug,
        count: entry.count,
      })),
    },
  }
}
