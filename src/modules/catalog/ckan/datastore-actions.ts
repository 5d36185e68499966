import { csvLine } from '../records/csv-cell.ts'
import { readRecords } from '../records/read-records.ts'
import { MAX_RECORDS } from '../records/record-query.ts'
import type { Column } from '../schemas.ts'
import { getResource } from '../service.ts'
import type { ActionCall, CkanAction } from './action.ts'
import { resourceDict } from './ckan-dicts.ts'
import { CkanError, validationError } from './ckan-error.ts'

/** Column types as CKAN's datastore names PostgreSQL's. */
const CKAN_TYPES: Record<Column['type'], string> = {
  integer: 'int8',
  number: 'float8',
  boolean: 'bool',
  date: 'date',
  timestamp: 'timestamp',
  text: 'text',
  geometry: 'geometry',
}

const FORMATS = ['objects', 'lists', 'csv', 'tsv'] as const
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Resources are named by id; anything else names none. */
function resourceIdOf(value: string): string {
  if (!UUID.test(value)) throw new CkanError('Not Found Error', `Resource "${value}" was not found.`)
  return value.toLowerCase()
}

/** The parameters a next page repeats, in the form they came. */
const REPEATED = [
  'resource_id',
  'filters',
  'q',
  'fields',
  'sort',
  'limit',
  'include_total',
  'records_format',
  'distinct',
]

function link(call: ActionCall, changes: Record<string, string | undefined>): string {
  const query = new URLSearchParams()
  for (const name of REPEATED) {
    const value = call.params.json(name)
    if (value !== undefined && value !== null && value !== '' && !(name in changes))
      query.set(name, typeof value === 'string' ? value : JSON.stringify(value))
  }
  for (const [name, value] of Object.entries(changes)) if (value !== undefined) query.set(name, value)
  return `${call.path}?${query}`
}

async function datastoreSearch(call: ActionCall) {
  const { params } = call
  const resourceId = resourceIdOf(params.string('resource_id') ?? params.required('id'))
  const filters = params.json('filters')
  if (filters !== undefined && (typeof filters !== 'object' || filters === null || Array.isArray(filters)))
    throw validationError('filters', 'filters must be a JSON object of column names and values.')
  const sortValue = params.json('sort')
  const sort = Array.isArray(sortValue) ? sortValue.map(String).join(', ') : params.string('sort')
  const format = params.string('records_format') ?? 'objects'
  if (!(FORMATS as readonly string[]).includes(format))
    throw validationError('records_format', `records_format must be one of ${FORMATS.join(', ')}.`)
  const limit = params.integer('limit', 100, { min: 0, max: MAX_RECORDS })
  const offset = params.integer('offset', 0, { min: 0, max: 100_000_000 })
  const includeTotal = params.boolean('include_total', true)
  const page = await readRecords(call.context, call.actor, resourceId, {
    filters: filters as Record<string, unknown> | undefined,
    q: params.json('q'),
    fields: params.list('fields'),
    sort,
    limit,
    offset,
    includeTotal,
    after: params.string('after'),
    distinct: params.boolean('distinct', false),
  })
  const names = page.fields.map((field) => field.name)
  const records =
    format === 'objects'
      ? page.records
      : format === 'lists'
        ? page.records.map((record) => names.map((name) => record[name]))
        : page.records
            .map((record) =>
              csvLine(
                names.map((name) => record[name]),
                format === 'tsv' ? '\t' : ',',
              ),
            )
            .join('')
  const nextOffset = String(offset + limit)
  return {
    include_total: includeTotal,
    limit,
    records_format: format,
    resource_id: resourceId,
    total_estimation_threshold: null,
    fields: page.fields.map((field) => ({
      id: field.name,
      type: field.name === '_id' ? 'int' : CKAN_TYPES[field.type],
    })),
    records,
    ...(page.sort ? { sort: page.sort } : {}),
    ...(page.total === undefined ? {} : { total: page.total, total_was_estimated: false }),
    _links: {
      start: link(call, { offset: undefined, after: undefined }),
      next: page.next ? link(call, { after: page.next }) : link(call, { offset: nextOffset }),
    },
    ...(page.next ? { next_page: page.next } : {}),
  }
}

export const datastoreActions: Record<string, CkanAction> = {
  datastore_search: {
    help: 'Searches a resource table: resource_id, filters, q, fields, sort, limit (at most 32000), offset, include_total, records_format (objects, lists, csv, tsv), distinct; after (the next_page of the previous answer) pages by keyset.',
    run: datastoreSearch,
  },
  resource_show: {
    help: 'Returns the metadata of a resource by id.',
    run: async (call) => {
      const { dataset, resource } = await getResource(
        call.context,
        call.actor,
        resourceIdOf(call.params.required('id')),
      )
      return resourceDict(resource, dataset.id)
    },
  },
}
