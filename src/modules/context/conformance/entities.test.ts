import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import { testBackends } from '../../../../test/support/databases.ts'
import { ngsiServerForSuite } from '../../../../test/support/ngsi.ts'

type Body = Record<string, unknown>
const ERRORS = 'https://uri.etsi.org/ngsi-ld/errors/'
const station = (n: number, extra: Body = {}): Body => ({
  id: `urn:ngsi-ld:TestStation:${n}`,
  type: 'TestStation',
  NO2: { type: 'Property', value: 10 * n, unitCode: 'GQ', observedAt: '2026-11-22T10:00:00Z' },
  name: { type: 'Property', value: `Station ${n}` },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [23.59 + n * 0.001, 46.77] } },
  ...extra,
})

async function problem(response: Response, status: number, type: string): Promise<{ detail: string }> {
  const body = (await response.json()) as { type: string; detail: string; title: string }
  assert.equal(response.status, status, JSON.stringify(body))
  assert.equal(body.type, `${ERRORS}${type}`)
  assert.ok(body.title.length > 0 && body.detail.length > 0)
  return body
}

for (const backend of testBackends()) {
  describe(`NGSI-LD entities on ${backend.name}`, { timeout: 180_000 }, () => {
    const server = ngsiServerForSuite(backend)
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const response = await server().ngsi(path, { headers })
      assert.equal(response.status, 200, await response.clone().text())
      return response.json() as Promise<unknown>
    }

    before(async () => {
      for (const n of [1, 2, 3, 4, 5]) {
        const response = await server().ngsi('/entities', { method: 'POST', body: station(n) })
        assert.equal(response.status, 201)
      }
    })

    test('6.4.3.1 POST /entities creates an entity and answers its Location', async () => {
      const response = await server().ngsi('/entities', { method: 'POST', body: station(10) })
      assert.equal(response.status, 201)
      assert.equal(response.headers.get('location'), '/ngsi-ld/v1/entities/urn:ngsi-ld:TestStation:10')
      const again = await server().ngsi('/entities', { method: 'POST', body: station(10) })
      await problem(again, 409, 'AlreadyExists')
    })

    test('6.4.3.1 an entity without a URI id, a type, or with a malformed attribute is BadRequestData', async () => {
      const cases: unknown[] = [
        { type: 'TestStation' },
        { id: 'not a uri', type: 'TestStation' },
        { id: 'urn:ngsi-ld:TestStation:x' },
        {
          id: 'urn:ngsi-ld:TestStation:x',
          type: 'TestStation',
          owner: { type: 'Relationship', object: 'no' },
        },
        {
          id: 'urn:ngsi-ld:TestStation:x',
          type: 'TestStation',
          location: { type: 'GeoProperty', value: { type: 'Point' } },
        },
        {
          id: 'urn:ngsi-ld:TestStation:x',
          type: 'TestStation',
          NO2: { type: 'Property', value: 1, observedAt: 'yesterday' },
        },
        { id: 'urn:ngsi-ld:TestStation:x', type: 'TestStation', NO2: { type: 'Thing', value: 1 } },
        { id: 'urn:ngsi-ld:TestStation:x', type: 'TestStation', 'bad name': 1 },
        [1, 2],
      ]
      for (const body of cases) {
        const response = await server().ngsi('/entities', { method: 'POST', body })
        await problem(response, 400, 'BadRequestData')
      }
    })

    test('6.3.4 bad JSON is InvalidRequest, a wrong content type 415, a body too large 413', async () => {
      await problem(
        await server().ngsi('/entities', { method: 'POST', body: '{"id":' }),
        400,
        'InvalidRequest',
      )
      const xml = await server().ngsi('/entities', {
        method: 'POST',
        body: '<entity/>',
        headers: { 'content-type': 'application/xml' },
      })
      await problem(xml, 415, 'UnsupportedMediaType')
      const huge = { ...station(99), blob: { type: 'Property', value: 'x'.repeat(2 * 1024 * 1024) } }
      await problem(await server().ngsi('/entities', { method: 'POST', body: huge }), 413, 'PayloadTooLarge')
    })

    test('6.3.5 application/ld+json needs @context in the body; application/json must not carry one', async () => {
      const ld = {
        ...station(20),
        '@context': 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld',
      }
      const withLd = await server().ngsi('/entities', {
        method: 'POST',
        body: ld,
        headers: { 'content-type': 'application/ld+json' },
      })
      assert.equal(withLd.status, 201)
      const missing = await server().ngsi('/entities', {
        method: 'POST',
        body: station(21),
        headers: { 'content-type': 'application/ld+json' },
      })
      await problem(missing, 400, 'BadRequestData')
      await problem(
        await server().ngsi('/entities', { method: 'POST', body: { ...ld, id: 'urn:x:22' } }),
        400,
        'BadRequestData',
      )
    })

    test('4.5.2 concise input is understood: values, GeoJSON, relationships and language maps', async () => {
      const response = await server().ngsi('/entities', {
        method: 'POST',
        body: {
          id: 'urn:ngsi-ld:TestStation:concise',
          type: 'TestStation',
          NO2: 33,
          address: { value: { streetAddress: 'Piața Unirii 1' } },
          location: { type: 'Point', coordinates: [23.5899, 46.7698] },
          operator: { object: 'urn:ngsi-ld:Organisation:primaria' },
          label: { languageMap: { ro: 'Stație', en: 'Station', hu: 'Állomás' } },
        },
      })
      assert.equal(response.status, 201)
      const entity = (await get('/entities/urn:ngsi-ld:TestStation:concise')) as Record<string, Body>
      assert.deepEqual(entity.NO2, { type: 'Property', value: 33 })
      assert.equal(entity.location?.type, 'GeoProperty')
      assert.deepEqual(entity.operator, { type: 'Relationship', object: 'urn:ngsi-ld:Organisation:primaria' })
      assert.equal(entity.label?.type, 'LanguageProperty')
      assert.deepEqual(entity.address, { type: 'Property', value: { streetAddress: 'Piața Unirii 1' } })
    })

    test('6.5.3.1 retrieve: normalized, keyValues, concise, sysAttrs, attrs, pick, omit', async () => {
      const path = '/entities/urn:ngsi-ld:TestStation:1'
      const normalized = (await get(path)) as Record<string, Body>
      assert.deepEqual(normalized.NO2, {
        type: 'Property',
        value: 10,
        unitCode: 'GQ',
        observedAt: '2026-11-22T10:00:00Z',
      })
      assert.equal(normalized.createdAt, undefined)
      assert.deepEqual(await get(`${path}?options=keyValues&attrs=NO2`), {
        id: 'urn:ngsi-ld:TestStation:1',
        type: 'TestStation',
        NO2: 10,
      })
      const concise = (await get(`${path}?options=concise&attrs=name`)) as Body
      assert.equal(concise.name, 'Station 1')
      const sys = (await get(`${path}?options=sysAttrs`)) as Record<string, Body>
      assert.match(String(sys.createdAt), /^\d{4}-/)
      assert.match(String(sys.NO2?.modifiedAt), /^\d{4}-/)
      assert.deepEqual(await get(`${path}?pick=id,NO2&options=keyValues`), {
        id: 'urn:ngsi-ld:TestStation:1',
        NO2: 10,
      })
      const omitted = (await get(`${path}?omit=location,name&options=keyValues`)) as Body
      assert.deepEqual(Object.keys(omitted).sort(), ['NO2', 'id', 'type'])
      await problem(await server().ngsi(`${path}?options=keyValues,concise`), 400, 'BadRequestData')
      await problem(await server().ngsi(`${path}?options=fancy`), 400, 'BadRequestData')
    })

    test('6.5.3.1 retrieve as JSON-LD or GeoJSON; an unknown entity is ResourceNotFound; other media 406', async () => {
      const path = '/entities/urn:ngsi-ld:TestStation:2'
      const ld = (await get(path, { accept: 'application/ld+json' })) as Body
      assert.equal(ld['@context'], 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld')
      const json = await server().ngsi(path)
      assert.match(json.headers.get('link') ?? '', /rel="http:\/\/www.w3.org\/ns\/json-ld#context"/)
      const feature = (await get(path, { accept: 'application/geo+json' })) as {
        type: string
        geometry: Body
      }
      assert.equal(feature.type, 'Feature')
      assert.equal(feature.geometry.type, 'Point')
      await problem(await server().ngsi('/entities/urn:ngsi-ld:TestStation:none'), 404, 'ResourceNotFound')
      await problem(await server().ngsi(path, { headers: { accept: 'text/csv' } }), 406, 'NotAcceptable')
    })

    test('6.4.3.2 query by type, id, idPattern and attrs', async () => {
      const ids = (items: unknown) => (items as { id: string }[]).map((item) => item.id).sort()
      const all = await get('/entities?type=TestStation&limit=100&options=keyValues')
      assert.ok(ids(all).length >= 5)
      assert.deepEqual(ids(await get('/entities?id=urn:ngsi-ld:TestStation:1,urn:ngsi-ld:TestStation:3')), [
        'urn:ngsi-ld:TestStation:1',
        'urn:ngsi-ld:TestStation:3',
      ])
      assert.deepEqual(ids(await get('/entities?idPattern=TestStation:[45]$')), [
        'urn:ngsi-ld:TestStation:4',
        'urn:ngsi-ld:TestStation:5',
      ])
      assert.deepEqual(ids(await get('/entities?type=TestStation&attrs=operator')), [
        'urn:ngsi-ld:TestStation:concise',
      ])
      assert.deepEqual(await get('/entities?type=NoSuchType'), [])
    })

    test('4.17 type expressions: any of (, or |) and all of (;)', async () => {
      await server().ngsi('/entities', {
        method: 'POST',
        body: { id: 'urn:ngsi-ld:Both:1', type: ['TestStation', 'Sensor'], NO2: 1 },
      })
      const ids = (items: unknown) => (items as { id: string }[]).map((item) => item.id)
      assert.deepEqual(ids(await get('/entities?type=Sensor;TestStation')), ['urn:ngsi-ld:Both:1'])
      assert.ok(ids(await get('/entities?type=Sensor,Nothing')).includes('urn:ngsi-ld:Both:1'))
      assert.ok(ids(await get('/entities?type=(Sensor|Nothing);TestStation')).includes('urn:ngsi-ld:Both:1'))
      await problem(await server().ngsi('/entities?type=(Sensor'), 400, 'BadRequestData')
    })

    test('4.9 q filters by values, ranges, lists and existence', async () => {
      const ids = (items: unknown) =>
        (items as { id: string }[])
          .map((item) => item.id)
          .filter((id) => /TestStation:\d$/.test(id))
          .sort()
      assert.deepEqual(ids(await get('/entities?type=TestStation&q=NO2>30')), [
        'urn:ngsi-ld:TestStation:4',
        'urn:ngsi-ld:TestStation:5',
      ])
      assert.deepEqual(ids(await get('/entities?type=TestStation&q=NO2==20..30')), [
        'urn:ngsi-ld:TestStation:2',
        'urn:ngsi-ld:TestStation:3',
      ])
      assert.deepEqual(ids(await get('/entities?type=TestStation&q=NO2==10,50')), [
        'urn:ngsi-ld:TestStation:1',
        'urn:ngsi-ld:TestStation:5',
      ])
      assert.deepEqual(
        ids(await get(`/entities?type=TestStation&q=${encodeURIComponent('name=="Station 2"|NO2<15')}`)),
        ['urn:ngsi-ld:TestStation:1', 'urn:ngsi-ld:TestStation:2'],
      )
      assert.deepEqual(
        ids(await get('/entities?type=TestStation&q=NO2.observedAt>2026-01-01T00:00:00Z;NO2<25')),
        ['urn:ngsi-ld:TestStation:1', 'urn:ngsi-ld:TestStation:2'],
      )
      await problem(await server().ngsi('/entities?q=NO2>>1'), 400, 'BadRequestData')
    })

    test('4.10 geoQ near, within, and the errors of a half-given geo-query', async () => {
      const ids = (items: unknown) =>
        (items as { id: string }[])
          .map((item) => item.id)
          .filter((id) => /TestStation:\d$/.test(id))
          .sort()
      const near = await get(
        '/entities?type=TestStation&georel=near;maxDistance==30&geometry=Point&coordinates=[23.591,46.77]',
      )
      assert.deepEqual(ids(near), ['urn:ngsi-ld:TestStation:1'])
      const box = encodeURIComponent(
        '[[[23.5935,46.76],[23.6,46.76],[23.6,46.78],[23.5935,46.78],[23.5935,46.76]]]',
      )
      assert.deepEqual(
        ids(await get(`/entities?type=TestStation&georel=within&geometry=Polygon&coordinates=${box}`)),
        ['urn:ngsi-ld:TestStation:4', 'urn:ngsi-ld:TestStation:5'],
      )
      await problem(
        await server().ngsi('/entities?type=TestStation&georel=near;maxDistance==100'),
        400,
        'BadRequestData',
      )
      await problem(
        await server().ngsi(
          '/entities?type=TestStation&georel=nearby&geometry=Point&coordinates=[23.5,46.7]',
        ),
        400,
        'BadRequestData',
      )
    })

    test('4.10 near answers nearest first', async () => {
      const found = (await get(
        '/entities?type=TestStation&georel=near;maxDistance==2000&geometry=Point&coordinates=[23.5945,46.77]&limit=3',
      )) as { id: string }[]
      assert.deepEqual(
        found.map((entity) => entity.id),
        ['urn:ngsi-ld:TestStation:5', 'urn:ngsi-ld:TestStation:4', 'urn:ngsi-ld:TestStation:3'],
      )
    })

    test('6.4.3.2 limit, offset and the NGSILD-Results-Count header', async () => {
      const first = await server().ngsi('/entities?type=TestStation&limit=2&count=true')
      assert.equal(first.status, 200)
      const total = Number(first.headers.get('ngsild-results-count'))
      assert.ok(total >= 6)
      const page = (await first.json()) as { id: string }[]
      const next = (await get('/entities?type=TestStation&limit=2&offset=2')) as { id: string }[]
      assert.equal(page.length, 2)
      assert.notDeepEqual(page, next)
      await problem(await server().ngsi('/entities?type=TestStation&limit=5000'), 403, 'TooManyResults')
      await problem(await server().ngsi('/entities?type=TestStation&limit=-1'), 400, 'BadRequestData')
      await problem(
        await server().ngsi('/entities?type=TestStation&idPattern=(unclosed'),
        400,
        'BadRequestData',
      )
    })

    test('6.6.3.1 append attributes; with noOverwrite existing ones are reported, not changed', async () => {
      const path = '/entities/urn:ngsi-ld:TestStation:3/attrs'
      const appended = await server().ngsi(path, {
        method: 'POST',
        body: { PM10: { type: 'Property', value: 21 } },
      })
      assert.equal(appended.status, 204)
      const kept = await server().ngsi(`${path}?options=noOverwrite`, {
        method: 'POST',
        body: { PM10: { type: 'Property', value: 99 }, O3: { type: 'Property', value: 5 } },
      })
      assert.equal(kept.status, 207)
      const result = (await kept.json()) as { updated: string[]; notUpdated: { attributeName: string }[] }
      assert.deepEqual(result.updated, ['O3'])
      assert.deepEqual(
        result.notUpdated.map((item) => item.attributeName),
        ['PM10'],
      )
      const entity = (await get('/entities/urn:ngsi-ld:TestStation:3?options=keyValues')) as Body
      assert.equal(entity.PM10, 21)
    })

    test('6.6.3.2 update attributes: existing ones change, missing ones are reported', async () => {
      const response = await server().ngsi('/entities/urn:ngsi-ld:TestStation:3/attrs', {
        method: 'PATCH',
        body: { PM10: { type: 'Property', value: 22 }, missing: { type: 'Property', value: 1 } },
      })
      assert.equal(response.status, 207)
      const entity = (await get('/entities/urn:ngsi-ld:TestStation:3?options=keyValues')) as Body
      assert.equal(entity.PM10, 22)
      assert.equal(entity.missing, undefined)
      await problem(
        await server().ngsi('/entities/urn:ngsi-ld:TestStation:none/attrs', {
          method: 'PATCH',
          body: { PM10: 1 },
        }),
        404,
        'ResourceNotFound',
      )
    })

    test('6.7.3.1 partial attribute update keeps what is not given; a missing attribute is ResourceNotFound', async () => {
      const path = '/entities/urn:ngsi-ld:TestStation:concise/attrs'
      assert.equal((await server().ngsi(`${path}/NO2`, { method: 'PATCH', body: { value: 34 } })).status, 204)
      const stamped = await server().ngsi(`${path}/operator`, {
        method: 'PATCH',
        body: { observedAt: '2026-11-22T12:00:00Z' },
      })
      assert.equal(stamped.status, 204)
      const entity = (await get('/entities/urn:ngsi-ld:TestStation:concise')) as Record<string, Body>
      assert.equal(entity.NO2?.value, 34)
      assert.equal(entity.operator?.type, 'Relationship')
      assert.equal(entity.operator?.observedAt, '2026-11-22T12:00:00Z')
      await problem(
        await server().ngsi(`${path}/nothing`, { method: 'PATCH', body: { value: 1 } }),
        404,
        'ResourceNotFound',
      )
      await problem(await server().ngsi(`${path}/NO2`, { method: 'PATCH', body: {} }), 400, 'BadRequestData')
    })

    test('4.5.5 datasetId keeps several instances of one attribute; delete one or all', async () => {
      const path = '/entities/urn:ngsi-ld:TestStation:4/attrs'
      const response = await server().ngsi(path, {
        method: 'POST',
        body: {
          temperature: [
            { type: 'Property', value: 5 },
            { type: 'Property', value: 6, datasetId: 'urn:ngsi-ld:Dataset:sensor-b' },
          ],
        },
      })
      assert.equal(response.status, 204)
      const entity = (await get('/entities/urn:ngsi-ld:TestStation:4?attrs=temperature')) as Record<
        string,
        unknown
      >
      assert.equal((entity.temperature as unknown[]).length, 2)
      const one = await server().ngsi(`${path}/temperature?datasetId=urn:ngsi-ld:Dataset:sensor-b`, {
        method: 'DELETE',
      })
      assert.equal(one.status, 204)
      const left = (await get('/entities/urn:ngsi-ld:TestStation:4?attrs=temperature')) as Record<
        string,
        Body
      >
      assert.equal(left.temperature?.value, 5)
      assert.equal(
        (await server().ngsi(`${path}/temperature?deleteAll=true`, { method: 'DELETE' })).status,
        204,
      )
      await problem(await server().ngsi(`${path}/temperature`, { method: 'DELETE' }), 404, 'ResourceNotFound')
    })

    test('6.7.3.3 replace an attribute', async () => {
      const path = '/entities/urn:ngsi-ld:TestStation:5/attrs/name'
      const response = await server().ngsi(path, {
        method: 'PUT',
        body: { type: 'Property', value: 'Gheorgheni' },
      })
      assert.equal(response.status, 204)
      assert.equal(
        ((await get('/entities/urn:ngsi-ld:TestStation:5?options=keyValues')) as Body).name,
        'Gheorgheni',
      )
      await problem(
        await server().ngsi('/entities/urn:ngsi-ld:TestStation:5/attrs/none', {
          method: 'PUT',
          body: { value: 1 },
        }),
        404,
        'ResourceNotFound',
      )
    })

    test('6.5.3.3 merge-patch: given attributes merge, null deletes', async () => {
      const response = await server().ngsi('/entities/urn:ngsi-ld:TestStation:2', {
        method: 'PATCH',
        body: { NO2: { value: 25 }, name: null, O3: 7 },
        headers: { 'content-type': 'application/merge-patch+json' },
      })
      assert.equal(response.status, 204)
      const entity = (await get('/entities/urn:ngsi-ld:TestStation:2')) as Record<string, Body>
      assert.equal(entity.NO2?.value, 25)
      assert.equal(entity.NO2?.unitCode, 'GQ')
      assert.equal(entity.name, undefined)
      assert.equal(entity.O3?.value, 7)
    })

    test('6.5.3.4 replace an entity; the body id must match the URL', async () => {
      const path = '/entities/urn:ngsi-ld:TestStation:20'
      const replaced = await server().ngsi(path, { method: 'PUT', body: { type: 'TestStation', NO2: 1 } })
      assert.equal(replaced.status, 204)
      assert.deepEqual(Object.keys((await get(path)) as Body).sort(), ['NO2', 'id', 'type'])
      await problem(
        await server().ngsi(path, {
          method: 'PUT',
          body: { id: 'urn:ngsi-ld:Other:1', type: 'TestStation' },
        }),
        400,
        'BadRequestData',
      )
    })

    test('6.5.3.2 delete an entity', async () => {
      const path = '/entities/urn:ngsi-ld:TestStation:10'
      assert.equal((await server().ngsi(path, { method: 'DELETE' })).status, 204)
      await problem(await server().ngsi(path), 404, 'ResourceNotFound')
      await problem(await server().ngsi(path, { method: 'DELETE' }), 404, 'ResourceNotFound')
    })

    test('4.15 lang shows a LanguageProperty in one language', async () => {
      const entity = (await get('/entities/urn:ngsi-ld:TestStation:concise?attrs=label&lang=hu')) as Record<
        string,
        Body
      >
      assert.deepEqual(entity.label, { type: 'Property', value: 'Állomás', lang: 'hu' })
      const simple = (await get(
        '/entities/urn:ngsi-ld:TestStation:concise?attrs=label&lang=ro&options=keyValues',
      )) as Body
      assert.equal(simple.label, 'Stație')
    })

    test('writes need credentials allowed to write; anonymous reads see only public types', async () => {
      await problem(
        await server().ngsi('/entities', { method: 'POST', body: station(30), anonymous: true }),
        401,
        'Unauthorized',
      )
      await problem(
        await server().ngsi('/entities/urn:ngsi-ld:TestStation:1/attrs/NO2', {
          method: 'PATCH',
          body: { value: 1 },
          anonymous: true,
        }),
        401,
        'Unauthorized',
      )
      const hidden = await server().ngsi('/entities?type=TestStation', { anonymous: true })
      assert.deepEqual(await hidden.json(), [])
      await problem(
        await server().ngsi('/entities/urn:ngsi-ld:TestStation:1', { anonymous: true }),
        404,
        'ResourceNotFound',
      )
      const steward = await server().request('/api/context/public-types/TestStation', {
        method: 'PUT',
        headers: { authorization: `Bearer ${server().apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ public: true }),
      })
      assert.equal(steward.status, 204)
      const open = (await (
        await server().ngsi('/entities?type=TestStation', { anonymous: true })
      ).json()) as unknown[]
      assert.ok(open.length >= 5)
      const listed = (await (await server().request('/api/context/public-types')).json()) as {
        items: { name: string }[]
      }
      assert.ok(listed.items.some((item) => item.name === 'TestStation'))
    })
  })
}
