import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import { prefixQuery } from '../../../platform/text/fold.ts'

export const FACET_FIELDS = ['organisation', 'theme', 'format', 'licence', 'keyword'] as const
export type FacetField = (typeof FACET_FIELDS)[number]
export type FacetCounts = Record<FacetField, { value: string; count: number }[]>

export interface DatasetQuery {
  text?: string | undefined
  /** Values within a field match any; fields must all match. Organisations by id. */
  filters: Partial<Record<FacetField, readonly string[]>>
  statuses: readonly ('draft' | 'published' | 'archived')[]
  /** Who sees what: every dataset, or open published/archived ones plus those of these organisations. */
  visibility: { all: true } | { all: false; organisationIds: readonly string[] }
  sort: { by: 'relevance' | 'modified' | 'title' | 'name' | 'created'; direction: 'asc' | 'desc' }
  offset: number
  limit: number
  /** The facets to count; each costs a pass over the matches. */
  facetFields: readonly FacetField[]
  facetLimit: number
  facetMinCount: number
  lang: 'ro' | 'en' | 'hu'
}

const visible = (query: DatasetQuery) =>
  query.visibility.all
    ? sql`true`
    : sql`((d.status <> 'draft' AND d.access_level = 'open')
        OR d.organisation_id = ANY(${[...query.visibility.organisationIds]}::uuid[]))`

function filterSql(field: FacetField, values: readonly string[]): RawBuilder<unknown> {
  const list = [...values]
  switch (field) {
    case 'organisation':
      return sql`d.organisation_id = ANY(${list}::uuid[])`
    case 'theme':
      return sql`d.themes && ${list}::text[]`
    case 'keyword':
      return sql`d.keywords && ${list}::text[]`
    case 'licence':
      return sql`d.licence = ANY(${list}::text[])`
    case 'format':
      return sql`EXISTS (SELECT 1 FROM catalog.resources r
        WHERE r.dataset_id = d.id AND upper(r.format) = ANY(${list.map((value) => value.toUpperCase())}::text[]))`
  }
}

function orderSql(query: DatasetQuery, hasText: boolean): RawBuilder<unknown> {
  const direction = query.sort.direction === 'asc' ? sql`ASC` : sql`DESC`
  switch (query.sort.by) {
    case 'relevance':
      return hasText ? sql`rank DESC, modified DESC, id` : sql`modified DESC, id`
    case 'modified':
      return sql`modified ${direction}, id`
    case 'created':
      return sql`created_at ${direction}, id`
    case 'name':
      return sql`name ${direction}, id`
    case 'title':
      return sql`sort_title ${direction}, id`
  }
}

const FACET_VALUES: Record<FacetField, RawBuilder<unknown>> = {
  organisation: sql`SELECT organisation_id::text AS value FROM matched`,
  theme: sql`SELECT unnest(themes) AS value FROM matched`,
  licence: sql`SELECT licence AS value FROM matched`,
  keyword: sql`SELECT unnest(keywords) AS value FROM matched`,
  format: sql`SELECT DISTINCT r.dataset_id, upper(r.format) AS value FROM matched m
    JOIN catalog.resources r ON r.dataset_id = m.id WHERE r.format <> ''`,
}

const facet = (
  select: RawBuilder<unknown>,
  query: DatasetQuery,
) => sql`(SELECT coalesce(json_agg(f), '[]'::json)
  FROM (SELECT value, count(*)::int AS count FROM (${select}) facet_values GROUP BY value
    HAVING count(*) >= ${query.facetMinCount} ORDER BY count(*) DESC, value LIMIT ${query.facetLimit}) f)`

/**
 * One page of matching dataset ids, the total, and the facet counts over every match, in one
 * statement. Text is matched folded (no diacritics) against the search columns, words as prefixes.
 */
export async function searchDatasetIds(
  db: Database,
  query: DatasetQuery,
): Promise<{ count: number; ids: string[]; facets: FacetCounts }> {
  const tsquery = query.text ? prefixQuery(query.text) : undefined
  const conditions = [
    visible(query),
    sql`d.status = ANY(${[...query.statuses]}::text[])`,
    ...(tsquery ? [sql`d.search @@ to_tsquery('simple', ${tsquery})`] : []),
    ...Object.entries(query.filters)
      .filter(([, values]) => values && values.length > 0)
      .map(([field, values]) => filterSql(field as FacetField, values!)),
  ]
  const rank = tsquery ? sql`ts_rank(d.search, to_tsquery('simple', ${tsquery}))` : sql`0`
  const { rows } = await sql<{ count: number; ids: string[] } & Partial<FacetCounts>>`
    WITH matched AS MATERIALIZED (
      SELECT d.id, d.organisation_id, d.licence, d.themes, d.keywords, d.modified, d.created_at, d.name,
        lower(coalesce(d.title->>${query.lang}, d.title->>'ro')) AS sort_title, ${rank} AS rank
      FROM catalog.datasets d WHERE ${sql.join(conditions, sql` AND `)})
    SELECT ${sql.join([
      sql`(SELECT count(*)::int FROM matched) AS count`,
      sql`(SELECT coalesce(json_agg(id), '[]'::json) FROM (SELECT id FROM matched
        ORDER BY ${orderSql(query, Boolean(tsquery))} LIMIT ${query.limit} OFFSET ${query.offset}) page) AS ids`,
      ...query.facetFields.map((field) => sql`${facet(FACET_VALUES[field], query)} AS ${sql.id(field)}`),
    ])}`.execute(db)
  const row = rows[0]!
  const facets = Object.fromEntries(FACET_FIELDS.map((field) => [field, row[field] ?? []])) as FacetCounts
  return { count: row.count, ids: row.ids, facets }
}
