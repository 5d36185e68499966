import { sql } from 'kysely'
import { defaultPackDir } from '../../src/config.ts'
import { loadDataPack } from '../../src/demo/data-pack.ts'
import { indexColumns } from '../../src/modules/catalog/datastore/column-indexes.ts'
import type { Column } from '../../src/modules/catalog/schemas.ts'
import { Publishers } from '../../src/modules/catalog/service.ts'
import { insertDataset, UNDESCRIBED, updateDatasetStatus } from '../../src/modules/catalog/store/datasets.ts'
import { insertResource, updateResourceDatastore } from '../../src/modules/catalog/store/resources.ts'
import { installedModules } from '../../src/modules/index.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { startCetate } from '../../test/support/cetate.ts'
import { testBackends } from '../../test/support/databases.ts'
import { type Measured, measure } from '../support/http-load.ts'
import { CATEGORIES, STREETS } from './upload-file.ts'

const say = (line = '') => process.stdout.write(`${line}\n`)
const count = (n: number) => Math.round(n).toLocaleString('en-GB')
const ms = (n: number) => `${n.toFixed(1)} ms`

/** The upload bench's ten columns, so the figures are for the same table shape. */
const COLUMNS: Column[] = [
  { name: 'id', type: 'integer' },
  { name: 'amount', type: 'number' },
  { name: 'active', type: 'boolean' },
  { name: 'day', type: 'date' },
  { name: 'observed_at', type: 'timestamp' },
  { name: 'street', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'count', type: 'integer' },
  { name: 'ratio', type: 'number' },
  { name: 'note', type: 'text' },
]
const WORDS = [
  'transport',
  'aer',
  'buget',
  'școli',
  'parcări',
  'zgomot',
  'apă',
  'cartiere',
  'sesizări',
  'energie',
]
const THEMES = ['ENVI', 'TRAN', 'ECON', 'EDUC', 'REGI', 'GOVE', 'SOCI', 'ENER']
const LICENCES = ['cc-by-4.0', 'cc0-1.0', 'odbl-1.0', 'cc-by-sa-4.0']
const pick = <T>(items: readonly T[], at: number): T => items[at % items.length]!
const FACETS = encodeURIComponent(
  JSON.stringify(['organization', 'groups', 'tags', 'res_format', 'license_id']),
)

/** A published dataset whose one resource is a generated table of `rows` rows in the ten columns. */
async function createTable(db: Database, organisationId: string, rows: number): Promise<string> {
  const datasetId = await insertDataset(db, {
    name: 'bench-datastore',
    organisationId,
    createdBy: null,
    title: { ro: 'Sesizări generate (bench)' },
    description: { ro: 'Un tabel generat pentru bench.' },
    ...UNDESCRIBED,
  })
  await updateDatasetStatus(db, datasetId, 'published')
  const id = await insertResource(db, { datasetId, kind: 'upload', title: { ro: 'Tabel' }, format: 'CSV' })
  const table = sql.id('catalog_datastore', id)
  await sql`CREATE TABLE ${table} AS SELECT i::bigint AS _id, i::bigint AS id, round((i * 1.37)::numeric, 2)::float8 AS amount,
      i % 3 = 0 AS active, ('2024-03-01'::date + (i % 28)) AS day,
      ('2024-03-01T00:15:00Z'::timestamptz + make_interval(days => i % 28, hours => i % 24)) AS observed_at,
      (${sql.val(STREETS)}::text[])[1 + i % 5] || ' ' || (i % 200) AS street,
      (${sql.val(CATEGORIES)}::text[])[1 + i % 5] AS category, (i % 1000)::bigint AS count,
      ((i % 97) / 7.0)::float8 AS ratio, 'sesizarea ' || i AS note
    FROM generate_series(1, ${rows}::int) AS i`.execute(db)
  await sql`ALTER TABLE ${table} ADD PRIMARY KEY (_id)`.execute(db)
  await sql`ANALYZE ${table}`.execute(db)
  await updateResourceDatastore(db, id, { columns: COLUMNS, rowCount: rows })
  return id
}

/** `datasets` published datasets with words, keywords, themes, licences and a resource format each. */
async function createDatasets(db: Database, organisationIds: string[], datasets: number): Promise<void> {
  for (let i = 0; i < datasets; i++) {
    const word = pick(WORDS, i)
    const other = pick(WORDS, i * 7 + 3)
    const id = await insertDataset(db, {
      name: `bench-set-${i}`,
      organisationId: pick(organisationIds, i * 3),
      createdBy: null,
      title: { ro: `Date despre ${word} și ${other} nr. ${i}`, en: `Data on ${word} ${i}` },
      description: { ro: `Set de date generat: ${word}, ${other}, Cluj-Napoca, anul ${2010 + (i % 15)}.` },
      keywords: [word, other],
      themes: [pick(THEMES, i), pick(THEMES, i * 5 + 1)].filter(
        (theme, at, all) => all.indexOf(theme) === at,
      ),
      licence: pick(LICENCES, i),
      accessLevel: i % 20 === 0 ? 'private' : 'open',
      spatialArea: null,
      spatialGeometry: null,
      temporalStart: null,
      temporalEnd: null,
      frequency: 'ANNUAL',
      contactPoint: null,
      version: null,
    })
    await updateDatasetStatus(db, id, i % 10 === 9 ? 'draft' : 'published')
    await insertResource(db, {
      datasetId: id,
      kind: 'link',
      title: { ro: 'Fișier' },
      format: pick(['CSV', 'JSON', 'XLSX', 'GEOJSON'], i),
      url: 'https://example.org/x',
    })
  }
  await sql`ANALYZE catalog.datasets`.execute(db)
  await sql`ANALYZE catalog.resources`.execute(db)
}

