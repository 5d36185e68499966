import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type NgsiCetate, startNgsiCetate } from '../../../../test/support/ngsi.ts'
import type { SessionClient } from '../../../../test/support/session-client.ts'
import { ERROR_TYPE_BASE } from '../errors.ts'

const ENDPOINT = 'http://127.0.0.1:9/notify'
const LINK_REL = 'rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"'
const VOCAB = 'https://example.org/vocab/'

const subscription = (members: Record<string, unknown> = {}) => ({
  type: 'Subscription',
  entities: [{ type: 'Bench' }],
  notification: { endpoint: { uri: ENDPOINT } },
  ...members,
})

interface SubscriptionOut {
  id: string
  type: string
  entities?: { type: string; id?: string; idPattern?: string }[]
  watchedAttributes?: string[]
  notificationTrigger: string[]
  q?: string
  geoQ?: Record<string, unknown>
  isActive: boolean
  status: string
  expiresAt?: string
  notification: {
    format: string
    attributes?: string[]
    endpoint: { uri: string; accept: string }
    timesSent: number
    timesFailed: number
  }
}

for (const backend of testBackends()) {
  describe(`NGSI-LD subscriptions on ${backend.name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase
    let server: NgsiCetate
    let ana: SessionClient
    let laszlo: SessionClient
    let steward: SessionClient
    let contextUrl: string

    const create = async (body: unknown, headers: Record<string, string> = {}) =>
      server.ngsi('/subscriptions', { method: 'POST', body, headers })
    const idOf = (response: Response) =>
      decodeURIComponent(response.headers.get('location')!.split('/').pop()!)
    const read = async (id: string, headers: Record<string, string> = {}) => {
      const response = await server.ngsi(`/subscriptions/${encodeURIComponent(id)}`, { headers })
      assert.equal(response.status, 200, await response.clone().text())
      return (await response.json()) as SubscriptionOut
    }
    const expectProblem = async (response: Response, type: string, detail?: RegExp) => {
      const body = (await response.json()) as { type: string; detail: string }
      assert.equal(body.type, `${ERROR_TYPE_BASE}${type}`, body.detail)
      if (detail) assert.match(body.detail, detail)
    }

    before(async () => {
      database = await backend.create()
      server = await startNgsiCetate(database)
      ana = await server.signedIn('ana@cluj-napoca.example')
      laszlo = await server.signedIn('laszlo@cluj-napoca.example')
      steward = await server.signedIn('date@cluj-napoca.example')
      const hosted = await server.ngsi('/jsonldContexts', {
        method: 'POST',
        body: { '@context': { Bench: `${VOCAB}Bench`, seats: `${VOCAB}seats`, shade: `${VOCAB}shade` } },
      })
      assert.equal(hosted.status, 201)
      contextUrl = hosted.headers.get('location')!
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    test('5.8.1 create subscription answers 201 with its Location and a generated urn:ngsi-ld:Subscription id', async () => {
      const response = await create(subscription())
      assert.equal(response.status, 201, await response.text())
      const location = response.headers.get('location')!
      assert.match(location, /^\/ngsi-ld\/v1\/subscriptions\/urn:ngsi-ld:Subscription:[0-9a-f-]{36}$/)
      const stored = await read(idOf(response))
      assert.equal(stored.type, 'Subscription')
      assert.equal(stored.status, 'active')
      assert.equal(stored.isActive, true)
      assert.deepEqual(stored.notificationTrigger, ['attributeCreated', 'attributeUpdated'])
      assert.equal(stored.notification.format, 'normalized')
      assert.equal(stored.notification.endpoint.accept, 'application/json')
      assert.equal(stored.notification.timesSent, 0)
    })

    test('5.8.1 a given id is kept, and a second subscription with it is AlreadyExists', async () => {
      const id = 'urn:ngsi-ld:Subscription:benches-given'
      assert.equal((await create(subscription({ id }))).status, 201)
      assert.equal((await read(id)).id, id)
      const again = await create(subscription({ id }))
      assert.equal(again.status, 409)
      await expectProblem(again, 'AlreadyExists')
      await expectProblem(await create(subscription({ id: 'not a uri' })), 'BadRequestData', /URI/)
    })

    test('5.8.1 what a subscription may not be is refused as BadRequestData with a detail saying why', async () => {
      const endpoint = (uri: string, more: Record<string, unknown> = {}) => ({ endpoint: { uri, ...more } })
      const cases: [string, unknown, RegExp][] = [
        ['no type', { ...subscription(), type: undefined }, /"type": "Subscription"/],
        ['empty watchedAttributes', subscription({ watchedAttributes: [] }), /watchedAttributes/],
        [
          'neither entities nor watchedAttributes',
          subscription({ entities: undefined }),
          /entities.*watched/,
        ],
        ['an entity selector without type', subscription({ entities: [{ id: 'urn:x:1' }] }), /type/],
        [
          'id and idPattern',
          subscription({ entities: [{ type: 'Bench', id: 'urn:x:1', idPattern: '.*' }] }),
          /both/,
        ],
        ['a broken idPattern', subscription({ entities: [{ type: 'Bench', idPattern: '(' }] }), /idPattern/],
        ['an unknown trigger', subscription({ notificationTrigger: ['entityTouched'] }), /entityTouched/],
        ['a bad q', subscription({ q: 'seats>>' }), /q|query/i],
        [
          'a geoQ without coordinates',
          subscription({ geoQ: { georel: 'within', geometry: 'Polygon' } }),
          /coordinates/,
        ],
        ['no notification', subscription({ notification: undefined }), /notification/],
        ['no endpoint', subscription({ notification: {} }), /endpoint/],
        [
          'an endpoint that is not a URI',
          subscription({ notification: endpoint('not a uri') }),
          /absolute URI/,
        ],
        [
          'an ftp endpoint',
          subscription({ notification: endpoint('ftp://example.org/x') }),
          /http, https, mqtt/,
        ],
        [
          'an MQTT endpoint without topic',
          subscription({ notification: endpoint('mqtt://127.0.0.1:1883') }),
          /topic/,
        ],
        [
          'an unknown accept',
          subscription({ notification: endpoint(ENDPOINT, { accept: 'text/csv' }) }),
          /accept/,
        ],
        [
          'a negative timeout',
          subscription({ notification: endpoint(ENDPOINT, { timeout: -1 }) }),
          /timeout/,
        ],
        [
          'notifierInfo on HTTP',
          subscription({
            notification: endpoint(ENDPOINT, { notifierInfo: [{ key: 'MQTT-QoS', value: '1' }] }),
          }),
          /MQTT/,
        ],
        [
          'a reserved receiverInfo header',
          subscription({
            notification: endpoint(ENDPOINT, { receiverInfo: [{ key: 'Content-Type', value: 'x' }] }),
          }),
          /Content-Type/,
        ],
        [
          'showChanges with keyValues',
          subscription({ notification: { ...endpoint(ENDPOINT), format: 'keyValues', showChanges: true } }),
          /showChanges/,
        ],
        [
          'an unknown format',
          subscription({ notification: { ...endpoint(ENDPOINT), format: 'flat' } }),
          /format/,
        ],
        ['expiresAt in the past', subscription({ expiresAt: '2001-01-01T00:00:00Z' }), /past/],
        ['expiresAt that is no date', subscription({ expiresAt: 'tomorrow' }), /date-time/],
        ['a throttling of 0', subscription({ throttling: 0 }), /throttling/],
        [
          'both timeInterval and watchedAttributes',
          subscription({ timeInterval: 10, watchedAttributes: ['seats'] }),
          /both/,
        ],
        ['a misspelt member', subscription({ watchedAttribute: ['seats'] }), /watchedAttribute/],
      ]
      const wrong: string[] = []
      for (const [what, body, detail] of cases) {
        const response = await create(body)
        const problem = (await response.json()) as { type: string; detail: string }
        if (
          response.status !== 400 ||
          problem.type !== `${ERROR_TYPE_BASE}BadRequestData` ||
          !detail.test(problem.detail)
        )
          wrong.push(`${what}: ${response.status} ${problem.type} ${problem.detail}`)
      }
      assert.deepEqual(wrong, [])
    })

    test('5.8.1 periodic subscriptions and scopeQ are OperationNotSupported', async () => {
      for (const body of [subscription({ timeInterval: 60 }), subscription({ scopeQ: '/Cluj' })]) {
        const response = await create(body)
        assert.equal(response.status, 422)
        await expectProblem(response, 'OperationNotSupported')
      }
    })

    test('5.8.1 names are kept in the caller’s @context and answered in the reader’s', async () => {
      const response = await create(
        subscription({
          entities: [{ type: 'Bench', idPattern: '^urn:ngsi-ld:Bench:' }],
          watchedAttributes: ['seats'],
          q: 'seats>2',
          geoQ: { georel: 'near;maxDistance==500', geometry: 'Point', coordinates: [23.59, 46.77] },
          notification: { attributes: ['seats', 'shade'], endpoint: { uri: ENDPOINT } },
        }),
        { link: `<${contextUrl}>; ${LINK_REL}` },
      )
      assert.equal(response.status, 201, await response.clone().text())
      const id = idOf(response)
      const inContext = await read(id, { link: `<${contextUrl}>; ${LINK_REL}` })
      assert.deepEqual(inContext.entities, [{ type: 'Bench', idPattern: '^urn:ngsi-ld:Bench:' }])
      assert.deepEqual(inContext.watchedAttributes, ['seats'])
      assert.deepEqual(inContext.notification.attributes, ['seats', 'shade'])
      assert.equal(inContext.q, 'seats>2')
      assert.deepEqual(inContext.geoQ, {
        georel: 'near;maxDistance==500',
        geometry: 'Point',
        coordinates: [23.59, 46.77],
        geoproperty: 'location',
      })
      const inCore = await read(id)
      assert.deepEqual(inCore.entities, [{ type: `${VOCAB}Bench`, idPattern: '^urn:ngsi-ld:Bench:' }])
      assert.deepEqual(inCore.watchedAttributes, [`${VOCAB}seats`])
    })

    test('5.8.1 with application/ld+json the @context comes in the body and is answered in JSON-LD', async () => {
      const body = { '@context': contextUrl, ...subscription({ watchedAttributes: ['shade'] }) }
      const response = await create(JSON.stringify(body), { 'content-type': 'application/ld+json' })
      assert.equal(response.status, 201, await response.clone().text())
      const answer = await server.ngsi(`/subscriptions/${encodeURIComponent(idOf(response))}`, {
        headers: { accept: 'application/ld+json', link: `<${contextUrl}>; ${LINK_REL}` },
      })
      const document = (await answer.json()) as SubscriptionOut & { '@context': unknown }
      assert.equal(document['@context'], contextUrl)
      assert.deepEqual(document.watchedAttributes, ['shade'])
    })

    test('5.8.2 update subscription changes the members given; isActive false pauses it, null removes a member', async () => {
      const response = await create(subscription({ q: 'seats>2', throttling: 5 }))
      const id = idOf(response)
      const patch = (body: unknown) =>
        server.ngsi(`/subscriptions/${encodeURIComponent(id)}`, { method: 'PATCH', body })
      assert.equal((await patch({ isActive: false })).status, 204)
      let stored = await read(id)
      assert.equal(stored.status, 'paused')
      assert.equal(stored.isActive, false)
      assert.equal(stored.q, 'seats>2')
      assert.equal(
        (await patch({ isActive: true, q: null, notification: { format: 'keyValues' } })).status,
        204,
      )
      stored = await read(id)
      assert.equal(stored.status, 'active')
      assert.equal(stored.q, undefined)
      assert.equal(stored.notification.format, 'keyValues')
      assert.equal(stored.notification.endpoint.uri, ENDPOINT, 'the endpoint stays when not given')
      const later = new Date(Date.now() + 3_600_000).toISOString()
      assert.equal((await patch({ expiresAt: later })).status, 204)
      assert.equal((await read(id)).expiresAt, later)
      await expectProblem(await patch({ watchedAttributes: [] }), 'BadRequestData', /watchedAttributes/)
      await expectProblem(await patch({}), 'BadRequestData', /nothing to change/)
      await expectProblem(await patch({ entities: null }), 'BadRequestData', /entities.*watched/)
      const missing = await server.ngsi(`/subscriptions/${encodeURIComponent('urn:x:none')}`, {
        method: 'PATCH',
        body: { isActive: false },
      })
      assert.equal(missing.status, 404)
    })

    test('5.8.4 query subscriptions pages with limit and offset and counts with count=true', async () => {
      for (let index = 0; index < 3; index++)
        await create(
          subscription({ id: `urn:ngsi-ld:Subscription:page-${index}`, subscriptionName: `page ${index}` }),
        )
      const all = await server.ngsi('/subscriptions?limit=1000&count=true')
      assert.equal(all.status, 200)
      const total = Number(all.headers.get('ngsild-results-count'))
      const listed = (await all.json()) as SubscriptionOut[]
      assert.equal(listed.length, total)
      assert.ok(total >= 3)
      const page = (await (await server.ngsi('/subscriptions?limit=2&offset=1')).json()) as SubscriptionOut[]
      assert.deepEqual(
        page.map((item) => item.id),
        listed.slice(1, 3).map((item) => item.id),
      )
      await expectProblem(await server.ngsi('/subscriptions?limit=-1'), 'BadRequestData')
      assert.equal((await server.ngsi('/subscriptions?limit=5000')).status, 403)
    })

    test('5.8.5 delete subscription answers 204, then it is gone', async () => {
      const id = idOf(await create(subscription()))
      const path = `/subscriptions/${encodeURIComponent(id)}`
      assert.equal((await server.ngsi(path, { method: 'DELETE' })).status, 204)
      const gone = await server.ngsi(path)
      assert.equal(gone.status, 404)
      await expectProblem(gone, 'ResourceNotFound')
      assert.equal((await server.ngsi(path, { method: 'DELETE' })).status, 404)
      await expectProblem(await server.ngsi('/subscriptions/not%20a%20uri'), 'BadRequestData', /URI/)
    })

    test('6.10 an anonymous caller is refused with 401', async () => {
      const listed = await server.ngsi('/subscriptions', { anonymous: true })
      assert.equal(listed.status, 401)
      await expectProblem(listed, 'Unauthorized')
      assert.equal(
        (await server.ngsi('/subscriptions', { anonymous: true, method: 'POST', body: subscription() }))
          .status,
        401,
      )
    })

    test('6.10 a person sees and changes only their own subscriptions; a data steward sees everyone’s', async () => {
      const mine = await ana.request('/ngsi-ld/v1/subscriptions', { method: 'POST', json: subscription() })
      assert.equal(mine.status, 201, await mine.clone().text())
      const path = `/ngsi-ld/v1/subscriptions/${encodeURIComponent(idOf(mine))}`
      assert.equal((await ana.request(path)).status, 200)
      assert.equal((await laszlo.request(path)).status, 404)
      assert.equal((await laszlo.request(path, { method: 'DELETE' })).status, 404)
      assert.equal((await laszlo.request(path, { method: 'PATCH', json: { isActive: false } })).status, 404)
      assert.equal(
        (await server.ngsi(path.replace('/ngsi-ld/v1', ''))).status,
        404,
        'an organisation’s key sees only its own',
      )
      const listedByLaszlo = (await (
        await laszlo.request('/ngsi-ld/v1/subscriptions')
      ).json()) as SubscriptionOut[]
      assert.equal(listedByLaszlo.length, 0)
      const listedByAna = (await (await ana.request('/ngsi-ld/v1/subscriptions')).json()) as SubscriptionOut[]
      assert.deepEqual(
        listedByAna.map((item) => item.id),
        [idOf(mine)],
      )
      assert.equal((await steward.request(path)).status, 200)
      const listedBySteward = (await (
        await steward.request('/ngsi-ld/v1/subscriptions?limit=1000')
      ).json()) as SubscriptionOut[]
      assert.ok(listedBySteward.some((item) => item.id === idOf(mine)))
      assert.ok(listedBySteward.length > 1)
      assert.equal((await ana.request(path, { method: 'DELETE' })).status, 204)
    })

    test('4.14 a subscription lives in its tenant: another tenant does not see it', async () => {
      const response = await create(subscription(), { 'ngsild-tenant': 'tenant-a' })
      assert.equal(response.status, 201)
      const path = `/subscriptions/${encodeURIComponent(idOf(response))}`
      assert.equal((await server.ngsi(path, { headers: { 'ngsild-tenant': 'tenant-a' } })).status, 200)
      assert.equal((await server.ngsi(path)).status, 404)
      await server.ngsi('/subscriptions', {
        method: 'POST',
        body: subscription(),
        headers: { 'ngsild-tenant': 'tenant-b' },
      })
      assert.equal((await server.ngsi(path, { headers: { 'ngsild-tenant': 'tenant-b' } })).status, 404)
      const unknown = await server.ngsi('/subscriptions', { headers: { 'ngsild-tenant': 'no-such-tenant' } })
      await expectProblem(unknown, 'NonexistentTenant')
    })

    test('a subscription’s creation and deletion are in the audit log', async () => {
      const id = idOf(await create(subscription()))
      await server.ngsi(`/subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' })
      const { rows } = await sql<{ action: string }>`
        SELECT action FROM platform.audit_log WHERE target_id = ${id} ORDER BY seq`.execute(
        server.cetate.database.db,
      )
      assert.deepEqual(
        rows.map((row) => row.action),
        ['context.subscription.create', 'context.subscription.delete'],
      )
    })
  })
}
