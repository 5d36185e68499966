import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import type { RunningCetate } from '../../../../test/support/cetate.ts'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { restartDemoCetate } from '../../../../test/support/demo.ts'
import { type NgsiCetate, startNgsiCetate } from '../../../../test/support/ngsi.ts'
import { NotificationReceiver } from './notification-receiver.fixture.ts'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A port nothing listens on (for now): an endpoint that is down. */
async function freePort(): Promise<number> {
  const probe = await NotificationReceiver.start()
  const { port } = probe
  await probe.close()
  return port
}

interface Status {
  status?: string
  timesSent: number
  timesFailed: number
  lastFailure?: string
  lastSuccess?: string
}

for (const backend of testBackends()) {
  describe(`NGSI-LD notification delivery on ${backend.name}`, { timeout: 300_000 }, () => {
    let database: TestDatabase
    let server: NgsiCetate
    let running: RunningCetate
    let healthy: NotificationReceiver
    let slow: NotificationReceiver

    const ngsi = (path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${running.url}/ngsi-ld/v1${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${server.apiKey}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      })
    const subscribe = async (prefix: string, endpoint: Record<string, unknown>) => {
      const response = await ngsi('/subscriptions', {
        method: 'POST',
        body: {
          type: 'Subscription',
          entities: [{ type: 'Lamp', idPattern: `^urn:ngsi-ld:Lamp:${prefix}` }],
          notificationTrigger: ['entityCreated', 'entityUpdated'],
          notification: { endpoint },
        },
      })
      assert.equal(response.status, 201, await response.text())
      return decodeURIComponent(response.headers.get('location')!.split('/').pop()!)
    }
    const createLamp = async (id: string) => {
      const response = await ngsi('/entities', {
        method: 'POST',
        body: { id: `urn:ngsi-ld:Lamp:${id}`, type: 'Lamp', brightness: { type: 'Property', value: 1 } },
      })
      assert.equal(response.status, 201, await response.text())
    }
    const statusOf = async (id: string): Promise<Status> => {
      const response = await ngsi(`/subscriptions/${encodeURIComponent(id)}`)
      return ((await response.json()) as { notification: Status }).notification
    }
    /** Polls the subscription's status until it satisfies the test, generously. */
    const until = async (id: string, test: (status: Status) => boolean, timeoutMs = 45_000) => {
      const deadline = Date.now() + timeoutMs
      let status = await statusOf(id)
      while (!test(status) && Date.now() < deadline) {
        await pause(250)
        status = await statusOf(id)
      }
      assert.ok(test(status), JSON.stringify(status))
      return status
    }
    const pending = async (id: string) => {
      const { rows } = await sql<{ count: number }>`
        SELECT count(*)::int AS count FROM context.notifications WHERE subscription_id = ${id}`.execute(
        running.cetate.database.db,
      )
      return rows[0]?.count ?? 0
    }
    /** The status and the removal of delivered rows are separate group-committed writes: wait for both. */
    const untilNonePending = async (id: string, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs
      while ((await pending(id)) > 0 && Date.now() < deadline) await pause(100)
      assert.equal(await pending(id), 0)
    }

    before(async () => {
      database = await backend.create()
      server = await startNgsiCetate(database)
      running = server
      healthy = await NotificationReceiver.start()
      slow = await NotificationReceiver.start()
      slow.answer = () => 'hang'
    })
    after(async () => {
      await running.close()
      await healthy.close()
      await slow.close()
      await database.drop()
    })

    let dead: string
    test('5.11 a dead endpoint and one that never answers do not delay notifications to a healthy one', async () => {
      dead = await subscribe('iso', { uri: `http://127.0.0.1:${await freePort()}/dead` })
      await subscribe('iso', { uri: slow.url('/slow'), timeout: 30_000 })
      await subscribe('iso', { uri: healthy.url('/healthy') })
      for (let index = 0; index < 10; index++) await createLamp(`iso-${index}`)
      // Well within the 30 s the hanging endpoint holds each of its requests.
      await healthy.waitFor(10, '/healthy', 15_000)
      const hanging = slow.at('/slow').length
      assert.ok(
        hanging >= 1 && hanging <= 4,
        `${hanging} requests at once to the hanging endpoint, at most 4`,
      )
    })

    test('5.2.14 failed attempts count in timesFailed, with lastFailure and status failed', async () => {
      const status = await until(dead, (status) => status.timesFailed >= 1)
      assert.equal(status.status, 'failed')
      assert.ok(status.lastFailure)
      assert.equal(status.lastSuccess, undefined)
    })

    test('5.11 a failed notification is retried with backoff until the endpoint takes it', async () => {
      let refusals = 2
      healthy.answer = (received) => (received.path === '/flaky' && refusals-- > 0 ? 503 : 204)
      const id = await subscribe('flaky', { uri: healthy.url('/flaky') })
      await createLamp('flaky-1')
      const received = await healthy.waitFor(3, '/flaky', 30_000)
      assert.equal(new Set(received.map((item) => item.body.id)).size, 1, 'the same notification, sent again')
      const status = await until(id, (status) => status.timesSent === 3)
      assert.deepEqual([status.timesFailed, status.status], [2, 'ok'])
      await untilNonePending(id)
    })

    test('5.11 a notification nobody takes is given up after 5 attempts', async () => {
      // The dead endpoint's 10 notifications: attempts after about 1, 2, 4 and 8 s.
      await until(dead, (status) => status.timesFailed === 50, 90_000)
      await untilNonePending(dead)
    })

    test('5.11 promised notifications survive a restart: sent when the server is back and the endpoint up', async () => {
      const port = await freePort()
      const id = await subscribe('restart', { uri: `http://127.0.0.1:${port}/restart` })
      await createLamp('restart-1')
      await until(id, (status) => status.timesFailed >= 1)
      assert.equal(await pending(id), 1)
      await running.close()

      const endpoint = await NotificationReceiver.start(port)
      try {
        running = await restartDemoCetate(database, server)
        const [received] = await endpoint.waitFor(1, '/restart', 30_000)
        assert.equal(received!.body.subscriptionId, id)
        assert.equal(received!.body.data[0]!.id, 'urn:ngsi-ld:Lamp:restart-1')
        const status = await until(id, (status) => status.status === 'ok')
        assert.ok(status.timesFailed >= 1)
        await untilNonePending(id)
      } finally {
        await endpoint.close()
      }
    })
  })
}