async function explain(db: Database, statement: ReturnType<typeof sql>): Promise<string> {
  const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, COSTS OFF) ${statement}`.execute(db)
  return rows.map((row) => `      ${row['QUERY PLAN']}`).join('\n')
}

export interface SearchBenchOptions {
  rows: number
  datasets: number
  seconds: number
  databaseUrl: string
}

/**
 * Reading data on PostgreSQL: datastore_search with filters on a generated table of `rows` rows and
 * ten columns (p50/p95, req/s), a keyset page-through of the whole table, and package_search with
 * words and five facets over `datasets` datasets; each beside a hello-world route on the same server
 * in the same run. The load generator runs in the server's process (both share its event loop).
 */
export async function benchSearch(options: SearchBenchOptions): Promise<void> {
  process.env.TEST_DATABASE_URL = options.databaseUrl
  const backend = testBackends().find((each) => each.name === 'postgres')!
  const database = await backend.create()
  const server = await startCetate(database, {
    modules: installedModules.map((module) =>
      module.name === 'catalog' ? { ...module, demo: undefined } : module,
    ),
    beforeListen: async (cetate) => {
      await cetate.http.register(async (scope) => {
        scope.get('/bench/hello', { config: { access: 'public' } }, async () => ({ hello: 'world' }))
      })
    },
  })
  try {
    await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
    const context = server.cetate.context
    const db = context.db
    const publishers = (await Publishers.load(context)).all()
    let started = performance.now()
    const resourceId = await createTable(db, publishers[0]!.id, options.rows)
    say(
      `table: ${count(options.rows)} rows × 10 columns generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    started = performance.now()
    await createDatasets(
      db,
      publishers.map((publisher) => publisher.id),
      options.datasets,
    )
    say(
      `catalogue: ${count(options.datasets)} datasets generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )

    const hello = await measure(server.url, options.seconds, () => '/bench/hello')
    say(
      `hello-world route on the same server: ${count(hello.rps)} req/s, p50 ${ms(hello.p50)}, p95 ${ms(hello.p95)}`,
    )

    let n = 0
    const filtered = () => {
      n++
      const filters =
        n % 2 === 0
          ? { category: pick(CATEGORIES, n), active: n % 3 === 0 }
          : { street: `${pick(STREETS, n)} ${n % 200}`, category: pick(CATEGORIES, n + 1) }
      return `/api/3/action/datastore_search?resource_id=${resourceId}&limit=100&filters=${encodeURIComponent(JSON.stringify(filters))}`
    }
    const report = (label: string, figures: Measured, target: number) => {
      say(
        `${label}: ${count(figures.rps)} req/s, p50 ${ms(figures.p50)}, p95 ${ms(figures.p95)} (target ≤ ${target} ms), failures ${figures.failures}, ratio to hello-world ${(figures.rps / hello.rps).toFixed(3)}`,
      )
      if (figures.firstError) say(`  first failure: ${figures.firstError}`)
    }
    const table = sql.id('catalog_datastore', resourceId)
    report(
      'datastore_search, filters on 2 columns, 100 rows + total, before the column indexes, 1 connection',
      await measure(server.url, options.seconds, filtered, 1),
      50,
    )
    say(
      `  page alone:\n${await explain(db, sql`SELECT * FROM ${table} WHERE category = 'drumuri' AND active = true ORDER BY _id LIMIT 100`)}`,
    )
    say(
      `  total alone:\n${await explain(db, sql`SELECT count(*) FROM ${table} WHERE category = 'drumuri' AND active = true`)}`,
    )
    started = performance.now()
    await indexColumns(db, resourceId, COLUMNS)
    say(
      `with the column indexes the job after each load builds (built in ${((performance.now() - started) / 1000).toFixed(1)} s):`,
    )
    report('  datastore_search, 10 connections', await measure(server.url, options.seconds, filtered), 50)
    report('  datastore_search, 1 connection', await measure(server.url, options.seconds, filtered, 1), 50)
    say(
      `  total alone:\n${await explain(db, sql`SELECT count(*) FROM ${table} WHERE category = 'drumuri' AND active = true`)}`,
    )

    started = performance.now()
    let pages = 0
    let rows = 0
    let after: string | undefined
    do {
      const response = await fetch(
        `${server.url}/api/3/action/datastore_search?resource_id=${resourceId}&limit=10000&include_total=false${after ? `&after=${after}` : ''}`,
      )
      const body = (await response.json()) as { result: { records: unknown[]; next_page?: string } }
      pages++
      rows += body.result.records.length
      after = body.result.next_page
    } while (after)
    const seconds = (performance.now() - started) / 1000
    say(
      `keyset page-through of the whole table, 10,000 rows a page: ${count(rows)} rows in ${pages} pages, ${seconds.toFixed(1)} s = ${(pages / seconds).toFixed(1)} pages/s, ${count(rows / seconds)} rows/s`,
    )

    let m = 0
    const packageSearch = () => {
      m++
      return `/api/3/action/package_search?q=${encodeURIComponent(pick(WORDS, m))}&rows=10&facet.field=${FACETS}&facet.limit=20`
    }
    report(
      `package_search, a word + 5 facets, over ${count(options.datasets)} datasets, 10 connections`,
      await measure(server.url, options.seconds, packageSearch),
      30,
    )
    report('  the same, 1 connection', await measure(server.url, options.seconds, packageSearch, 1), 30)
    const words = 'transport:*'
    say(
      `  the search SQL alone (catalog.datasets, one word):\n${await explain(db, sql`SELECT count(*) FROM catalog.datasets d WHERE d.status = 'published' AND d.access_level = 'open' AND d.search @@ to_tsquery('simple', ${words})`)}`,
    )
  } finally {
    await server.close()
    await database.drop()
  }
}
