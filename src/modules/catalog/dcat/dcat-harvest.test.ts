import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { createApiKey } from '../../identity/index.ts'
import type { Dataset } from '../schemas.ts'
import { type DcatCetate, startDcatCetate } from './dcat-test-support.ts'
import type { HarvestSource } from './harvest-schemas.ts'
import type { HarvestOutcome } from './harvest-store.ts'

const REMOTE = 'https://date.example.ro/catalog'

const PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
`

const turtleDataset = (id: string, title: string, extra = '') => `
<${REMOTE}/dataset/${id}> a dcat:Dataset ;
  dct:title "${title}"@ro, "${title} (en)"@en ;
  dct:description "Descriere ${title}"@ro, "Leírás ${title}"@hu ;
  dcat:keyword "buget"@ro, "budget"@en ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ECON>,
    <http://publications.europa.eu/resource/authority/data-theme/NOT_A_THEME> ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/ANNUAL> ;
  dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2021-01-01"^^xsd:date ; dcat:endDate "2022"^^xsd:gYear ] ;
  dcat:contactPoint [ a vcard:Kind ; vcard:fn "Serviciul Buget" ; vcard:hasEmail <mailto:buget@example.ro> ] ;
  dct:modified "2024-05-01T10:00:00Z"^^xsd:dateTime ;
  dcat:version "3" ;
  dcat:distribution [ a dcat:Distribution ;
    dct:title "Buget CSV"@ro ;
    dcat:accessURL <https://date.example.ro/files/${id}> ;
    dcat:downloadURL <https://date.example.ro/files/${id}.csv> ;
    dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
    dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv> ;
    dct:license <http://publications.europa.eu/resource/authority/licence/CC_BY_4_0> ] ${extra}.
`

const firstHarvest = `${PREFIXES}
<${REMOTE}> a dcat:Catalog ; dcat:dataset <${REMOTE}/dataset/a>, <${REMOTE}/dataset/b>, <${REMOTE}/dataset/c> .
${turtleDataset('a', 'Bugetul local 2021')}
${turtleDataset('b', 'Bugetul local 2022')}
${turtleDataset('c', 'Bugetul local 2023')}`

// b changed its title, c is gone, a is as it was.
const secondHarvest = `${PREFIXES}
${turtleDataset('a', 'Bugetul local 2021')}
${turtleDataset('b', 'Bugetul local 2022 (rectificat)')}`

const rdfXml = `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#"
  xmlns:dct="http://purl.org/dc/terms/">
  <dcat:Catalog rdf:about="https://opendata.example.org/catalog">
    <dcat:dataset>
      <dcat:Dataset rdf:about="https://opendata.example.org/dataset/parks">
        <dct:title xml:lang="en">City parks</dct:title>
        <dct:title xml:lang="hu">Városi parkok</dct:title>
        <dct:description xml:lang="en">Parks &amp; gardens.</dct:description>
        <dcat:distribution>
          <dcat:Distribution>
            <dcat:accessURL rdf:resource="https://opendata.example.org/parks.geojson"/>
            <dcat:mediaType rdf:resource="https://www.iana.org/assignments/media-types/application/geo+json"/>
            <dct:license rdf:resource="https://creativecommons.org/publicdomain/zero/1.0/deed.ro"/>
          </dcat:Distribution>
        </dcat:distribution>
      </dcat:Dataset>
    </dcat:dataset>
  </dcat:Catalog>
</rdf:RDF>
`

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text()
  assert.equal(response.status, status, text)
  return JSON.parse(text) as T
}

function createSource(server: DcatCetate, body: unknown, key?: string) {
  return server.call('/api/catalog/harvest-sources', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  })
}

function run(server: DcatCetate, id: string, document?: { text: string; type: string }, key?: string) {
  return server.call(`/api/catalog/harvest-sources/${id}/run`, {
    method: 'POST',
    headers: {
      ...(document ? { 'content-type': document.type } : {}),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    ...(document ? { body: document.text } : {}),
  })
}

async function harvested(server: DcatCetate, sourceId: string): Promise<Dataset[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM catalog.datasets
    WHERE harvest_source_id = ${sourceId} ORDER BY source_iri`.execute(server.cetate.context.db)
  return Promise.all(
    rows.map(async ({ name }) =>
      json<Dataset>(await server.call(`/api/catalog/datasets/${name}`, { anonymous: true }), 200),
    ),
  )
}

