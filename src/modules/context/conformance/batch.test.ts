import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { testBackends } from '../../../../test/support/databases.ts'
import { ngsiServerForSuite } from '../../../../test/support/ngsi.ts'

type Result = { success: string[]; errors: { entityId: string; error: { type: string; detail: string } }[] }
const counter = (n: number, intensity: number, extra: Record<string, unknown> = {}) => ({
  id: `urn:ngsi-ld:TestCounter:${n}`,
  type: 'TestCounter',
  intensity: { type: 'Property', value: intensity },
  ...extra,
})

for (const backend of testBackends()) {
  describe(`NGSI-LD batch operations and discovery on ${backend.name}`, { timeout: 180_000 }, () => {
    const server = ngsiServerForSuite(backend)
    const keyValues = async (id: string) =>
      (await (await server().ngsi(`/entities/${id}?options=keyValues`)).json()) as Record<string, unknown>

    test('6.14.3.1 batch create answers 201 with the ids; a duplicate makes it 207 with the reason', async () => {
      const created = await server().ngsi('/entityOperations/create', {
        method: 'POST',
        body: [counter(1, 10), counter(2, 20)],
      })
      assert.equal(created.status, 201)
      assert.deepEqual(await created.json(), ['urn:ngsi-ld:TestCounter:1', 'urn:ngsi-ld:TestCounter:2'])
      const partial = await server().ngsi('/entityOperations/create', {
        method: 'POST',
        body: [counter(2, 1), counter(3, 30), { id: 'not-a-uri', type: 'TestCounter' }],
      })
      assert.equal(partial.status, 207)
      const result = (await partial.json()) as Result
      assert.deepEqual(result.success, ['urn:ngsi-ld:TestCounter:3'])
      const errors = result.errors.map((error) => `${error.entityId} ${error.error.type.split('/').pop()}`)
      assert.deepEqual(errors.sort(), ['not-a-uri BadRequestData', 'urn:ngsi-ld:TestCounter:2 AlreadyExists'])
    })

    test('6.15.3.1 batch upsert replaces by default, merges with options=update, 201 only when something was created', async () => {
      const replaced = await server().ngsi('/entityOperations/upsert', {
        method: 'POST',
        body: [
          { id: 'urn:ngsi-ld:TestCounter:1', type: 'TestCounter', speed: { type: 'Property', value: 40 } },
        ],
      })
      assert.equal(replaced.status, 204)
      assert.deepEqual(await keyValues('urn:ngsi-ld:TestCounter:1'), {
        id: 'urn:ngsi-ld:TestCounter:1',
        type: 'TestCounter',
        speed: 40,
      })
      const merged = await server().ngsi('/entityOperations/upsert?options=update', {
        method: 'POST',
        body: [counter(1, 11), counter(4, 44)],
      })
      assert.equal(merged.status, 201)
      assert.deepEqual(await merged.json(), ['urn:ngsi-ld:TestCounter:4'])
      assert.deepEqual(await keyValues('urn:ngsi-ld:TestCounter:1'), {
        id: 'urn:ngsi-ld:TestCounter:1',
        type: 'TestCounter',
        speed: 40,
        intensity: 11,
      })
    })

    test('6.15.3.1 one id several times in a batch applies in order, each step kept in history', async () => {
      const steps = [1, 2, 3].map((n) =>
        counter(5, n, { intensity: { type: 'Property', value: n, observedAt: `2026-11-22T0${n}:00:00Z` } }),
      )
      const response = await server().ngsi('/entityOperations/upsert?options=update', {
        method: 'POST',
        body: steps,
      })
      assert.equal(response.status, 201)
      assert.equal((await keyValues('urn:ngsi-ld:TestCounter:5')).intensity, 3)
    })

    test('6.16.3.1 batch update changes existing entities; unknown ones are reported', async () => {
      const response = await server().ngsi('/entityOperations/update', {
        method: 'POST',
        body: [counter(2, 21), counter(99, 1)],
      })
      assert.equal(response.status, 207)
      const result = (await response.json()) as Result
      assert.deepEqual(result.success, ['urn:ngsi-ld:TestCounter:2'])
      assert.equal(result.errors[0]?.entityId, 'urn:ngsi-ld:TestCounter:99')
      assert.match(result.errors[0]?.error.type ?? '', /ResourceNotFound$/)
      assert.equal((await keyValues('urn:ngsi-ld:TestCounter:2')).intensity, 21)
      const kept = await server().ngsi('/entityOperations/update?options=noOverwrite', {
        method: 'POST',
        body: [counter(2, 1000, { lane: { type: 'Property', value: 'A' } })],
      })
      assert.equal(kept.status, 204)
      const entity = await keyValues('urn:ngsi-ld:TestCounter:2')
      assert.equal(entity.intensity, 21)
      assert.equal(entity.lane, 'A')
    })

    test('6.31.3.1 batch merge: members merge, null deletes', async () => {
      const response = await server().ngsi('/entityOperations/merge', {
        method: 'POST',
        body: [{ id: 'urn:ngsi-ld:TestCounter:2', lane: null, speed: 31 }],
      })
      assert.equal(response.status, 204)
      const entity = await keyValues('urn:ngsi-ld:TestCounter:2')
      assert.equal(entity.lane, undefined)
      assert.equal(entity.speed, 31)
    })

    test('6.17.3.1 batch delete: 204, or 207 naming the ids that did not exist', async () => {
      const response = await server().ngsi('/entityOperations/delete', {
        method: 'POST',
        body: ['urn:ngsi-ld:TestCounter:3', 'urn:ngsi-ld:TestCounter:404'],
      })
      assert.equal(response.status, 207)
      const result = (await response.json()) as Result
      assert.deepEqual(result.success, ['urn:ngsi-ld:TestCounter:3'])
      assert.equal(result.errors[0]?.entityId, 'urn:ngsi-ld:TestCounter:404')
      const again = await server().ngsi('/entityOperations/delete', {
        method: 'POST',
        body: ['urn:ngsi-ld:TestCounter:4'],
      })
      assert.equal(again.status, 204)
    })

    test('6.14 a batch must be a non-empty array', async () => {
      for (const body of [[], {}, 'x']) {
        const response = await server().ngsi('/entityOperations/create', { method: 'POST', body })
        assert.equal(response.status, 400)
      }
    })

    test('6.23.3.1 query by POST with a Query body', async () => {
      const response = await server().ngsi('/entityOperations/query?options=keyValues', {
        method: 'POST',
        body: { type: 'Query', entities: [{ type: 'TestCounter' }], q: 'intensity>10', attrs: ['intensity'] },
      })
      assert.equal(response.status, 200)
      const found = (await response.json()) as { id: string; intensity: number }[]
      assert.deepEqual(
        found.map((entity) => entity.id),
        ['urn:ngsi-ld:TestCounter:1', 'urn:ngsi-ld:TestCounter:2'],
      )
    })

    test('6.25–6.28 /types and /attributes list what exists, with details', async () => {
      const types = (await (await server().ngsi('/types')).json()) as { type: string; typeList: string[] }
      assert.equal(types.type, 'EntityTypeList')
      assert.ok(types.typeList.includes('TestCounter'))
      const type = (await (await server().ngsi('/types/TestCounter')).json()) as {
        typeName: string
        entityCount: number
        attributeDetails: { attributeName: string; attributeTypes: string[] }[]
      }
      assert.equal(type.typeName, 'TestCounter')
      assert.equal(type.entityCount, 3)
      assert.ok(type.attributeDetails.some((detail) => detail.attributeName === 'intensity'))
      assert.equal((await server().ngsi('/types/NoSuchType')).status, 404)
      const attributes = (await (await server().ngsi('/attributes')).json()) as { attributeList: string[] }
      assert.ok(attributes.attributeList.includes('intensity'))
      const attribute = (await (await server().ngsi('/attributes/intensity')).json()) as {
        attributeCount: number
        typeNames: string[]
        attributeTypes: string[]
      }
      assert.ok(attribute.typeNames.includes('TestCounter'))
      assert.deepEqual(attribute.attributeTypes, ['Property'])
      const detailed = (await (await server().ngsi('/types?details=true')).json()) as { typeName: string }[]
      assert.ok(detailed.some((item) => item.typeName === 'TestCounter'))
      assert.equal((await server().ngsi('/types?details=maybe')).status, 400)
    })

    test('discovery shows anonymous callers only the open types', async () => {
      const types = (await (await server().ngsi('/types', { anonymous: true })).json()) as {
        typeList: string[]
      }
      assert.ok(!types.typeList.includes('TestCounter'))
      assert.ok(types.typeList.includes('AirQualityObserved'))
    })
  })
}
