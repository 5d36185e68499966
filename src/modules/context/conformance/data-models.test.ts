import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { testBackends } from '../../../../test/support/databases.ts'
import { ngsiServerForSuite } from '../../../../test/support/ngsi.ts'

const FIXTURES = new URL('../../../../test/fixtures/smart-data-models/', import.meta.url)
const schema = async (path: string) =>
  JSON.parse(await readFile(new URL(path, FIXTURES), 'utf8')) as { $id: string }
const RAW_ENVIRONMENT =
  'https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/master/Environment-schema.json'

const reading = (id: string, no2: unknown) => ({
  id,
  type: 'AirQualityObserved',
  dateObserved: { type: 'Property', value: '2026-11-22T10:00:00Z' },
  no2: { type: 'Property', value: no2, unitCode: 'GQ' },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [23.59, 46.77] } },
})

for (const backend of testBackends()) {
  describe(`Smart Data Models validation on ${backend.name}`, { timeout: 180_000 }, () => {
    const server = ngsiServerForSuite(backend)
    const register = (body: object) =>
      server().request('/api/context/data-models', {
        method: 'PUT',
        headers: { authorization: `Bearer ${server().apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })

    test('a schema whose $refs are not registered is refused, naming what is missing', async () => {
      const response = await register({
        schema: await schema('AirQualityObserved/schema.json'),
        entityType: 'AirQualityObserved',
      })
      assert.equal(response.status, 400)
      const body = (await response.json()) as { code: string; detail: string }
      assert.equal(body.code, 'CONTEXT_DATA_MODEL_INVALID')
      assert.match(body.detail, /common-schema|resolve/)
    })

    test('with the shared schemas registered, entities of the type are checked on every write', async () => {
      assert.equal((await register({ schema: await schema('common-schema.json') })).status, 204)
      assert.equal(
        (await register({ schema: await schema('Environment-schema.json'), aliases: [RAW_ENVIRONMENT] }))
          .status,
        204,
      )
      const air = await register({
        schema: await schema('AirQualityObserved/schema.json'),
        entityType: 'AirQualityObserved',
      })
      assert.equal(air.status, 204)
      const listed = (await (await server().request('/api/context/data-models')).json()) as {
        items: { id: string; entityType: string | null }[]
      }
      assert.ok(listed.items.some((item) => item.entityType === 'AirQualityObserved'))

      const good = await server().ngsi('/entities', {
        method: 'POST',
        body: reading('urn:ngsi-ld:AirQualityObserved:v1', 41),
      })
      assert.equal(good.status, 201)
      const bad = await server().ngsi('/entities', {
        method: 'POST',
        body: reading('urn:ngsi-ld:AirQualityObserved:v2', 'high'),
      })
      assert.equal(bad.status, 400)
      const problem = (await bad.json()) as { type: string; detail: string }
      assert.equal(problem.type, 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData')
      assert.match(problem.detail, /data model of AirQualityObserved: \/no2 must be number/)
      const patched = await server().ngsi('/entities/urn:ngsi-ld:AirQualityObserved:v1/attrs/no2', {
        method: 'PATCH',
        body: { value: 'very high' },
      })
      assert.equal(patched.status, 400)
      const batch = await server().ngsi('/entityOperations/upsert', {
        method: 'POST',
        body: [
          reading('urn:ngsi-ld:AirQualityObserved:v3', 5),
          reading('urn:ngsi-ld:AirQualityObserved:v4', false),
        ],
      })
      assert.equal(batch.status, 207)
      const result = (await batch.json()) as { success: string[]; errors: { entityId: string }[] }
      assert.deepEqual(result.success, ['urn:ngsi-ld:AirQualityObserved:v3'])
      assert.deepEqual(
        result.errors.map((error) => error.entityId),
        ['urn:ngsi-ld:AirQualityObserved:v4'],
      )
      const other = await server().ngsi('/entities', {
        method: 'POST',
        body: { id: 'urn:x:free', type: 'Free', no2: 'x' },
      })
      assert.equal(other.status, 201)
    })

    test('a shared schema others refer to cannot be removed; a type schema can, and checks stop', async () => {
      const common = encodeURIComponent('https://smart-data-models.github.io/data-models/common-schema.json')
      const headers = { authorization: `Bearer ${server().apiKey}` }
      const inUse = await server().request(`/api/context/data-models?id=${common}`, {
        method: 'DELETE',
        headers,
      })
      assert.equal(inUse.status, 409)
      const air = encodeURIComponent(
        'https://smart-data-models.github.io/dataModel.Environment/AirQualityObserved/schema.json',
      )
      assert.equal(
        (await server().request(`/api/context/data-models?id=${air}`, { method: 'DELETE', headers })).status,
        204,
      )
      const free = await server().ngsi('/entities', {
        method: 'POST',
        body: reading('urn:ngsi-ld:AirQualityObserved:v5', 'x'),
      })
      assert.equal(free.status, 201)
    })

    test('only those allowed may register schemas', async () => {
      const response = await server().request('/api/context/data-models', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ schema: { $id: 'https://example.org/s.json' } }),
      })
      assert.equal(response.status, 401)
    })
  })
}