for (const backend of testBackends()) {
  describe(`DCAT harvest (${backend.name})`, () => {
    let database: TestDatabase
    let server: DcatCetate
    before(async () => {
      database = await backend.create()
      server = await startDcatCetate(database)
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test('a Turtle file is harvested into the organisation as published datasets', async () => {
      const source = await json<HarvestSource>(
        await createSource(server, { organisation: 'primaria-cluj-napoca', document: firstHarvest }),
        201,
      )
      assert.equal(source.hasDocument, true)
      assert.equal(source.lastOutcome, null)
      const outcome = await json<HarvestOutcome>(await run(server, source.id), 200)
      assert.deepEqual(
        {
          created: outcome.created,
          updated: outcome.updated,
          removed: outcome.removed,
          status: outcome.status,
        },
        { created: 3, updated: 0, removed: 0, status: 'succeeded' },
      )
      const datasets = await harvested(server, source.id)
      assert.deepEqual(
        datasets.map((dataset) => dataset.name),
        ['bugetul-local-2021', 'bugetul-local-2022', 'bugetul-local-2023'],
      )
      const [first] = datasets
      assert.deepEqual(first!.title, { ro: 'Bugetul local 2021', en: 'Bugetul local 2021 (en)' })
      assert.deepEqual(first!.description, {
        ro: 'Descriere Bugetul local 2021',
        hu: 'Leírás Bugetul local 2021',
      })
      assert.deepEqual(first!.keywords.sort(), ['budget', 'buget'])
      assert.deepEqual(first!.themes, ['ECON'])
      assert.equal(first!.licence, 'cc-by-4.0')
      assert.equal(first!.frequency, 'ANNUAL')
      assert.deepEqual(first!.temporal, { start: '2021-01-01', end: '2022-12-31' })
      assert.deepEqual(first!.contactPoint, { name: 'Serviciul Buget', email: 'buget@example.ro' })
      assert.equal(first!.version, '3')
      assert.equal(first!.status, 'published')
      assert.equal(first!.organisation.slug, 'primaria-cluj-napoca')
      assert.deepEqual(first!.harvested, { sourceId: source.id, iri: `${REMOTE}/dataset/a` })
      assert.equal(first!.modified, '2024-05-01T10:00:00.000Z')
      assert.equal(first!.resources.length, 1)
      assert.deepEqual(
        {
          ...first!.resources[0]!,
          id: undefined,
          datasetId: undefined,
          createdAt: undefined,
          modifiedAt: undefined,
        },
        {
          id: undefined,
          datasetId: undefined,
          createdAt: undefined,
          modifiedAt: undefined,
          position: 0,
          kind: 'link',
          title: { ro: 'Buget CSV' },
          description: null,
          format: 'CSV',
          mediaType: 'text/csv',
          url: 'https://date.example.ro/files/a.csv',
          byteSize: null,
          checksum: null,
          liveType: null,
          datastore: null,
        },
      )
      const found = await json<{ count: number }>(
        await server.call('/api/catalog/datasets?q=bugetul', { anonymous: true }),
        200,
      )
      assert.equal(found.count, 3, 'harvested datasets are found by search')

      const shown = await json<HarvestSource>(
        await server.call(`/api/catalog/harvest-sources/${source.id}`),
        200,
      )
      assert.equal(shown.lastOutcome?.created, 3)
      assert.ok(shown.lastRunAt)
      const list = await json<{ items: HarvestSource[] }>(
        await server.call('/api/catalog/harvest-sources'),
        200,
      )
      assert.ok(list.items.some((item) => item.id === source.id))

      const again = await json<HarvestOutcome>(await run(server, source.id), 200)
      assert.deepEqual([again.created, again.updated, again.unchanged, again.removed], [0, 0, 3, 0])

      const changed = await json<HarvestOutcome>(
        await run(server, source.id, { text: secondHarvest, type: 'text/turtle' }),
        200,
      )
      assert.deepEqual([changed.created, changed.updated, changed.unchanged, changed.removed], [0, 1, 1, 1])
      const after = await harvested(server, source.id)
      assert.deepEqual(
        after.map((dataset) => [dataset.name, dataset.title.ro]),
        [
          ['bugetul-local-2021', 'Bugetul local 2021'],
          ['bugetul-local-2022', 'Bugetul local 2022 (rectificat)'],
        ],
      )
      const gone = await server.call('/api/catalog/datasets/bugetul-local-2023', { anonymous: true })
      assert.equal(gone.status, 404)

      const { rows } = await sql<{ details: Record<string, number>; outcome: string }>`SELECT details, outcome
        FROM platform.audit_log WHERE action = 'catalog.harvest.run' AND target_id = ${source.id}
        ORDER BY seq`.execute(server.cetate.context.db)
      assert.deepEqual(rows.at(-1)?.details, {
        created: 0,
        updated: 1,
        unchanged: 1,
        removed: 1,
        skipped: 0,
        pages: 1,
      })
    })

    test('an RDF/XML file sent to a run is harvested, licences mapped back from their URLs', async () => {
      const source = await json<HarvestSource>(
        await createSource(server, { organisation: 'primaria-cluj-napoca', document: rdfXml, format: 'rdf' }),
        201,
      )
      const outcome = await json<HarvestOutcome>(
        await run(server, source.id, { text: rdfXml, type: 'application/rdf+xml' }),
        200,
      )
      assert.equal(outcome.created, 1)
      const [parks] = await harvested(server, source.id)
      assert.equal(parks!.name, 'city-parks')
      assert.deepEqual(parks!.title, { ro: 'City parks', en: 'City parks', hu: 'Városi parkok' })
      assert.equal(parks!.licence, 'cc0-1.0')
      assert.equal(parks!.resources[0]!.format, 'GEOJSON')
      assert.equal(parks!.resources[0]!.url, 'https://opendata.example.org/parks.geojson')
    })

    test('a malformed document answers 400 with the line the parser stopped at', async () => {
      const broken = `${PREFIXES}\n<${REMOTE}/x> a dcat:Dataset ;\n  dct:title "unterminated ;\n`
      const created = await json<{ code: string; detail: string; line: number }>(
        await createSource(server, { organisation: 'primaria-cluj-napoca', document: broken }),
        400,
      )
      assert.equal(created.code, 'CATALOG_DCAT_DOCUMENT_INVALID')
      assert.equal(typeof created.line, 'number')
      assert.match(created.detail, new RegExp(`line ${created.line}`))

      const source = await json<HarvestSource>(
        await createSource(server, { organisation: 'primaria-cluj-napoca', document: firstHarvest }),
        201,
      )
      const badXml =
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description>\n</rdf:RDF>'
      const xml = await json<{ code: string; line: number; detail: string }>(
        await run(server, source.id, { text: badXml, type: 'application/rdf+xml' }),
        400,
      )
      assert.equal(xml.code, 'CATALOG_DCAT_DOCUMENT_INVALID')
      assert.equal(xml.line, 4)
      const badJson = await json<{ code: string; line: number }>(
        await run(server, source.id, { text: '{\n  "@id": "x",\n  oops\n}', type: 'application/ld+json' }),
        400,
      )
      assert.equal(badJson.code, 'CATALOG_DCAT_DOCUMENT_INVALID')
      assert.equal(badJson.line, 3)
      const shown = await json<HarvestSource>(
        await server.call(`/api/catalog/harvest-sources/${source.id}`),
        200,
      )
      assert.equal(shown.lastOutcome?.status, 'failed')
      const none = await harvested(server, source.id)
      assert.equal(none.length, 0, 'a failed run writes nothing')
    })

    test('harvesting a URL is refused while outbound fetch is off, saying how to turn it on', async () => {
      const refused = await json<{ code: string; detail: string }>(
        await createSource(server, {
          organisation: 'primaria-cluj-napoca',
          url: 'http://127.0.0.1:9/catalog.ttl',
        }),
        403,
      )
      assert.equal(refused.code, 'CATALOG_HARVEST_FETCH_DISABLED')
      assert.match(refused.detail, /OUTBOUND_FETCH=true/)
    })

    test('only callers who may harvest into the organisation manage its sources', async () => {
      const anonymous = await server.call('/api/catalog/harvest-sources', { anonymous: true })
      assert.equal(anonymous.status, 401)
      const elsewhere = await json<{ code: string }>(
        await createSource(server, { organisation: 'universitatea-babes-bolyai', document: firstHarvest }),
        403,
      )
      assert.equal(elsewhere.code, 'CATALOG_NOT_ALLOWED')
      const both = await createSource(server, {
        organisation: 'primaria-cluj-napoca',
        document: firstHarvest,
        url: 'https://example.org/catalog.ttl',
      })
      assert.equal(both.status, 400)
      const missing = await server.call(
        '/api/catalog/harvest-sources/00000000-0000-4000-8000-000000000000/run',
        {
          method: 'POST',
        },
      )
      assert.equal(missing.status, 404)
    })

    test("round trip: Cetate's own export harvested into another organisation", async () => {
      const exported = await server.call('/api/catalog/dcat/catalog.rdf?pageSize=1000', { anonymous: true })
      assert.equal(exported.status, 200)
      const document = await exported.text()
      const { key } = await createApiKey(
        server.cetate.context,
        'system',
        { name: 'UBB harvest', scopes: ['catalog.*'], organisation: 'universitatea-babes-bolyai' },
        { ip: '127.0.0.1', userAgent: 'test', requestId: 'test' },
      )
      const source = await json<HarvestSource>(
        await createSource(server, { organisation: 'universitatea-babes-bolyai', document }, key),
        201,
      )
      const open = await json<{ count: number; items: Dataset[] }>(
        await server.call('/api/catalog/datasets?limit=1000', { anonymous: true }),
        200,
      )
      const outcome = await json<HarvestOutcome>(await run(server, source.id, undefined, key), 200)
      assert.equal(outcome.created, open.count)
      const copies = await harvested(server, source.id)
      const originals = new Map(
        open.items.map((dataset) => [
          `${server.cetate.context.settings.publicUrl}/api/catalog/dcat/datasets/${dataset.name}`,
          dataset,
        ]),
      )
      for (const copy of copies) {
        assert.equal(copy.organisation.slug, 'universitatea-babes-bolyai')
        const original = originals.get(copy.harvested!.iri)
        assert.ok(original, copy.harvested!.iri)
        assert.deepEqual(copy.title, original.title)
        assert.deepEqual(copy.description, original.description)
        assert.deepEqual(copy.keywords.sort(), [...original.keywords].sort())
        assert.deepEqual(copy.themes.sort(), [...original.themes].sort())
        assert.equal(copy.frequency, original.frequency)
        assert.deepEqual(copy.temporal, original.temporal)
        if (original.resources.length) assert.equal(copy.licence, original.licence)
        assert.ok(copy.resources.length >= original.resources.length, 'datastore tables add downloads')
        assert.notEqual(copy.name, original.name, 'names are made unique')
      }

      // The catalogue read again as JSON-LD: the same datasets match (updated or unchanged, none
      // removed), and the copies just published under the university are new to the source.
      const asJsonLd = await server.call('/api/catalog/dcat/catalog.jsonld?pageSize=1000', {
        anonymous: true,
      })
      const again = await json<HarvestOutcome>(
        await run(server, source.id, { text: await asJsonLd.text(), type: 'application/ld+json' }, key),
        200,
      )
      assert.deepEqual(
        [again.created, again.removed, again.updated + again.unchanged],
        [open.count, 0, open.count],
      )
    })
  })

  describe(`DCAT harvest from a URL (${backend.name})`, () => {
    let database: TestDatabase
    let server: DcatCetate
    let remote: Server
    let remoteUrl: string
    let requests: string[]
    before(async () => {
      requests = []
      remote = createServer((request, response) => {
        requests.push(request.url ?? '')
        const page = request.url === '/catalog.ttl?page=2' ? 2 : 1
        const next = page === 1 ? `hydra:nextPage "${remoteUrl}/catalog.ttl?page=2" ;` : ''
        response.writeHead(200, { 'content-type': 'text/turtle; charset=utf-8' })
        response.end(`${PREFIXES}
<${remoteUrl}/catalog.ttl?page=${page}> a hydra:PagedCollection ; ${next} hydra:totalItems 2 .
${turtleDataset(`p${page}`, `Pagina ${page}`)}`)
      })
      await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve))
      remoteUrl = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`
      database = await backend.create()
      server = await startDcatCetate(database, { OUTBOUND_FETCH: 'true' })
    })
    after(async () => {
      await server?.close()
      await database?.drop()
      await new Promise((resolve) => remote?.close(resolve))
    })

    test('every Hydra page of a remote catalogue is fetched and harvested', async () => {
      const source = await json<HarvestSource>(
        await createSource(server, { organisation: 'primaria-cluj-napoca', url: `${remoteUrl}/catalog.ttl` }),
        201,
      )
      const outcome = await json<HarvestOutcome>(await run(server, source.id), 200)
      assert.deepEqual([outcome.created, outcome.pages], [2, 2])
      assert.deepEqual(requests, ['/catalog.ttl', '/catalog.ttl?page=2'])
      const names = (await harvested(server, source.id)).map((dataset) => dataset.name).sort()
      assert.deepEqual(names, ['pagina-1', 'pagina-2'])
    })

    test('an unreachable catalogue fails the run with 502 and keeps what was harvested', async () => {
      const source = await json<HarvestSource>(
        await createSource(server, { organisation: 'primaria-cluj-napoca', url: `${remoteUrl}/catalog.ttl` }),
        201,
      )
      await json<HarvestOutcome>(await run(server, source.id), 200)
      await new Promise((resolve) => remote.close(resolve))
      const failed = await json<{ code: string }>(await run(server, source.id), 502)
      assert.equal(failed.code, 'CATALOG_HARVEST_FETCH_FAILED')
      assert.equal((await harvested(server, source.id)).length, 2)
    })
  })
}
