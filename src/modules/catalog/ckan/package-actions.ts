import { sql } from 'kysely'
import { Problem } from '../../../platform/http/problem.ts'
import { type DatasetSearch, getDataset, Publishers, searchDatasets } from '../service.ts'
import { selectDatasetById } from '../store/datasets.ts'
import { DATA_THEMES, LICENCES } from '../vocabularies.ts'
import type { ActionCall, CkanAction } from './action.ts'
import { groupName, packageDict } from './ckan-dicts.ts'
import { validationError } from './ckan-error.ts'
import { parseDatasetSort, parseSolr, type SearchField } from './solr-query.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** CKAN's facet fields and the search field each counts. */
const FACETS: Record<string, SearchField> = {
  organization: 'organisation',
  groups: 'theme',
  tags: 'keyword',
  res_format: 'format',
  license_id: 'licence',
}

/** A dataset by name or id (CKAN's `id` takes either); not found when the caller may not see it. */
export async function showDataset(call: ActionCall, idOrName: string) {
  let name = idOrName
  if (UUID.test(idOrName)) {
    const row = await selectDatasetById(call.context.db, idOrName.toLowerCase())
    if (row) name = row.name
  }
  try {
    return await getDataset(call.context, call.actor, name)
  } catch (error) {
    if (error instanceof Problem && error.status === 404)
      throw new Problem(404, error.code, error.title, 'Not found')
    throw error
  }
}

function facetItems(
  field: string,
  value: string,
  publishers: Publishers,
): { name: string; display_name: string } {
  switch (field) {
    case 'organization':
      return { name: value, display_name: publishers.bySlug(value)?.name.ro ?? value }
    case 'groups':
      return { name: groupName(value), display_name: DATA_THEMES[value]?.ro ?? value }
    case 'license_id':
      return { name: value, display_name: LICENCES[value]?.title ?? value }
    default:
      return { name: value, display_name: value }
  }
}

async function packageSearch(call: ActionCall) {
  const { params } = call
  const search = parseSolr(params.string('q') ?? '', 'q')
  for (const fq of [params.string('fq'), ...(params.list('fq_list') ?? [])])
    if (fq) parseSolr(fq, 'fq', search)
  const rows = params.integer('rows', 10, { min: 0, max: 1000 })
  const start = params.integer('start', 0, { min: 0, max: 1_000_000 })
  const sortText = params.string('sort') ?? 'score desc, metadata_modified desc'
  const sort = parseDatasetSort(sortText)
  const facetFields = params.list('facet.field') ?? []
  const unknown = facetFields.find((field) => !FACETS[field])
  if (unknown)
    throw validationError(
      'facet.field',
      `Cannot facet on "${unknown}"; use ${Object.keys(FACETS).join(', ')}.`,
    )
  const facetLimit = params.integer('facet.limit', 50, { min: -1, max: 10_000 })
  const facetMinCount = params.integer('facet.mincount', 1, { min: 0, max: 1_000_000 })
  const includePrivate = params.boolean('include_private', false)
  const includeDrafts = params.boolean('include_drafts', false)
  const publishers = await Publishers.load(call.context)
  // owner_org filters name the organisation by id; Cetate's search takes slugs.
  const organisation = search.filters.organisation?.map((value) =>
    UUID.test(value) ? (publishers.byId(value.toLowerCase()).slug ?? value) : value,
  )
  const theme = search.filters.theme?.map((value) => value.toUpperCase())
  const request: DatasetSearch = {
    text: search.words.join(' ') || undefined,
    filters: { ...search.filters, ...(organisation ? { organisation } : {}), ...(theme ? { theme } : {}) },
    includePrivate,
    ...(includePrivate && !includeDrafts ? { status: 'published' as const } : {}),
    sort,
    offset: start,
    limit: rows,
    facetLimit: facetLimit === -1 ? 10_000 : facetLimit,
    facetMinCount: Math.max(facetMinCount, 1),
    lang: 'ro',
  }
  const found = search.matchesNothing
    ? { count: 0, items: [], facets: { organisation: [], theme: [], format: [], licence: [], keyword: [] } }
    : await searchDatasets(call.context, call.actor, request)
  const facets: Record<string, Record<string, number>> = {}
  const searchFacets: Record<string, unknown> = {}
  for (const field of facetFields) {
    const entries = found.facets[FACETS[field]!]
    facets[field] = Object.fromEntries(
      entries.map((entry) => [facetItems(field, entry.value, publishers).name, entry.count]),
    )
    searchFacets[field] = {
      title: field,
      items: entries.map((entry) => ({ ...facetItems(field, entry.value, publishers), count: entry.count })),
    }
  }
  return {
    count: found.count,
    sort: sortText,
    results: found.items.map(packageDict),
    facets,
    search_facets: searchFacets,
  }
}

async function packageList(call: ActionCall) {
  const limit = call.params.integer('limit', 1_000_000, { min: 0, max: 1_000_000 })
  const offset = call.params.integer('offset', 0, { min: 0, max: 1_000_000 })
  // CKAN lists the public, active datasets: here the published, open ones.
  const { rows } = await sql<{ name: string }>`SELECT name FROM catalog.datasets
    WHERE status = 'published' AND access_level = 'open' ORDER BY name LIMIT ${limit} OFFSET ${offset}`.execute(
    call.context.db,
  )
  return rows.map((row) => row.name)
}

async function currentPackageList(call: ActionCall) {
  const limit = call.params.integer('limit', 10, { min: 0, max: 1000 })
  const page = call.params.integer('page', 0, { min: 0, max: 1_000_000 })
  const offset = call.params.integer('offset', page > 0 ? (page - 1) * limit : 0, { min: 0, max: 1_000_000 })
  const found = await searchDatasets(call.context, call.actor, {
    filters: {},
    sort: { by: 'modified', direction: 'desc' },
    offset,
    limit,
    facetLimit: 0,
  })
  return found.items.map(packageDict)
}

export const packageActions: Record<string, CkanAction> = {
  package_search: {
    help: 'Searches for datasets: q and fq in Solr syntax, sort, rows, start, facet.field, facet.limit, facet.mincount, include_private.',
    run: packageSearch,
  },
  package_show: {
    help: 'Returns the metadata of a dataset and its resources; id is its name or id.',
    run: async (call) =>
      packageDict(await showDataset(call, call.params.string('id') ?? call.params.required('name_or_id'))),
  },
  package_list: {
    help: 'Returns the names of the public datasets; limit and offset page them.',
    run: packageList,
  },
  current_package_list_with_resources: {
    help: 'Returns the datasets with their resources, most recently modified first; limit and offset page them.',
    run: currentPackageList,
  },
}
