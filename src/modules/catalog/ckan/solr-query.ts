import { validationError } from './ckan-error.ts'

/** The dataset fields CKAN clients filter on, as Cetate's search names them. */
export type SearchField = 'organisation' | 'keyword' | 'format' | 'licence' | 'theme'

const FIELDS: Record<string, SearchField> = {
  organization: 'organisation',
  owner_org: 'organisation',
  tags: 'keyword',
  tag: 'keyword',
  res_format: 'format',
  license_id: 'licence',
  license: 'licence',
  groups: 'theme',
}
/** Fields searched as words. */
const TEXT_FIELDS = new Set(['text', 'title', 'notes', 'name', 'title_ngram'])
/** Fields every Cetate dataset satisfies with these values: the clause changes nothing. */
const ALWAYS: Record<string, readonly string[]> = {
  dataset_type: ['dataset'],
  type: ['dataset'],
  state: ['active'],
  entity_type: ['package'],
  capacity: ['public', 'private'],
}
/** One value per dataset: two clauses on such a field match what both allow. */
const SINGLE_VALUED = new Set<SearchField>(['organisation', 'licence'])

export interface SolrSearch {
  words: string[]
  filters: Partial<Record<SearchField, string[]>>
  /** Clauses that no dataset can satisfy together (two different organisations). */
  matchesNothing: boolean
}

interface Cursor {
  text: string
  at: number
}

const skipSpace = (cursor: Cursor) => {
  while (cursor.at < cursor.text.length && /\s/.test(cursor.text[cursor.at]!)) cursor.at++
}

function readQuoted(cursor: Cursor, parameter: string): string {
  const end = cursor.text.indexOf('"', cursor.at + 1)
  if (end < 0) throw validationError(parameter, `A quote in "${cursor.text}" is not closed.`)
  const value = cursor.text.slice(cursor.at + 1, end)
  cursor.at = end + 1
  return value
}

function readBare(cursor: Cursor): string {
  const match = /^[^\s()"]+/.exec(cursor.text.slice(cursor.at))
  cursor.at += match?.[0].length ?? 0
  return match?.[0] ?? ''
}

/** A field's value: bare, "quoted", or a group `(a OR "b c")` meaning any of them. */
function readValues(cursor: Cursor, parameter: string, field: string): string[] {
  const next = cursor.text[cursor.at]
  if (next === '"') return [readQuoted(cursor, parameter)]
  if (next !== '(') {
    const value = readBare(cursor)
    if (!value) throw validationError(parameter, `${field}: needs a value.`)
    return [value]
  }
  cursor.at++
  const values: string[] = []
  for (;;) {
    skipSpace(cursor)
    const char = cursor.text[cursor.at]
    if (char === undefined)
      throw validationError(parameter, `A parenthesis in "${cursor.text}" is not closed.`)
    if (char === ')') {
      cursor.at++
      break
    }
    if (char === '"') {
      values.push(readQuoted(cursor, parameter))
      continue
    }
    const word = readBare(cursor)
    if (word === 'OR' || word === '||') continue
    if (word === 'AND' || word === '&&' || word === 'NOT')
      throw validationError(
        parameter,
        `Inside ${field}:( ) only OR is supported; write separate clauses instead.`,
      )
    if (!word) throw validationError(parameter, `Unexpected "${char}" in "${cursor.text}".`)
    values.push(word)
  }
  if (values.length === 0) throw validationError(parameter, `${field}:() needs at least one value.`)
  return values
}

function addFilter(search: SolrSearch, field: SearchField, values: string[], parameter: string): void {
  const earlier = search.filters[field]
  if (!earlier) {
    search.filters[field] = values
    return
  }
  if (SINGLE_VALUED.has(field)) {
    const both = earlier.filter((value) => values.includes(value))
    search.filters[field] = both
    if (both.length === 0) search.matchesNothing = true
    return
  }
  const same = earlier.length === values.length && earlier.every((value) => values.includes(value))
  if (!same)
    throw validationError(
      parameter,
      `Cetate matches several values of one field with OR: write ${field === 'keyword' ? 'tags' : field}:(a OR b) in one clause.`,
    )
}

/**
 * Parses the subset of Solr's query syntax CKAN clients send in q and fq: words, "phrases",
 * field:value, field:"quoted value", field:(a OR b), `+` and AND between clauses, `*:*`. Anything
 * Cetate's search cannot honour (OR between clauses, negation, unknown fields) is a Validation Error,
 * never a silently wrong answer.
 */
export function parseSolr(text: string, parameter: 'q' | 'fq', into?: SolrSearch): SolrSearch {
  const search: SolrSearch = into ?? { words: [], filters: {}, matchesNothing: false }
  const cursor: Cursor = { text, at: 0 }
  for (;;) {
    skipSpace(cursor)
    if (cursor.at >= text.length) return search
    const rest = text.slice(cursor.at)
    if (rest.startsWith('*:*')) {
      cursor.at += 3
      continue
    }
    const char = rest[0]!
    if (char === '+' || char === '(' || char === ')') {
      cursor.at++
      continue
    }
    if (char === '-' || /^NOT\s/.test(rest) || rest.startsWith('!'))
      throw validationError(parameter, 'Excluding (-, NOT) is not supported; ask for what to include.')
    if (char === '"') {
      search.words.push(readQuoted(cursor, parameter))
      continue
    }
    const field = /^([A-Za-z_][\w.]*):/.exec(rest)
    if (field) {
      cursor.at += field[0].length
      const name = field[1]!
      const values = readValues(cursor, parameter, name)
      if (TEXT_FIELDS.has(name)) search.words.push(...values)
      else if (ALWAYS[name]) {
        if (!values.some((value) => ALWAYS[name]!.includes(value))) search.matchesNothing = true
      } else if (FIELDS[name]) addFilter(search, FIELDS[name], values, parameter)
      else
        throw validationError(
          parameter,
          `Cetate cannot search on "${name}"; use organization, tags, res_format, license_id or groups.`,
        )
      continue
    }
    const word = readBare(cursor)
    if (word === 'AND' || word === '&&') continue
    if (word === 'OR' || word === '||')
      throw validationError(
        parameter,
        'Cetate finds datasets matching every word and clause; OR is supported only inside field:( ).',
      )
    if (word === '*') continue
    search.words.push(word)
  }
}

/** CKAN's sort for datasets, as Cetate's search sorts them; the first clause decides. */
export function parseDatasetSort(text: string | undefined): {
  by: 'relevance' | 'modified' | 'title' | 'name' | 'created'
  direction: 'asc' | 'desc'
} {
  const first = (text ?? 'score desc, metadata_modified desc').split(',')[0]!.trim()
  const match = /^(\S+)(?:\s+(asc|desc))?$/i.exec(first)
  const by = match
    ? {
        score: 'relevance',
        rank: 'relevance',
        metadata_modified: 'modified',
        metadata_created: 'created',
        title_string: 'title',
        title: 'title',
        name: 'name',
      }[match[1]!.toLowerCase()]
    : undefined
  if (!match || !by)
    throw validationError(
      'sort',
      `Cannot sort by "${first}"; use score, metadata_modified, metadata_created, title_string or name, with asc or desc.`,
    )
  return {
    by: by as 'relevance' | 'modified' | 'title' | 'name' | 'created',
    direction: (match[2]?.toLowerCase() ?? 'asc') as 'asc' | 'desc',
  }
}
