import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { testBackends } from '../../../../test/support/databases.ts'
import { ngsiServerForSuite } from '../../../../test/support/ngsi.ts'

type Statistics = { items: { type: string; entities: number; active: number; observationsToday: number }[] }

for (const backend of testBackends()) {
  describe(`context figures for KPIs on ${backend.name}`, { timeout: 180_000 }, () => {
    const server = ngsiServerForSuite(backend)

    test('statistics per open type count the demo sensors, the active ones and today’s observations', async () => {
      await server().ngsi('/entities', {
        method: 'POST',
        body: { id: 'urn:ngsi-ld:Hidden:1', type: 'Hidden', x: 1 },
      })
      const { items } = (await (await server().request('/api/context/statistics')).json()) as Statistics
      const air = items.find((item) => item.type === 'AirQualityObserved')
      assert.equal(air?.entities, 8)
      assert.equal(air?.active, 8)
      assert.ok((air?.observationsToday ?? 0) > 8 * 100)
      assert.ok(!items.some((item) => item.type === 'Hidden'), 'a closed type is not counted in public')
    })

    test('the measurements are listed with the platform metrics', async () => {
      const response = await server().request('/api/metrics', {
        headers: { authorization: `Bearer ${server().apiKey}` },
      })
      const text = await response.text()
      for (const name of ['context.entities', 'context.entities.active', 'context.observations.today'])
        assert.ok(text.includes(name), `${name} in ${text.slice(0, 300)}`)
    })
  })
}
