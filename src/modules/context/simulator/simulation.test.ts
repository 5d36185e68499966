import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, beforeEach, describe, test } from 'node:test'
import { parseSensors, type SensorPack } from '../demo/sensors.ts'
import type { NgsiEntity } from './observations.ts'
import { simulate } from './simulation.ts'

const pack: SensorPack = parseSensors(
  JSON.parse(
    await readFile(new URL('../../../demo/packs/cluj-napoca/sensors.json', import.meta.url), 'utf8'),
  ) as unknown,
)
const STATIONS = pack.stations.length

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  entities: NgsiEntity[]
  at: number
}

/** A stand-in for Cetate's NGSI-LD batch endpoint: records what arrives, answers as told. */
let received: Received[] = []
let answer: (request: Received, response: ServerResponse) => void
const accept = (_request: Received, response: ServerResponse) => response.writeHead(204).end()

const server: Server = createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const record: Received = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      entities: JSON.parse(Buffer.concat(chunks).toString('utf8')) as NgsiEntity[],
      at: Date.now(),
    }
    received.push(record)
    answer(record, response)
  })
})
let baseUrl = ''

const observedAt = (entity: NgsiEntity, name: string) => (entity[name] as { observedAt?: string }).observedAt
const minutesAgo = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000)

describe('simulate', { timeout: 30_000 }, () => {
  before(async () => {
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((done) => server.close(() => done())))
  beforeEach(() => {
    received = []
    answer = accept
  })

  test('backfills the past in batches, each station in time order, with the headers the API needs', async () => {
    const progress: [number, number][] = []
    const result = await simulate({
      baseUrl: `${baseUrl}/`,
      apiKey: 'cetate_test_key',
      tenant: 'cluj',
      sensors: pack,
      from: minutesAgo(120),
      to: minutesAgo(0),
      stepMinutes: 10,
      seed: 9,
      batchSize: 50,
      onProgress: (done, total) => progress.push([done, total]),
    })
    const steps = 13
    assert.deepEqual(
      { ...result },
      {
        steps,
        requests: Math.ceil((steps * STATIONS) / 50),
        entities: steps * STATIONS,
        attributes: result.attributes,
        aborted: false,
      },
    )
    assert.equal(received.length, result.requests)
    for (const request of received) {
      assert.equal(request.method, 'POST')
      assert.equal(request.url, '/ngsi-ld/v1/entityOperations/upsert?options=update')
      assert.equal(request.headers['content-type'], 'application/json')
      assert.equal(request.headers.authorization, 'Bearer cetate_test_key')
      assert.equal(request.headers['ngsild-tenant'], 'cluj')
      assert.ok(request.entities.length <= 50)
    }
    const sent = received.flatMap((request) => request.entities)
    assert.equal(
      result.attributes,
      sent.reduce((sum, entity) => sum + Object.keys(entity).length - 2, 0),
    )
    // Each station's observations arrive oldest first, one per step.
    for (const station of pack.stations) {
      const times = sent
        .filter((entity) => entity.id === station.id)
        .map((entity) =>
          Date.parse(observedAt(entity, Object.keys(entity)[Object.keys(entity).length - 1]!)!),
        )
      assert.equal(times.length, steps)
      for (let i = 1; i < times.length; i++) assert.equal(times[i]! - times[i - 1]!, 600_000)
    }
    // The first step describes the stations; later ones carry readings only.
    const [first, later] = [sent[0]!, sent[STATIONS]!]
    assert.ok(first.name && first.location)
    assert.equal(later.name, undefined)
    assert.equal(later.location, undefined)
    assert.deepEqual(
      Object.values(later)
        .filter((attribute) => typeof attribute === 'object')
        .map((attribute) => typeof (attribute as { observedAt?: string }).observedAt),
      Object.keys(later)
        .slice(2)
        .map(() => 'string'),
    )
    assert.deepEqual(progress.at(-1), [steps, steps])
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]![0] > progress[i - 1]![0])
  })

  test('sends no credentials or tenant when none are given', async () => {
    await simulate({
      baseUrl,
      sensors: pack,
      from: minutesAgo(10),
      to: minutesAgo(0),
      stepMinutes: 10,
      seed: 1,
    })
    assert.equal(received.length, 1)
    assert.equal(received[0]!.headers.authorization, undefined)
    assert.equal(received[0]!.headers['ngsild-tenant'], undefined)
  })

  test('a partial success (207) fails with the first refusal, naming the entity and the reason', async () => {
    answer = (request, response) => {
      response.writeHead(207, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          success: request.entities.slice(1).map((entity) => entity.id),
          errors: [
            {
              entityId: request.entities[0]!.id,
              error: {
                type: 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData',
                title: 'Bad request data',
                detail: 'observedAt is not a date',
              },
            },
          ],
        }),
      )
    }
    await assert.rejects(
      simulate({ baseUrl, sensors: pack, from: minutesAgo(30), to: minutesAgo(0), stepMinutes: 10, seed: 1 }),
      new RegExp(
        `refused 1 of ${4 * STATIONS} readings; ${pack.stations[0]!.id}: observedAt is not a date \\(BadRequestData\\)`,
      ),
    )
    assert.equal(received.length, 1)
  })

  test('a 207 without errors is a success', async () => {
    answer = (request, response) =>
      response
        .writeHead(207, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ success: request.entities.map((entity) => entity.id), errors: [] }))
    const result = await simulate({
      baseUrl,
      sensors: pack,
      from: minutesAgo(10),
      to: minutesAgo(0),
      stepMinutes: 10,
      seed: 1,
    })
    assert.equal(result.entities, 2 * STATIONS)
  })

  test('a refusal names the status and the server’s detail', async () => {
    answer = (_request, response) =>
      response.writeHead(401, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          type: 'https://uri.etsi.org/ngsi-ld/errors/Unauthorized',
          title: 'Credentials are missing or not valid',
          detail: 'The API key is not known',
        }),
      )
    await assert.rejects(
      simulate({ baseUrl, sensors: pack, from: minutesAgo(0), to: minutesAgo(0), stepMinutes: 10, seed: 1 }),
      /answered 401 Unauthorized .*: The API key is not known \(Unauthorized\)/,
    )
  })

  test('an unreachable server says how to start it', async () => {
    const closed = createServer()
    await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((done) => closed.close(() => done()))
    await assert.rejects(
      simulate({
        baseUrl: `http://127.0.0.1:${port}`,
        sensors: pack,
        from: minutesAgo(0),
        to: minutesAgo(0),
        stepMinutes: 10,
        seed: 1,
      }),
      { message: `Cannot reach Cetate at http://127.0.0.1:${port}: is it running? Start it with npm start` },
    )
  })

  test('steps still to come are sent one by one, each when its time comes', async () => {
    const stepMinutes = 0.005 // 300 ms
    const from = new Date(Date.now() - 600)
    const result = await simulate({
      baseUrl,
      sensors: pack,
      from,
      to: new Date(from.getTime() + 1500),
      stepMinutes,
      seed: 1,
    })
    assert.equal(result.steps, 6)
    const live = received.filter((request) => request.entities.length === STATIONS)
    assert.ok(live.length >= 3, `${live.length} live requests`)
    for (const request of live) {
      const time = Date.parse(observedAt(request.entities[0]!, 'dateObserved') ?? '')
      assert.ok(request.at >= time, `sent ${request.at - time} ms early`)
      assert.ok(request.at - time < 250, `sent ${request.at - time} ms late`)
    }
  })

  test('stopping ends the walk without an error and counts what was sent', async () => {
    const controller = new AbortController()
    answer = (request, response) => {
      if (received.length === 2) controller.abort()
      accept(request, response)
    }
    const started = Date.now()
    const result = await simulate({
      baseUrl,
      sensors: pack,
      from: new Date(Date.now() - 100),
      to: new Date(8.64e15),
      stepMinutes: 0.005,
      seed: 1,
      signal: controller.signal,
    })
    assert.equal(result.aborted, true)
    assert.ok(result.requests <= 2)
    assert.ok(Date.now() - started < 2000)
  })
})
