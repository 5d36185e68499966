import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import { type CatalogCetate, catalogServerForSuite } from '../../../../test/support/catalog.ts'
import { testBackends } from '../../../../test/support/databases.ts'
import { createCkanFixture } from './ckan-fixture.ts'

interface Envelope {
  help: string
  success: boolean
  // biome-ignore lint/suspicious/noExplicitAny: CKAN's answers are checked field by field below.
  result?: any
  error?: { __type: string; message: string; [field: string]: unknown }
}

async function action(
  server: CatalogCetate,
  name: string,
  params: Record<string, unknown> = {},
  options: { post?: boolean; anonymous?: boolean } = {},
): Promise<{ status: number; body: Envelope }> {
  const response = options.post
    ? await server.call(`/api/3/action/${name}`, {
        method: 'POST',
        body: params,
        anonymous: options.anonymous ?? true,
      })
    : await server.call(
        `/api/3/action/${name}?${new URLSearchParams(
          Object.entries(params).map(([key, value]) => [
            key,
            typeof value === 'string' ? value : JSON.stringify(value),
          ]),
        )}`,
        { anonymous: options.anonymous ?? true },
      )
  return { status: response.status, body: (await response.json()) as Envelope }
}

function assertError(
  answer: { status: number; body: Envelope },
  status: number,
  type: string,
  field?: string,
) {
  assert.equal(answer.status, status, JSON.stringify(answer.body))
  assert.equal(answer.body.success, false)
  assert.equal(answer.body.error?.__type, type)
  assert.match(answer.body.help, /\/api\/3\/action\/help_show\?name=/)
  if (field) assert.ok(Array.isArray(answer.body.error?.[field]), JSON.stringify(answer.body.error))
}

