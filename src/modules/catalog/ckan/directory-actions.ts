import { Problem } from '../../../platform/http/problem.ts'
import type { Publisher } from '../service/publishers.ts'
import { Publishers, searchDatasets } from '../service.ts'
import { DATA_THEMES, LICENCES } from '../vocabularies.ts'
import type { ActionCall, CkanAction } from './action.ts'
import { groupDict, groupName, licenceDict, organizationDict, packageDict } from './ckan-dicts.ts'

const notFound = () => new Problem(404, 'CATALOG_CKAN_NOT_FOUND', 'Not found', 'Not found')

/** Datasets the caller sees, counted per organisation, theme and keyword, in one search. */
async function counts(call: ActionCall) {
  const { facets } = await searchDatasets(call.context, call.actor, {
    filters: {},
    limit: 0,
    facetLimit: 100_000,
    facetMinCount: 1,
  })
  const map = (entries: { value: string; count: number }[]) =>
    new Map(entries.map((entry) => [entry.value, entry.count]))
  return { organisation: map(facets.organisation), theme: map(facets.theme), keyword: map(facets.keyword) }
}

function page<T>(call: ActionCall, items: T[]): T[] {
  const offset = call.params.integer('offset', 0, { min: 0, max: 1_000_000 })
  const limit = call.params.integer('limit', 1000, { min: 0, max: 1000 })
  return items.slice(offset, offset + limit)
}

function sorted<T extends { name: string; title: string; count: number }>(call: ActionCall, items: T[]): T[] {
  const [field, direction] = (call.params.string('sort') ?? 'title asc').trim().split(/\s+/)
  const key = field === 'name' ? 'name' : field === 'package_count' ? 'count' : 'title'
  const sign = direction?.toLowerCase() === 'desc' ? -1 : 1
  return [...items].sort((a, b) =>
    key === 'count' ? sign * (a.count - b.count) : sign * String(a[key]).localeCompare(String(b[key]), 'ro'),
  )
}

async function organizationList(call: ActionCall) {
  const [publishers, counted] = await Promise.all([Publishers.load(call.context), counts(call)])
  const wanted = call.params.list('organizations')
  const items = sorted(
    call,
    publishers
      .all()
      .filter((publisher) => !wanted || wanted.includes(publisher.slug))
      .map((publisher) => ({
        publisher,
        name: publisher.slug,
        title: publisher.name.ro,
        count: counted.organisation.get(publisher.slug) ?? 0,
      })),
  )
  const chosen = page(call, items)
  return call.params.boolean('all_fields', false)
    ? chosen.map((item) => organizationDict(item.publisher, item.count))
    : chosen.map((item) => item.name)
}

async function organizationShow(call: ActionCall) {
  const id = call.params.required('id')
  const publishers = await Publishers.load(call.context)
  const publisher: Publisher | undefined =
    publishers.bySlug(id) ?? publishers.all().find((candidate) => candidate.id === id)
  if (!publisher) throw notFound()
  const found = await searchDatasets(call.context, call.actor, {
    filters: { organisation: [publisher.slug] },
    sort: { by: 'name', direction: 'asc' },
    limit: call.params.boolean('include_datasets', false) ? 1000 : 0,
    facetLimit: 0,
  })
  return {
    ...organizationDict(publisher, found.count),
    ...(call.params.boolean('include_datasets', false) ? { packages: found.items.map(packageDict) } : {}),
    users: [],
    extras: [],
    groups: [],
    tags: [],
  }
}

async function groupList(call: ActionCall) {
  const counted = await counts(call)
  const wanted = call.params.list('groups')
  const items = sorted(
    call,
    Object.keys(DATA_THEMES)
      .filter((theme) => !wanted || wanted.includes(groupName(theme)))
      .map((theme) => ({
        theme,
        name: groupName(theme),
        title: DATA_THEMES[theme]!.ro,
        count: counted.theme.get(theme) ?? 0,
      })),
  )
  const chosen = page(call, items)
  return call.params.boolean('all_fields', false)
    ? chosen.map((item) => groupDict(item.theme, item.count))
    : chosen.map((item) => item.name)
}

async function groupShow(call: ActionCall) {
  const theme = call.params.required('id').toUpperCase()
  if (!DATA_THEMES[theme]) throw notFound()
  const counted = await counts(call)
  return { ...groupDict(theme, counted.theme.get(theme) ?? 0), users: [], extras: [], groups: [], tags: [] }
}

async function tagList(call: ActionCall) {
  const counted = await counts(call)
  const query = call.params.string('query')?.toLowerCase()
  const names = [...counted.keyword.keys()]
    .filter((name) => !query || name.toLowerCase().includes(query))
    .sort((a, b) => a.localeCompare(b, 'ro'))
  return call.params.boolean('all_fields', false)
    ? names.map((name) => ({ id: name, name, display_name: name, vocabulary_id: null }))
    : names
}

export const directoryActions: Record<string, CkanAction> = {
  organization_list: {
    help: 'Returns the publishing organisations: names, or dicts with all_fields; sort, limit, offset.',
    run: organizationList,
  },
  organization_show: {
    help: 'Returns an organisation by name or id; include_datasets adds its public datasets.',
    run: organizationShow,
  },
  group_list: {
    help: 'Returns the groups: the EU data themes, by lower-case code; all_fields gives dicts.',
    run: groupList,
  },
  group_show: { help: 'Returns one group (EU data theme) by its code.', run: groupShow },
  tag_list: {
    help: 'Returns the keywords of the visible datasets; query filters them, all_fields gives dicts.',
    run: tagList,
  },
  license_list: {
    help: 'Returns the licences datasets may carry.',
    run: async () => Object.keys(LICENCES).map(licenceDict),
  },
}
