import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { canonicalLines, type DcatCetate, startDcatCetate, validateWithShapes } from './dcat-test-support.ts'
import { parseDocument } from './parse.ts'
import { RDF_FORMATS, type RdfFormat } from './serialize.ts'
import { PREFIXES } from './terms.ts'

const DCAT_DATASET = `${PREFIXES.dcat}dataset`

/** Every field a publisher can fill, and two kinds of distribution. */
const everyField = {
  organisation: 'primaria-cluj-napoca',
  name: 'trafic-complet-dcat',
  title: { ro: 'Trafic pe străzi', en: 'Street traffic', hu: 'Utcai forgalom' },
  description: {
    ro: 'Numărări de vehicule & <biciclete>.',
    en: 'Vehicle & bicycle counts.',
    hu: 'Járműszámlálás.',
  },
  keywords: ['trafic', 'mobilitate'],
  themes: ['TRAN', 'REGI'],
  licence: 'odbl-1.0',
  accessLevel: 'open',
  spatial: {
    area: 'centru',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [23.58, 46.76],
          [23.6, 46.76],
          [23.6, 46.78],
          [23.58, 46.76],
        ],
      ],
    },
  },
  temporal: { start: '2023-01-01', end: '2023-12-31' },
  frequency: 'MONTHLY',
  contactPoint: {
    name: 'Direcția Mobilitate',
    email: 'mobilitate@example.org',
    url: 'https://example.org/mobilitate',
  },
  version: '1.0',
}

