import { validationError } from './ckan-error.ts'

/**
 * Functions a datastore_search_sql statement may call: aggregates, arithmetic, text, dates, JSON,
 * windows and read-only PostGIS. Everything else is refused by name (pg_sleep, pg_read_file, dblink,
 * lo_*, set_config, query_to_xml, nextval...), as is any schema-qualified call.
 */
const FUNCTIONS = new Set(
  `count sum avg min max stddev stddev_pop stddev_samp variance var_pop var_samp string_agg array_agg json_agg
  jsonb_agg json_object_agg jsonb_object_agg bool_and bool_or every percentile_cont percentile_disc mode corr
  regr_slope regr_intercept covar_pop covar_samp
  abs round ceil ceiling floor trunc sqrt cbrt power pow ln log log10 exp mod sign div pi degrees radians
  width_bucket greatest least coalesce nullif
  lower upper length char_length character_length octet_length substring substr trim btrim ltrim rtrim replace
  concat concat_ws left right position strpos split_part initcap reverse translate starts_with md5
  regexp_replace regexp_match regexp_like unaccent to_char to_number to_date to_timestamp
  date_trunc date_part extract now age make_date make_time make_timestamp make_interval date_bin isfinite
  row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
  json_build_object jsonb_build_object json_build_array jsonb_build_array to_json to_jsonb json_array_length
  jsonb_array_length json_extract_path_text jsonb_extract_path_text json_typeof jsonb_typeof
  st_asgeojson st_astext st_x st_y st_xmin st_xmax st_ymin st_ymax st_srid st_geometrytype st_isvalid
  st_area st_length st_perimeter st_distance st_distancesphere st_dwithin st_contains st_within st_intersects
  st_covers st_coveredby st_touches st_crosses st_overlaps st_equals st_disjoint st_centroid st_pointonsurface
  st_envelope st_extent st_makepoint st_point st_setsrid st_transform st_geomfromtext st_geomfromgeojson
  st_makeenvelope st_npoints st_simplify st_buffer st_intersection st_collect st_union st_asbinary`
    .split(/\s+/)
    .filter(Boolean),
)

/** Words that are followed by a parenthesis without being a function call. */
const NOT_CALLS = new Set(
  `select from where and or not in exists any all some as on using join lateral values over filter within group
  by having when then else case cast row array union intersect except limit offset is like ilike similar
  between materialized distinct with partition rows range groups order tablesample bernoulli system
  numeric decimal varchar char character bit timestamp time interval float nulls grouping sets cube rollup`
    .split(/\s+/)
    .filter(Boolean),
)

/** Words that change data, schema, sessions or locks: never in a read-only query. */
const FORBIDDEN = new Set(
  `insert update delete merge truncate drop alter create grant revoke copy call do lock vacuum analyze cluster
  reindex refresh set listen notify prepare execute into`
    .split(/\s+/)
    .filter(Boolean),
)

type Token = { kind: 'word' | 'quoted' | 'string' | 'symbol' | 'number'; text: string }

function tokenize(statement: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  const refuse = (why: string) => validationError('sql', why)
  while (at < statement.length) {
    const char = statement[at]!
    const rest = statement.slice(at)
    if (/\s/.test(char)) {
      at++
    } else if (rest.startsWith('--') || rest.startsWith('/*')) {
      throw refuse('Comments are not accepted in datastore_search_sql; send the SELECT alone.')
    } else if (char === "'" || ((char === 'E' || char === 'e') && statement[at + 1] === "'")) {
      const start = char === "'" ? at : at + 1
      const escapes = start !== at
      let end = start + 1
      for (;;) {
        if (end >= statement.length) throw refuse('A quoted string is not closed.')
        if (escapes && statement[end] === '\\') end += 2
        else if (statement[end] === "'" && statement[end + 1] === "'") end += 2
        else if (statement[end] === "'") break
        else end++
      }
      tokens.push({ kind: 'string', text: statement.slice(at, end + 1) })
      at = end + 1
    } else if (char === '"') {
      const match = /^"((?:[^"]|"")*)"/.exec(rest)
      if (!match) throw refuse('A quoted name is not closed.')
      tokens.push({ kind: 'quoted', text: match[1]!.replaceAll('""', '"') })
      at += match[0].length
    } else if (char === '$') {
      throw refuse('Dollar-quoted strings and parameters are not accepted; use single quotes.')
    } else if (/[\p{L}_]/u.test(char)) {
      const match = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(rest)!
      tokens.push({ kind: 'word', text: match[0].toLowerCase() })
      at += match[0].length
    } else if (/\d/.test(char) || (char === '.' && /\d/.test(statement[at + 1] ?? ''))) {
      const match = /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i.exec(rest)!
      tokens.push({ kind: 'number', text: match[0] })
      at += match[0].length
    } else {
      tokens.push({ kind: 'symbol', text: char })
      at++
    }
  }
  return tokens
}

/**
 * Checks that `statement` is exactly one read-only SELECT that calls only allow-listed functions,
 * and returns it without a trailing semicolon. Tables are checked afterwards against the query plan
 * (only public resources' datastore tables), which knows what every name resolves to.
 */
export function checkSelect(statement: string): string {
  const trimmed = statement.trim().replace(/;\s*$/, '')
  if (trimmed.length === 0) throw validationError('sql', 'Send one SELECT statement.')
  if (trimmed.length > 20_000) throw validationError('sql', 'The statement is longer than 20,000 characters.')
  const tokens = tokenize(trimmed)
  const first = tokens[0]
  if (first?.kind !== 'word' || (first.text !== 'select' && first.text !== 'with'))
    throw validationError('sql', 'Only a SELECT statement (optionally starting WITH) is accepted.')
  let depth = 0
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'symbol') {
      if (token.text === ';')
        throw validationError('sql', 'Send exactly one statement: no semicolons inside.')
      if (token.text === '(') depth++
      if (token.text === ')') depth--
      if (depth < 0) throw validationError('sql', 'A closing parenthesis has no opening one.')
      continue
    }
    const next = tokens[index + 1]
    const calls = next?.kind === 'symbol' && next.text === '('
    // A quoted name before a parenthesis calls a function as surely as a bare one: "pg_sleep"(1).
    if (token.kind === 'quoted' && calls && !FUNCTIONS.has(token.text))
      throw validationError('sql', `The function "${token.text}" is not allowed in datastore_search_sql.`)
    if (token.kind !== 'word') continue
    if (FORBIDDEN.has(token.text))
      throw validationError(
        'sql',
        `"${token.text.toUpperCase()}" is not allowed: datastore_search_sql only reads.`,
      )
    const previous = tokens[index - 1]
    if (token.text === 'for' && next?.kind === 'word' && ['update', 'share', 'no', 'key'].includes(next.text))
      throw validationError('sql', 'Locking rows (FOR UPDATE/SHARE) is not allowed.')
    if (calls) {
      if (previous?.kind === 'symbol' && previous.text === '.')
        throw validationError('sql', `Schema-qualified functions are not allowed ("${token.text}").`)
      if (!FUNCTIONS.has(token.text) && !NOT_CALLS.has(token.text))
        throw validationError('sql', `The function "${token.text}" is not allowed in datastore_search_sql.`)
    }
  }
  if (depth !== 0) throw validationError('sql', 'The parentheses are not balanced.')
  return trimmed
}
