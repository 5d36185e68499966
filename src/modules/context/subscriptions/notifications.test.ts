import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { Aedes } from 'aedes'
import { connectAsync } from 'mqtt'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type NgsiCetate, startNgsiCetate } from '../../../../test/support/ngsi.ts'
import { CORE_CONTEXT_URL } from '../json-ld/core-context.ts'
import { NotificationReceiver, type Received } from './notification-receiver.fixture.ts'

const LINK_REL = 'rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"'
const VOCAB = 'https://example.org/lighting/'
/** Long enough for a notification that should not come to have come, on a busy machine. */
const QUIET_MS = 1_500

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const lamp = (id: string, attrs: Record<string, unknown> = {}) => ({
  id: `urn:ngsi-ld:Lamp:${id}`,
  type: 'Lamp',
  brightness: { type: 'Property', value: 10 },
  ...attrs,
})
const point = (lon: number, lat: number) => ({
  type: 'GeoProperty',
  value: { type: 'Point', coordinates: [lon, lat] },
})

for (const backend of testBackends()) {
  describe(`NGSI-LD notifications on ${backend.name}`, { timeout: 240_000 }, () => {
    let database: TestDatabase
    let server: NgsiCetate
    let receiver: NotificationReceiver
    let contextUrl: string

    /** Subscribes to Lamps whose id starts with the prefix, notified at /<prefix>. */
    const subscribe = async (
      prefix: string,
      members: Record<string, unknown> = {},
      notification: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) => {
      const response = await server.ngsi('/subscriptions', {
        method: 'POST',
        headers,
        body: {
          type: 'Subscription',
          entities: [{ type: 'Lamp', idPattern: `^urn:ngsi-ld:Lamp:${prefix}` }],
          ...members,
          notification: { endpoint: { uri: receiver.url(`/${prefix}`) }, ...notification },
        },
      })
      assert.equal(response.status, 201, await response.text())
      return decodeURIComponent(response.headers.get('location')!.split('/').pop()!)
    }
    const write = async (
      path: string,
      method: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const response = await server.ngsi(path, { method, body, headers })
      assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${await response.text()}`)
    }
    const createLamp = (body: unknown, headers: Record<string, string> = {}) =>
      write('/entities', 'POST', body, headers)
    const updateLamp = (id: string, attrs: unknown, headers: Record<string, string> = {}) =>
      write(`/entities/${encodeURIComponent(`urn:ngsi-ld:Lamp:${id}`)}/attrs`, 'PATCH', attrs, headers)
    const deleteLamp = (id: string, headers: Record<string, string> = {}) =>
      write(`/entities/${encodeURIComponent(`urn:ngsi-ld:Lamp:${id}`)}`, 'DELETE', undefined, headers)
    /** Waits for `count` notifications at /<prefix>, then a while longer to see that no more come. */
    const exactly = async (prefix: string, count: number): Promise<Received[]> => {
      await receiver.waitFor(count, `/${prefix}`)
      await pause(QUIET_MS)
      const received = receiver.at(`/${prefix}`)
      assert.equal(received.length, count, JSON.stringify(received.map((item) => item.body.data)))
      return received
    }
    const brightnessOf = (received: Received) =>
      (received.body.data[0]?.brightness as { value: unknown } | undefined)?.value

    before(async () => {
      database = await backend.create()
      server = await startNgsiCetate(database)
      receiver = await NotificationReceiver.start()
      const hosted = await server.ngsi('/jsonldContexts', {
        method: 'POST',
        body: {
          '@context': { Lamp: `${VOCAB}Lamp`, brightness: `${VOCAB}brightness`, colour: `${VOCAB}colour` },
        },
      })
      contextUrl = hosted.headers.get('location')!
    })
    after(async () => {
      await server.close()
      await receiver.close()
      await database.drop()
    })

    test('5.11 entityCreated, entityUpdated and entityDeleted each notify, as the NGSI-LD Notification of 5.3.1', async () => {
      const id = await subscribe('life', {
        notificationTrigger: ['entityCreated', 'entityUpdated', 'entityDeleted'],
      })
      await createLamp(lamp('life-1'))
      const [created] = await receiver.waitFor(1, '/life')
      assert.match(created!.body.id, /^urn:ngsi-ld:Notification:[0-9a-f-]{36}$/)
      assert.equal(created!.body.type, 'Notification')
      assert.equal(created!.body.subscriptionId, id)
      assert.ok(!Number.isNaN(Date.parse(created!.body.notifiedAt)))
      assert.deepEqual(created!.body.data, [
        { id: 'urn:ngsi-ld:Lamp:life-1', type: 'Lamp', brightness: { type: 'Property', value: 10 } },
      ])
      assert.equal(created!.headers['content-type'], 'application/json')
      assert.equal(created!.headers.link, `<${CORE_CONTEXT_URL}>; ${LINK_REL}`)
      assert.equal(created!.headers['ngsild-tenant'], undefined)

      await updateLamp('life-1', { brightness: { type: 'Property', value: 20 } })
      const [, updated] = await receiver.waitFor(2, '/life')
      assert.equal(brightnessOf(updated!), 20)

      await deleteLamp('life-1')
      const [, , deleted] = await receiver.waitFor(3, '/life')
      const data = deleted!.body.data[0]!
      assert.equal(data.id, 'urn:ngsi-ld:Lamp:life-1')
      assert.equal(data.type, 'Lamp')
      assert.ok(!Number.isNaN(Date.parse(String(data.deletedAt))))
      await exactly('life', 3)
    })

    test('5.2.12 the default triggers notify attributes created and updated, not deletions', async () => {
      await subscribe('defaults')
      await createLamp(lamp('defaults-1', { colour: { type: 'Property', value: 'warm' } }))
      await write(`/entities/${encodeURIComponent('urn:ngsi-ld:Lamp:defaults-1')}/attrs/colour`, 'DELETE')
      await deleteLamp('defaults-1')
      await createLamp(lamp('defaults-2'))
      const received = await exactly('defaults', 2)
      assert.deepEqual(received.map((item) => item.body.data[0]!.id).sort(), [
        'urn:ngsi-ld:Lamp:defaults-1',
        'urn:ngsi-ld:Lamp:defaults-2',
      ])
    })

    test('5.8.1 watchedAttributes: only changes of a watched attribute notify', async () => {
      await subscribe('watched', { watchedAttributes: ['brightness'] })
      await createLamp(lamp('watched-1', { colour: { type: 'Property', value: 'warm' } }))
      await updateLamp('watched-1', { colour: { type: 'Property', value: 'cold' } })
      await updateLamp('watched-1', { brightness: { type: 'Property', value: 30 } })
      const received = await exactly('watched', 2)
      assert.deepEqual(received.map(brightnessOf).sort(), [10, 30])
    })

    test('5.8.1 q: only entities meeting the query notify', async () => {
      await subscribe('query', { q: 'brightness>50' })
      await createLamp(lamp('query-1'))
      await updateLamp('query-1', { brightness: { type: 'Property', value: 80 } })
      await updateLamp('query-1', { brightness: { type: 'Property', value: 30 } })
      await updateLamp('query-1', { brightness: { type: 'Property', value: 90 } })
      const received = await exactly('query', 2)
      assert.deepEqual(received.map(brightnessOf).sort(), [80, 90])
    })

    test('5.8.1 geoQ: only entities standing in the geo-relation notify', async () => {
      await subscribe('geo', {
        geoQ: { georel: 'near;maxDistance==1000', geometry: 'Point', coordinates: [23.5899, 46.7712] },
      })
      await createLamp(lamp('geo-far', { location: point(23.62, 46.75) }))
      await createLamp(lamp('geo-near', { location: point(23.5905, 46.7715) }))
      await createLamp(lamp('geo-nowhere'))
      const received = await exactly('geo', 1)
      assert.equal(received[0]!.body.data[0]!.id, 'urn:ngsi-ld:Lamp:geo-near')
    })

    test('5.2.14 notifications are written in the subscription’s @context and format', async () => {
      const body = {
        '@context': contextUrl,
        type: 'Subscription',
        entities: [{ type: 'Lamp', idPattern: '^urn:ngsi-ld:Lamp:context' }],
        notification: {
          format: 'keyValues',
          attributes: ['brightness'],
          endpoint: { uri: receiver.url('/context-ld'), accept: 'application/ld+json' },
        },
      }
      const created = await server.ngsi('/subscriptions', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/ld+json' },
      })
      assert.equal(created.status, 201, await created.text())
      // The same type, subscribed to by its IRI without a context: names arrive as IRIs.
      const expanded = await server.ngsi('/subscriptions', {
        method: 'POST',
        body: {
          type: 'Subscription',
          entities: [{ type: `${VOCAB}Lamp`, idPattern: '^urn:ngsi-ld:Lamp:context' }],
          notification: { endpoint: { uri: receiver.url('/context-core') } },
        },
      })
      assert.equal(expanded.status, 201)
      await createLamp(lamp('context-1', { colour: { type: 'Property', value: 'warm' } }), {
        link: `<${contextUrl}>; ${LINK_REL}`,
      })
      const [ld] = await receiver.waitFor(1, '/context-ld')
      assert.equal(ld!.headers['content-type'], 'application/ld+json')
      assert.equal(ld!.body['@context'], contextUrl)
      assert.deepEqual(ld!.body.data, [{ id: 'urn:ngsi-ld:Lamp:context-1', type: 'Lamp', brightness: 10 }])
      const [core] = await receiver.waitFor(1, '/context-core')
      assert.deepEqual(core!.body.data[0], {
        id: 'urn:ngsi-ld:Lamp:context-1',
        type: `${VOCAB}Lamp`,
        [`${VOCAB}brightness`]: { type: 'Property', value: 10 },
        [`${VOCAB}colour`]: { type: 'Property', value: 'warm' },
      })
    })

    test('5.2.14 showChanges gives the previous value beside the new one; sysAttrs adds system times', async () => {
      await subscribe('changes', {}, { format: 'concise', showChanges: true, sysAttrs: true })
      await createLamp(lamp('changes-1'))
      await updateLamp('changes-1', { brightness: { type: 'Property', value: 70 } })
      const [, changed] = await receiver.waitFor(2, '/changes')
      const data = changed!.body.data[0]!
      assert.deepEqual(
        {
          value: (data.brightness as Record<string, unknown>).value,
          previous: (data.brightness as Record<string, unknown>).previousValue,
        },
        { value: 70, previous: 10 },
      )
      assert.ok(data.createdAt && data.modifiedAt)
    })

    test('5.2.12 throttling: no second notification within the throttling period', async () => {
      await subscribe('throttled', { throttling: 60 })
      await createLamp(lamp('throttled-1'))
      await receiver.waitFor(1, '/throttled')
      await updateLamp('throttled-1', { brightness: { type: 'Property', value: 11 } })
      await updateLamp('throttled-1', { brightness: { type: 'Property', value: 12 } })
      await exactly('throttled', 1)
    })

    test('5.8.2 a paused subscription is silent until active again; an expired one is silent', async () => {
      const id = await subscribe('paused')
      const path = `/subscriptions/${encodeURIComponent(id)}`
      await write(path, 'PATCH', { isActive: false })
      await createLamp(lamp('paused-1'))
      await pause(QUIET_MS)
      assert.equal(receiver.at('/paused').length, 0)
      await write(path, 'PATCH', { isActive: true })
      await updateLamp('paused-1', { brightness: { type: 'Property', value: 15 } })
      const received = await exactly('paused', 1)
      assert.equal(brightnessOf(received[0]!), 15)

      const expiring = await subscribe('expiring', { expiresAt: new Date(Date.now() + 1_500).toISOString() })
      const deadline = Date.now() + 20_000
      let status = ''
      while (status !== 'expired' && Date.now() < deadline) {
        await pause(250)
        const answer = await server.ngsi(`/subscriptions/${encodeURIComponent(expiring)}`)
        status = ((await answer.json()) as { status: string }).status
      }
      assert.equal(status, 'expired')
      await createLamp(lamp('expiring-1'))
      await pause(QUIET_MS)
      assert.equal(receiver.at('/expiring').length, 0)
    })

    test('4.14 a subscription hears only its own tenant', async () => {
      const tenantA = { 'ngsild-tenant': 'lights-a' }
      const tenantB = { 'ngsild-tenant': 'lights-b' }
      await subscribe('tenant', {}, {}, tenantA)
      await createLamp(lamp('tenant-1'), tenantB)
      await createLamp(lamp('tenant-2'))
      await createLamp(lamp('tenant-3'), tenantA)
      const received = await exactly('tenant', 1)
      assert.equal(received[0]!.body.data[0]!.id, 'urn:ngsi-ld:Lamp:tenant-3')
      assert.equal(received[0]!.headers['ngsild-tenant'], 'lights-a')
    })

    test('5.2.15 receiverInfo is sent as headers; a batch of changes is one notification', async () => {
      await subscribe(
        'batch',
        {},
        {
          endpoint: {
            uri: receiver.url('/batch'),
            receiverInfo: [{ key: 'X-Api-Key', value: 'lamp-secret' }],
          },
        },
      )
      await write('/entityOperations/create', 'POST', [lamp('batch-1'), lamp('batch-2'), lamp('batch-3')])
      const [received] = await exactly('batch', 1)
      assert.equal(received!.headers['x-api-key'], 'lamp-secret')
      assert.deepEqual(received!.body.data.map((entity) => entity.id).sort(), [
        'urn:ngsi-ld:Lamp:batch-1',
        'urn:ngsi-ld:Lamp:batch-2',
        'urn:ngsi-ld:Lamp:batch-3',
      ])
    })

    test('5.2.14 a delivered notification shows in the subscription’s status and in today’s measurement', async () => {
      const id = await subscribe('status')
      await createLamp(lamp('status-1'))
      await receiver.waitFor(1, '/status')
      const deadline = Date.now() + 20_000
      let notification: Record<string, unknown> = {}
      while (Date.now() < deadline) {
        const answer = await server.ngsi(`/subscriptions/${encodeURIComponent(id)}`)
        notification = ((await answer.json()) as { notification: Record<string, unknown> }).notification
        if (notification.timesSent === 1) break
        await pause(200)
      }
      assert.equal(notification.timesSent, 1)
      assert.equal(notification.timesFailed, 0)
      assert.equal(notification.status, 'ok')
      assert.ok(notification.lastSuccess && notification.lastNotification)
      const delivered = server.cetate.context.metrics.find('context.notifications.delivered')!
      assert.ok((await delivered.measure(server.cetate.database.db)) >= 1)
    })

    test('a subscriber hears only entities they may read: public types for a person without roles', async () => {
      const ana = await server.signedIn('ana@cluj-napoca.example')
      for (const [prefix, type] of [
        ['open', 'OpenLamp'],
        ['closed', 'ClosedLamp'],
      ]) {
        const response = await ana.request('/ngsi-ld/v1/subscriptions', {
          method: 'POST',
          json: {
            type: 'Subscription',
            entities: [{ type }],
            notification: { endpoint: { uri: receiver.url(`/${prefix}`) } },
          },
        })
        assert.equal(response.status, 201, await response.text())
      }
      const opened = await server.request('/api/context/public-types/OpenLamp', {
        method: 'PUT',
        headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ public: true }),
      })
      assert.equal(opened.status, 204, await opened.text())
      await createLamp({ ...lamp('closed-1'), type: 'ClosedLamp' })
      await createLamp({ ...lamp('open-1'), type: 'OpenLamp' })
      await exactly('open', 1)
      assert.equal(receiver.at('/closed').length, 0)
    })

    test('MQTT binding: a notification is published to the topic with the QoS of notifierInfo', async () => {
      const broker = await Aedes.createBroker()
      const tcp = createServer(broker.handle)
      await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve))
      const port = (tcp.address() as { port: number }).port
      const listener = await connectAsync(`mqtt://127.0.0.1:${port}`)
      const messages: {
        topic: string
        qos: number
        message: { metadata: Record<string, string>; body: Received['body'] }
      }[] = []
      listener.on('message', (topic, payload, packet) =>
        messages.push({ topic, qos: packet.qos, message: JSON.parse(payload.toString('utf8')) }),
      )
      await listener.subscribeAsync('city/lamps', { qos: 1 })
      try {
        const id = await subscribe(
          'mqtt',
          {},
          {
            endpoint: {
              uri: `mqtt://127.0.0.1:${port}/city/lamps`,
              notifierInfo: [
                { key: 'MQTT-QoS', value: '1' },
                { key: 'MQTT-Version', value: 'mqtt3.1.1' },
              ],
              receiverInfo: [{ key: 'X-Source', value: 'cetate' }],
            },
          },
        )
        await createLamp(lamp('mqtt-1'))
        const deadline = Date.now() + 20_000
        while (messages.length === 0 && Date.now() < deadline) await pause(100)
        assert.equal(messages.length, 1)
        const [{ topic, qos, message }] = messages as [(typeof messages)[0]]
        assert.equal(topic, 'city/lamps')
        assert.equal(qos, 1)
        assert.equal(message.metadata['Content-Type'], 'application/json')
        assert.equal(message.metadata['X-Source'], 'cetate')
        assert.equal(message.body.type, 'Notification')
        assert.equal(message.body.subscriptionId, id)
        assert.equal(message.body.data[0]!.id, 'urn:ngsi-ld:Lamp:mqtt-1')
      } finally {
        await listener.endAsync()
        await new Promise<void>((resolve) => broker.close(() => resolve()))
        tcp.close()
      }
    })
  })
}