async function created(server: DcatCetate, path: string, body: unknown, method = 'POST'): Promise<void> {
  const response = await server.call(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`)
}

async function json(response: Response): Promise<{ paths: Record<string, unknown> }> {
  assert.equal(response.status, 200)
  return (await response.json()) as { paths: Record<string, unknown> }
}

async function read(server: DcatCetate, path: string, accept?: string) {
  const response = await server.call(path, { anonymous: true, ...(accept ? { headers: { accept } } : {}) })
  return { response, text: await response.text() }
}

async function graphAt(server: DcatCetate, path: string, format: RdfFormat) {
  const { response, text } = await read(server, path)
  assert.equal(response.status, 200, text)
  assert.equal(response.headers.get('content-type')?.split(';')[0], RDF_FORMATS[format])
  return parseDocument(text, format, server.url)
}

for (const backend of testBackends()) {
  describe(`DCAT-AP export (${backend.name})`, () => {
    let database: TestDatabase
    let server: DcatCetate
    before(async () => {
      database = await backend.create()
      server = await startDcatCetate(database)
      await created(server, '/api/catalog/datasets', everyField)
      await created(server, `/api/catalog/datasets/${everyField.name}/resources`, {
        kind: 'link',
        title: { ro: 'Numărări lunare', en: 'Monthly counts' },
        description: { ro: 'Fișierul lunar.' },
        format: 'CSV',
        url: 'https://example.org/trafic.csv',
      })
      await created(server, `/api/catalog/datasets/${everyField.name}/resources`, {
        kind: 'live',
        title: { ro: 'Trafic în timp real' },
        liveType: 'TrafficFlowObserved',
      })
      await created(server, `/api/catalog/datasets/${everyField.name}/status`, { status: 'published' }, 'PUT')
      await created(server, '/api/catalog/datasets', {
        ...everyField,
        name: 'ciorna-dcat',
        title: { ro: 'Ciornă' },
      })
      await created(server, '/api/catalog/datasets', {
        ...everyField,
        name: 'privat-dcat',
        title: { ro: 'Privat' },
        accessLevel: 'private',
      })
      await created(server, '/api/catalog/datasets/privat-dcat/resources', {
        kind: 'link',
        title: { ro: 'Fișier' },
        url: 'https://example.org/privat.csv',
      })
      await created(server, '/api/catalog/datasets/privat-dcat/status', { status: 'published' }, 'PUT')
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test('the whole catalogue conforms to the DCAT-AP 3.0.1 shapes (shapes.ttl)', async () => {
      const quads = await graphAt(server, '/api/catalog/dcat/catalog.ttl?pageSize=1000', 'ttl')
      assert.ok(quads.filter((quad) => quad.predicate.value === DCAT_DATASET).length >= 2)
      const { conforms, findings } = await validateWithShapes(quads, 'shapes.ttl')
      assert.deepEqual(findings, [])
      assert.equal(conforms, true)
    })

    test('recommendations (shapes_recommended.ttl) are reported as warnings', async () => {
      const quads = await graphAt(server, '/api/catalog/dcat/catalog.ttl?pageSize=1000', 'ttl')
      const { findings } = await validateWithShapes(quads, 'shapes_recommended.ttl')
      const counts = new Map<string, number>()
      for (const finding of findings) {
        const key = `${finding.path.split(/[#/]/).pop()} missing (${finding.shape})`
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
      for (const [finding, count] of counts)
        console.log(`DCAT-AP recommendation not met ×${count}: ${finding}`)
      assert.ok(findings.every((finding) => finding.severity === 'Warning'))
    })

    test('a dataset with every field filled conforms, with its distributions', async () => {
      const quads = await graphAt(server, `/api/catalog/dcat/datasets/${everyField.name}.ttl`, 'ttl')
      const { findings } = await validateWithShapes(quads, 'shapes.ttl')
      assert.deepEqual(findings, [])
      const recommended = await validateWithShapes(quads, 'shapes_recommended.ttl')
      assert.deepEqual(recommended.findings, [], 'every recommendation is met when every field is filled')
      const distributions = quads.filter((quad) => quad.predicate.value === `${PREFIXES.dcat}distribution`)
      assert.equal(distributions.length, 2)
      const titles = quads.filter(
        (quad) =>
          quad.predicate.value === `${PREFIXES.dct}title` && quad.subject.value.endsWith(everyField.name),
      )
      assert.deepEqual(titles.map((quad) => (quad.object as { language: string }).language).sort(), [
        'en',
        'hu',
        'ro',
      ])
    })

    for (const path of ['/api/catalog/dcat/catalog', `/api/catalog/dcat/datasets/${everyField.name}`]) {
      test(`Turtle, JSON-LD and RDF/XML carry the same graph (${path})`, async () => {
        const [turtle, jsonld, rdfxml] = await Promise.all(
          (['ttl', 'jsonld', 'rdf'] as const).map((format) => graphAt(server, `${path}.${format}`, format)),
        )
        assert.ok(turtle!.length > 20)
        assert.deepEqual(canonicalLines(jsonld!), canonicalLines(turtle!))
        assert.deepEqual(canonicalLines(rdfxml!), canonicalLines(turtle!))
      })

      test(`content negotiation on ${path}`, async () => {
        for (const [accept, type] of [
          ['text/turtle', 'text/turtle'],
          ['application/ld+json', 'application/ld+json'],
          ['application/rdf+xml', 'application/rdf+xml'],
          ['text/html;q=0.9, application/rdf+xml;q=0.5, application/ld+json;q=0.8', 'application/ld+json'],
          ['*/*', 'text/turtle'],
        ] as const) {
          const { response } = await read(server, path, accept)
          assert.equal(response.status, 200, accept)
          assert.equal(response.headers.get('content-type')?.split(';')[0], type, accept)
          assert.match(response.headers.get('vary') ?? '', /accept/i)
        }
        const refused = await read(server, path, 'image/png')
        assert.equal(refused.response.status, 406)
        assert.equal(JSON.parse(refused.text).code, 'CATALOG_DCAT_NOT_ACCEPTABLE')
      })
    }

    test('paging: Hydra links and Link headers walk every dataset once', async () => {
      const all = await graphAt(server, '/api/catalog/dcat/catalog.ttl?pageSize=1000', 'ttl')
      const total = all.filter((quad) => quad.predicate.value === DCAT_DATASET).length
      const seen: string[] = []
      let next: string | undefined = '/api/catalog/dcat/catalog.ttl?page=1&pageSize=2'
      let pages = 0
      while (next) {
        const { response, text } = await read(server, next)
        assert.equal(response.status, 200)
        const quads = await parseDocument(text, 'ttl', server.url)
        seen.push(
          ...quads.filter((quad) => quad.predicate.value === DCAT_DATASET).map((quad) => quad.object.value),
        )
        const totalItems = quads.find((quad) => quad.predicate.value === `${PREFIXES.hydra}totalItems`)
        assert.equal(Number(totalItems?.object.value), total)
        const link = response.headers.get('link') ?? ''
        assert.match(link, /rel="first"/)
        assert.match(link, /rel="last"/)
        const hydraNext = quads.find((quad) => quad.predicate.value === `${PREFIXES.hydra}nextPage`)?.object
          .value
        const linkNext = /<([^>]+)>; rel="next"/.exec(link)?.[1]
        assert.equal(hydraNext, linkNext)
        next = hydraNext?.replace(/^.*?\/api\//, '/api/').replace('/catalog?', '/catalog.ttl?')
        pages++
      }
      assert.equal(pages, Math.ceil(total / 2))
      assert.equal(new Set(seen).size, total)
      assert.equal(seen.length, total)
      const beyond = await read(server, `/api/catalog/dcat/catalog.ttl?page=${pages + 1}&pageSize=2`)
      assert.equal(beyond.response.status, 404)
      const tooLarge = await read(server, '/api/catalog/dcat/catalog.ttl?pageSize=100000')
      assert.equal(tooLarge.response.status, 400)
    })

    test('drafts and private datasets never appear, not even by name', async () => {
      for (const format of ['ttl', 'jsonld', 'rdf'] as const) {
        const { text } = await read(server, `/api/catalog/dcat/catalog.${format}?pageSize=1000`)
        assert.doesNotMatch(text, /ciorna-dcat|privat-dcat/)
        assert.match(text, /trafic-complet-dcat/)
      }
      for (const name of ['ciorna-dcat', 'privat-dcat', 'no-such-dataset']) {
        const { response, text } = await read(server, `/api/catalog/dcat/datasets/${name}.ttl`)
        assert.equal(response.status, 404, name)
        assert.equal(JSON.parse(text).code, 'CATALOG_DATASET_NOT_FOUND')
      }
      // Even the publisher's own key sees only the open catalogue here.
      const own = await server.call('/api/catalog/dcat/datasets/privat-dcat.ttl')
      assert.equal(own.status, 404)
    })

    test('the export and harvest routes are in the OpenAPI document', async () => {
      const openapi = await json(await server.call('/api/openapi.json', { anonymous: true }))
      for (const path of [
        '/api/catalog/dcat/catalog',
        '/api/catalog/dcat/catalog.rdf',
        '/api/catalog/dcat/datasets/{name}',
        '/api/catalog/harvest-sources',
        '/api/catalog/harvest-sources/{id}/run',
      ])
        assert.ok(openapi.paths[path], path)
    })

    test('nothing personal leaves: no creator, no people', async () => {
      const { text } = await read(server, '/api/catalog/dcat/catalog.ttl?pageSize=1000')
      assert.doesNotMatch(text, /created_?by|dct:creator|foaf:Person/i)
    })
  })
}