for (const backend of testBackends()) {
  describe(`CKAN Action API on ${backend.name}`, { timeout: 240_000 }, () => {
    const server = catalogServerForSuite(backend)
    let open: string
    let hidden: string
    before(async () => {
      ;({ open, hidden } = await createCkanFixture(server().cetate.context))
    })

    test('package_list answers in the envelope, by GET and by POST, without private datasets', async () => {
      const get = await action(server(), 'package_list')
      assert.equal(get.status, 200)
      assert.equal(get.body.success, true)
      assert.ok(get.body.result.includes('masuratori-zgomot-test'))
      assert.ok(!get.body.result.includes('date-interne-test'))
      const post = await action(server(), 'package_list', { limit: 2, offset: 1 }, { post: true })
      assert.deepEqual(post.body.result, get.body.result.slice(1, 3))
    })

    test('package_show by name or id gives CKAN’s package dict, with no person in it', async () => {
      const { body } = await action(server(), 'package_show', { id: 'masuratori-zgomot-test' })
      const dataset = body.result
      assert.equal(dataset.name, 'masuratori-zgomot-test')
      assert.equal(dataset.title, 'Măsurători de zgomot în cartiere')
      assert.deepEqual(dataset.title_translated, {
        ro: 'Măsurători de zgomot în cartiere',
        en: 'Noise measurements',
        hu: 'Zajmérések',
      })
      assert.equal(dataset.organization.name, 'primaria-cluj-napoca')
      assert.equal(dataset.license_id, 'cc0-1.0')
      assert.equal(dataset.state, 'active')
      assert.equal(dataset.private, false)
      assert.deepEqual(
        dataset.tags.map((tag: { name: string }) => tag.name),
        ['zgomot', 'senzori'],
      )
      assert.deepEqual(
        dataset.groups.map((group: { name: string }) => group.name),
        ['envi', 'regi'],
      )
      assert.equal(dataset.num_resources, 1)
      assert.equal(dataset.resources[0].id, open)
      assert.equal(dataset.resources[0].datastore_active, true)
      assert.equal(dataset.creator_user_id, null)
      assert.match(dataset.metadata_modified, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/)
      const byId = await action(server(), 'package_show', { id: dataset.id })
      assert.equal(byId.body.result.name, dataset.name)
    })

    test('a dataset that is missing or private answers Not Found (404), unless the caller may see it', async () => {
      assertError(await action(server(), 'package_show', { id: 'nu-exista' }), 404, 'Not Found Error')
      assertError(await action(server(), 'package_show', { id: 'date-interne-test' }), 404, 'Not Found Error')
      const publisher = await action(
        server(),
        'package_show',
        { id: 'date-interne-test' },
        { anonymous: false },
      )
      assert.equal(publisher.body.result.private, true)
      assertError(await action(server(), 'package_show', {}), 409, 'Validation Error', 'name_or_id')
    })

    test('package_search: words without diacritics, fq, facets as CKAN shapes them', async () => {
      const { body } = await action(server(), 'package_search', {
        q: 'masuratori zgomot',
        fq: 'organization:primaria-cluj-napoca +tags:"zgomot"',
        'facet.field': ['organization', 'groups', 'tags', 'res_format', 'license_id'],
        'facet.limit': 10,
      })
      assert.equal(body.success, true)
      assert.equal(body.result.count, 1)
      assert.equal(body.result.sort, 'score desc, metadata_modified desc')
      assert.equal(body.result.results[0].name, 'masuratori-zgomot-test')
      assert.deepEqual(body.result.facets.groups, { envi: 1, regi: 1 })
      assert.deepEqual(body.result.facets.organization, { 'primaria-cluj-napoca': 1 })
      assert.deepEqual(body.result.facets.res_format, { CSV: 1 })
      assert.deepEqual(body.result.search_facets.license_id, {
        title: 'license_id',
        items: [{ name: 'cc0-1.0', display_name: 'Creative Commons CC0 1.0', count: 1 }],
      })
      assert.deepEqual(body.result.search_facets.groups.items[0], {
        name: 'envi',
        display_name: 'Mediu',
        count: 1,
      })
    })

    test('package_search pages with rows and start, sorts, and counts facets with limit and mincount', async () => {
      const all = await action(server(), 'package_search', {
        rows: 1000,
        sort: 'name asc',
        'facet.field': '["tags"]',
      })
      const names = all.body.result.results.map((dataset: { name: string }) => dataset.name)
      assert.deepEqual(names, [...names].sort())
      assert.ok(!names.includes('date-interne-test'))
      assert.equal(all.body.result.count, names.length)
      const second = await action(server(), 'package_search', { rows: 2, start: 1, sort: 'name asc' })
      assert.deepEqual(
        second.body.result.results.map((dataset: { name: string }) => dataset.name),
        names.slice(1, 3),
      )
      const limited = await action(server(), 'package_search', {
        'facet.field': '["tags"]',
        'facet.limit': 2,
        'facet.mincount': 2,
      })
      const counts = Object.values(limited.body.result.facets.tags) as number[]
      assert.ok(counts.length <= 2 && counts.every((count) => count >= 2))
      assert.deepEqual(all.body.result.facets.tags.intern, undefined)
      const mine = await action(
        server(),
        'package_search',
        { q: 'intern', include_private: true },
        { anonymous: false },
      )
      assert.ok(
        mine.body.result.results.some((dataset: { name: string }) => dataset.name === 'date-interne-test'),
      )
      const stranger = await action(server(), 'package_search', { fq: 'tags:intern', include_private: true })
      assert.equal(stranger.body.result.count, 0)
    })

    test('bad package_search input is a Validation Error (409) naming the field, never a failure', async () => {
      for (const [params, field] of [
        [{ rows: 'zece' }, 'rows'],
        [{ rows: 1001 }, 'rows'],
        [{ start: -1 }, 'start'],
        [{ sort: 'views desc' }, 'sort'],
        [{ fq: '-tags:x' }, 'fq'],
        [{ q: 'tags:"deschis' }, 'q'],
        [{ 'facet.field': '["autor"]' }, 'facet.field'],
        [{ 'facet.field': '[1' }, 'facet.field'],
        [{ include_private: 'poate' }, 'include_private'],
      ] as const)
        assertError(await action(server(), 'package_search', params), 409, 'Validation Error', field)
    })

    test('organizations, groups (EU themes), tags and licences', async () => {
      const names = await action(server(), 'organization_list')
      assert.ok(names.body.result.includes('primaria-cluj-napoca'))
      const full = await action(server(), 'organization_list', { all_fields: true })
      const hall = full.body.result.find(
        (organisation: { name: string }) => organisation.name === 'primaria-cluj-napoca',
      )
      assert.equal(hall.is_organization, true)
      assert.ok(hall.package_count >= 1)
      const shown = await action(server(), 'organization_show', {
        id: 'primaria-cluj-napoca',
        include_datasets: true,
      })
      assert.ok(
        shown.body.result.packages.some(
          (dataset: { name: string }) => dataset.name === 'masuratori-zgomot-test',
        ),
      )
      assertError(await action(server(), 'organization_show', { id: 'nimeni' }), 404, 'Not Found Error')
      const groups = await action(server(), 'group_list', { all_fields: true })
      assert.equal(groups.body.result.length, 13)
      assert.ok(
        groups.body.result.some(
          (group: { name: string; package_count: number }) =>
            group.name === 'envi' && group.package_count >= 1,
        ),
      )
      const tags = await action(server(), 'tag_list', { query: 'zgo' })
      assert.deepEqual(tags.body.result, ['zgomot'])
      const licences = await action(server(), 'license_list')
      assert.ok(licences.body.result.some((licence: { id: string }) => licence.id === 'cc-by-4.0'))
    })

    test('resource_show, and an unknown action as CKAN answers it (400)', async () => {
      const { body } = await action(server(), 'resource_show', { id: open })
      assert.equal(body.result.id, open)
      assert.equal(body.result.format, 'CSV')
      assert.equal(body.result.datastore_active, true)
      assertError(await action(server(), 'resource_show', { id: hidden }), 404, 'Not Found Error')
      assertError(await action(server(), 'resource_show', { id: 'nu-e-uuid' }), 404, 'Not Found Error')
      const unknown = await action(server(), 'package_create', { name: 'x' }, { post: true })
      assert.equal(unknown.status, 400)
      assert.match(unknown.body.error!.message, /Action name not known: package_create/)
    })

    test('datastore_search: filters, q, sort, fields, total and CKAN field types', async () => {
      const { body } = await action(server(), 'datastore_search', {
        resource_id: open,
        filters: { cartier: ['Zorilor', 'Bulgaria'], an: 2023 },
        sort: 'valoare desc',
        fields: 'cartier,an,valoare',
      })
      assert.equal(body.success, true)
      assert.deepEqual(body.result.fields, [
        { id: 'cartier', type: 'text' },
        { id: 'an', type: 'int8' },
        { id: 'valoare', type: 'float8' },
      ])
      assert.ok(body.result.records.every((record: { an: number }) => record.an === 2023))
      assert.equal(body.result.total, body.result.records.length)
      const values = body.result.records.map((record: { valoare: number }) => record.valoare)
      assert.deepEqual(
        values,
        [...values].sort((a, b) => b - a),
      )
      const words = await action(server(), 'datastore_search', { resource_id: open, q: 'MANASTUR', limit: 0 })
      assert.equal(words.body.result.total, 10)
      assert.deepEqual(words.body.result.records, [])
    })

    test('datastore_search records_format lists and csv', async () => {
      const lists = await action(server(), 'datastore_search', {
        resource_id: open,
        records_format: 'lists',
        limit: 2,
        fields: ['_id', 'cartier'],
      })
      assert.deepEqual(lists.body.result.records, [
        [1, 'Mănăștur'],
        [2, 'Gheorgheni'],
      ])
      const csv = await action(server(), 'datastore_search', {
        resource_id: open,
        records_format: 'csv',
        limit: 5,
        fields: 'observație',
      })
      assert.equal(
        csv.body.result.records,
        `nota 0\r\nnota 1\r\nnota 2\r\n"'=cmd|"" /C calc""!A0"\r\n'@SUM(1+1)\r\n`,
      )
    })

    test('datastore_search pages through every row by keyset, with next_page and with _links.next', async () => {
      const seen: number[] = []
      let after: string | undefined
      do {
        const { body } = await action(server(), 'datastore_search', {
          resource_id: open,
          sort: 'an desc, valoare asc',
          limit: 10,
          ...(after ? { after } : {}),
        })
        seen.push(...body.result.records.map((record: { _id: number }) => record._id))
        after = body.result.next_page
      } while (after)
      assert.equal(seen.length, 47)
      assert.equal(new Set(seen).size, 47)

      const linked: number[] = []
      let next: string | undefined = `/api/3/action/datastore_search?resource_id=${open}&limit=20`
      for (let pages = 0; next && pages < 10; pages++) {
        const body = (await (await server().call(next, { anonymous: true })).json()) as Envelope
        linked.push(...body.result.records.map((record: { _id: number }) => record._id))
        next = body.result.records.length === 20 ? body.result._links.next : undefined
      }
      assert.deepEqual(
        linked,
        Array.from({ length: 47 }, (_, index) => index + 1),
      )
    })

    test('bad datastore_search input is a Validation Error; private and unknown tables are Not Found', async () => {
      for (const [params, field] of [
        [{ filters: { nimic: 1 } }, 'filters'],
        [{ filters: { an: 'două mii' } }, 'filters'],
        [{ filters: '[1]' }, 'filters'],
        [{ sort: 'nimic desc' }, 'sort'],
        [{ fields: 'nimic' }, 'fields'],
        [{ limit: 32_001 }, 'limit'],
        [{ records_format: 'xml' }, 'records_format'],
        [{ after: 'nu-un-cursor' }, 'after'],
      ] as const)
        assertError(
          await action(server(), 'datastore_search', { resource_id: open, ...params }),
          409,
          'Validation Error',
          field,
        )
      assertError(await action(server(), 'datastore_search', { resource_id: hidden }), 404, 'Not Found Error')
      assertError(
        await action(server(), 'datastore_search', { resource_id: '00000000-0000-0000-0000-000000000000' }),
        404,
        'Not Found Error',
      )
      const publisher = await action(
        server(),
        'datastore_search',
        { resource_id: hidden, limit: 1 },
        { anonymous: false },
      )
      assert.equal(publisher.body.result.total, 47)
    })

    test('datastore_search_sql is off by default', async () => {
      const answer = await action(server(), 'datastore_search_sql', { sql: `SELECT 1` })
      assertError(answer, 403, 'Authorization Error')
      assert.match(answer.body.error!.message, /turned off/)
    })

    test('our records API: a page with a next link, and a CSV download with formulas escaped', async () => {
      const page = await server().call(
        `/api/catalog/resources/${open}/records?limit=20&sort=an%20desc&includeTotal=true`,
        { anonymous: true },
      )
      assert.equal(page.status, 200)
      const body = (await page.json()) as { records: unknown[]; total: number; next: string }
      assert.equal(body.total, 47)
      assert.match(body.next, /^\/api\/catalog\/resources\/.+\/records\?.*after=/)
      const next = (await (await server().call(body.next, { anonymous: true })).json()) as {
        records: unknown[]
      }
      assert.equal(next.records.length, 20)

      const csv = await server().call(`/api/catalog/resources/${open}/records.csv`, { anonymous: true })
      assert.equal(csv.status, 200)
      assert.match(csv.headers.get('content-type')!, /^text\/csv/)
      assert.match(
        csv.headers.get('content-disposition')!,
        /attachment; filename="masuratori-zgomot-test-1.csv"/,
      )
      const lines = (await csv.text()).trimEnd().split('\r\n')
      assert.equal(lines[0], 'cartier,an,valoare,observație')
      assert.equal(lines.length, 48)
      assert.equal(lines[4], `Zorilor,2023,4.5,"'=cmd|"" /C calc""!A0"`)
      assert.equal(lines[5], `Bulgaria,2020,6,'@SUM(1+1)`)

      const json = await server().call(
        `/api/catalog/resources/${open}/records.json?filters=${encodeURIComponent('{"an":2021}')}`,
        { anonymous: true },
      )
      const rows = (await json.json()) as { an: number }[]
      assert.ok(rows.length > 0 && rows.every((row) => row.an === 2021))
      const statistics = await server().call(
        `/api/catalog/resources/${open}/records/statistics?column=valoare&points=5`,
        { anonymous: true },
      )
      const figures = (await statistics.json()) as { min: number; max: number; series: unknown[] }
      assert.equal(figures.min, 1.5)
      assert.equal(figures.max, 69)
      assert.equal(figures.series.length, 5)
    })

    test('our records API refuses bad queries as problems and hides private tables', async () => {
      const bad = await server().call(
        `/api/catalog/resources/${open}/records.csv?filters=${encodeURIComponent('{"an":"x"}')}`,
        { anonymous: true },
      )
      assert.equal(bad.status, 400)
      assert.equal(((await bad.json()) as { code: string }).code, 'CATALOG_RECORDS_QUERY_INVALID')
      const geo = await server().call(`/api/catalog/resources/${open}/records.geojson`, { anonymous: true })
      assert.equal(geo.status, 404)
      for (const path of ['records', 'records.csv', 'records/statistics?column=an']) {
        const response = await server().call(`/api/catalog/resources/${hidden}/${path}`, { anonymous: true })
        assert.equal(response.status, 404, path)
      }
      const allowed = await server().call(`/api/catalog/resources/${hidden}/records?limit=1`)
      assert.equal(allowed.status, 200)
    })
  })
}
