import assert from 'node:assert/strict'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { type TestDatabase, testBackends } from '../support/databases.ts'
import { type NgsiCetate, startNgsiCetate } from '../support/ngsi.ts'

/**
 * FIWARE's own JavaScript client (ngsijs, used by WireCloud), unchanged, against Cetate: the
 * "a client written for Orion-LD works" promise, checked with someone else's code.
 */
interface LdClient {
  createEntity(entity: object, options?: object): Promise<{ location?: string }>
  getEntity(options: object): Promise<{ entity: Record<string, unknown> }>
  queryEntities(options: object): Promise<{ results: Record<string, unknown>[]; count?: number }>
  updateEntityAttributes(changes: object, options?: object): Promise<unknown>
  createSubscription(subscription: object, options?: object): Promise<{ subscription: { id: string } }>
  deleteSubscription(options: object): Promise<unknown>
  queryTemporalEntities(options: object): Promise<{ results: Record<string, unknown>[] }>
}
const NGSI = createRequire(import.meta.url)('ngsijs') as {
  Connection: new (url: string, options: { headers: Record<string, string> }) => { ld: LdClient }
}

const STATION = 'urn:ngsi-ld:AirQualityObserved:cluj-napoca:alverna'

for (const backend of testBackends()) {
  describe(`the ngsijs client library against Cetate on ${backend.name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase
    let server: NgsiCetate
    let ld: LdClient
    let receiver: Server
    const received: { subscriptionId: string; data: Record<string, unknown>[] }[] = []

    before(async () => {
      database = await backend.create()
      server = await startNgsiCetate(database)
      ld = new NGSI.Connection(`${server.url}/`, { headers: { Authorization: `Bearer ${server.apiKey}` } }).ld
      receiver = createServer((request, response) => {
        let body = ''
        request.on('data', (chunk: Buffer) => {
          body += chunk.toString()
        })
        request.on('end', () => {
          received.push(JSON.parse(body) as (typeof received)[number])
          response.writeHead(204).end()
        })
      })
      receiver.listen(0, '127.0.0.1')
      await once(receiver, 'listening')
    })
    after(async () => {
      receiver.close()
      await server.close()
      await database.drop()
    })

    test('reads a demo station and queries by type, q and geo-query', async () => {
      const { entity } = await ld.getEntity({ id: STATION, keyValues: true })
      assert.equal(entity.type, 'AirQualityObserved')
      const near = await ld.queryEntities({
        type: 'AirQualityObserved',
        georel: 'near;maxDistance==3000',
        geometry: 'Point',
        coordinates: '[23.5899,46.7712]',
        q: 'no2>=0',
        keyValues: true,
        count: true,
        limit: 50,
      })
      assert.ok(near.results.length > 0)
      assert.equal(near.count, near.results.length)
    })

    test('creates an entity and changes it', async () => {
      await ld.createEntity({
        id: 'urn:ngsi-ld:OffStreetParking:cluj-napoca:test',
        type: 'OffStreetParking',
        availableSpotNumber: { type: 'Property', value: 10 },
        location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [23.6, 46.77] } },
      })
      await ld.updateEntityAttributes({
        id: 'urn:ngsi-ld:OffStreetParking:cluj-napoca:test',
        availableSpotNumber: { type: 'Property', value: 9 },
      })
      const { entity } = await ld.getEntity({
        id: 'urn:ngsi-ld:OffStreetParking:cluj-napoca:test',
        keyValues: true,
      })
      assert.equal(entity.availableSpotNumber, 9)
    })

    test('subscribes and is notified of a change', async () => {
      const { port } = receiver.address() as AddressInfo
      const { subscription } = await ld.createSubscription({
        type: 'Subscription',
        entities: [{ type: 'OffStreetParking' }],
        watchedAttributes: ['availableSpotNumber'],
        notification: { endpoint: { uri: `http://127.0.0.1:${port}/notify`, accept: 'application/json' } },
      })
      await ld.updateEntityAttributes({
        id: 'urn:ngsi-ld:OffStreetParking:cluj-napoca:test',
        availableSpotNumber: { type: 'Property', value: 8 },
      })
      const deadline = Date.now() + 20_000
      while (!received.some((item) => item.subscriptionId === subscription.id) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100))
      const notification = received.find((item) => item.subscriptionId === subscription.id)
      assert.ok(notification, 'no notification arrived')
      const spots = notification.data[0]?.availableSpotNumber as { value: number }
      assert.equal(spots.value, 8)
      await ld.deleteSubscription({ id: subscription.id })
    })

    test("reads a demo station's history", async () => {
      const { results } = await ld.queryTemporalEntities({
        type: 'AirQualityObserved',
        attrs: 'no2',
        timerel: 'after',
        timeAt: new Date(Date.now() - 6 * 3_600_000),
        temporalValues: true,
        limit: 50,
      })
      const station = results.find((item) => item.id === STATION) as
        | { no2: { values: unknown[] } }
        | undefined
      assert.ok(station, 'the station has no history')
      assert.ok(station.no2.values.length >= 30, `${station.no2.values.length} values in 6 h`)
    })
  })
}
