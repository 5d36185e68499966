import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { testBackends } from '../../../../test/support/databases.ts'
import { ngsiServerForSuite } from '../../../../test/support/ngsi.ts'

const LINK = (url: string) =>
  `<${url}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`
const userContext = {
  '@context': {
    sdm: 'https://smartdatamodels.org/dataModel.Environment/',
    NO2: 'sdm:NO2',
    Station: 'https://example.org/cluj/Station',
  },
}

for (const backend of testBackends()) {
  describe(`NGSI-LD @contexts and tenants on ${backend.name}`, { timeout: 180_000 }, () => {
    const server = ngsiServerForSuite(backend)
    let hosted: string

    test('6.30.3.1 a user @context can be hosted, read back and listed', async () => {
      const response = await server().ngsi('/jsonldContexts', { method: 'POST', body: userContext })
      assert.equal(response.status, 201)
      hosted = response.headers.get('location') ?? ''
      assert.match(hosted, /\/ngsi-ld\/v1\/jsonldContexts\/[0-9a-f-]{36}$/)
      const served = await fetch(hosted)
      assert.equal(served.status, 200)
      assert.deepEqual(await served.json(), userContext)
      const list = (await (await server().ngsi('/jsonldContexts')).json()) as string[]
      assert.ok(list.includes(hosted))
      assert.ok(list.includes('https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld'))
      const core = await server().ngsi('/jsonldContexts/ngsi-ld-core-context-v1.8.jsonld')
      assert.equal(((await core.json()) as { '@context': object })['@context'] !== undefined, true)
      assert.equal(
        (await server().ngsi('/jsonldContexts', { method: 'POST', body: { nothing: 1 } })).status,
        400,
      )
      assert.equal(
        (await server().ngsi('/jsonldContexts', { method: 'POST', body: userContext, anonymous: true }))
          .status,
        401,
      )
    })

    test('6.3.5 names written with a Link context are read back the same way, and in full with the core context', async () => {
      const created = await server().ngsi('/entities', {
        method: 'POST',
        headers: { link: LINK(hosted) },
        body: { id: 'urn:ngsi-ld:Station:ctx', type: 'Station', NO2: { type: 'Property', value: 12 } },
      })
      assert.equal(created.status, 201)
      const same = await server().ngsi('/entities/urn:ngsi-ld:Station:ctx?options=keyValues', {
        headers: { link: LINK(hosted) },
      })
      assert.deepEqual(await same.json(), { id: 'urn:ngsi-ld:Station:ctx', type: 'Station', NO2: 12 })
      assert.equal(same.headers.get('link'), LINK(hosted))
      const core = (await (
        await server().ngsi('/entities/urn:ngsi-ld:Station:ctx?options=keyValues')
      ).json()) as Record<string, unknown>
      assert.equal(core.type, 'https://example.org/cluj/Station')
      assert.equal(core['https://smartdatamodels.org/dataModel.Environment/NO2'], 12)
      const byType = await server().ngsi('/entities?type=Station&q=NO2==12', {
        headers: { link: LINK(hosted) },
      })
      assert.equal(((await byType.json()) as unknown[]).length, 1)
    })

    test('6.3.5 an inline @context in a JSON-LD body is used and echoed back', async () => {
      const created = await server().ngsi('/entities', {
        method: 'POST',
        headers: { 'content-type': 'application/ld+json' },
        body: {
          '@context': userContext['@context'],
          id: 'urn:ngsi-ld:Station:inline',
          type: 'Station',
          NO2: 3,
        },
      })
      assert.equal(created.status, 201)
      const read = await server().ngsi('/entities/urn:ngsi-ld:Station:inline?options=keyValues', {
        headers: { link: LINK(hosted), accept: 'application/ld+json' },
      })
      const body = (await read.json()) as Record<string, unknown>
      assert.equal(body['@context'], hosted)
      assert.equal(body.NO2, 3)
    })

    test('6.3.5 an unknown remote @context is LdContextNotAvailable while outbound fetching is off', async () => {
      const response = await server().ngsi('/entities?type=Station', {
        headers: { link: LINK('https://contexts.example.org/unknown.jsonld') },
      })
      assert.equal(response.status, 503)
      const body = (await response.json()) as { type: string; detail: string }
      assert.equal(body.type, 'https://uri.etsi.org/ngsi-ld/errors/LdContextNotAvailable')
      assert.match(body.detail, /POST \/ngsi-ld\/v1\/jsonldContexts/)
    })

    test('6.31.3.1 a hosted @context can be removed; using it then fails', async () => {
      const id = hosted.split('/').pop() ?? ''
      assert.equal((await server().ngsi(`/jsonldContexts/${id}`, { method: 'DELETE' })).status, 204)
      assert.equal((await server().ngsi(`/jsonldContexts/${id}`)).status, 404)
      assert.equal(
        (await server().ngsi('/entities?type=Station', { headers: { link: LINK(hosted) } })).status,
        503,
      )
      assert.equal(
        (await server().ngsi('/jsonldContexts/ngsi-ld-core-context-v1.8.jsonld', { method: 'DELETE' }))
          .status,
        400,
      )
    })

    test('6.3.14 tenants are isolated: nothing written in one is seen in another or the default', async () => {
      const inA = { 'ngsild-tenant': 'district-a' }
      const inB = { 'ngsild-tenant': 'district-b' }
      const entity = { id: 'urn:ngsi-ld:Bin:1', type: 'Bin', fill: { type: 'Property', value: 80 } }
      assert.equal(
        (await server().ngsi('/entities', { method: 'POST', headers: inA, body: entity })).status,
        201,
      )
      assert.equal(
        (await server().ngsi('/entities', { method: 'POST', headers: inB, body: { ...entity, fill: 5 } }))
          .status,
        201,
      )
      const a = (await (
        await server().ngsi('/entities/urn:ngsi-ld:Bin:1?options=keyValues', { headers: inA })
      ).json()) as {
        fill: number
      }
      const b = (await (
        await server().ngsi('/entities/urn:ngsi-ld:Bin:1?options=keyValues', { headers: inB })
      ).json()) as {
        fill: number
      }
      assert.deepEqual([a.fill, b.fill], [80, 5])
      assert.equal((await server().ngsi('/entities/urn:ngsi-ld:Bin:1')).status, 404)
      assert.deepEqual(await (await server().ngsi('/entities?type=Bin')).json(), [])
      const typesInA = (await (await server().ngsi('/types', { headers: inA })).json()) as {
        typeList: string[]
      }
      assert.deepEqual(typesInA.typeList, ['Bin'])
      await server().ngsi('/entities/urn:ngsi-ld:Bin:1', { method: 'DELETE', headers: inA })
      assert.equal((await server().ngsi('/entities/urn:ngsi-ld:Bin:1', { headers: inB })).status, 200)
      const batch = await server().ngsi('/entityOperations/delete', {
        method: 'POST',
        headers: inA,
        body: ['urn:ngsi-ld:Bin:1'],
      })
      assert.equal(batch.status, 207)
    })

    test('6.3.14 reading an unknown tenant is NonexistentTenant; a malformed tenant name is BadRequestData', async () => {
      const unknown = await server().ngsi('/entities?type=Bin', { headers: { 'ngsild-tenant': 'nowhere' } })
      assert.equal(unknown.status, 404)
      assert.equal(
        ((await unknown.json()) as { type: string }).type,
        'https://uri.etsi.org/ngsi-ld/errors/NonexistentTenant',
      )
      const bad = await server().ngsi('/entities?type=Bin', { headers: { 'ngsild-tenant': 'no/such' } })
      assert.equal(bad.status, 400)
    })
  })
}
