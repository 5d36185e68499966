import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type NgsiCetate, type NgsiInit, startNgsiCetate } from '../../../../test/support/ngsi.ts'
import { contextServices } from '../index.ts'
import { DEFAULT_VOCAB } from '../model.ts'

type Json = Record<string, unknown>
type Instance = Json & { instanceId: string; observedAt?: string; value?: unknown }

/** Three hours of 10-minute temperatures, 10:00–12:50 UTC; the hourly results below are worked out by hand. */
const HOURS = [
  [10, 12, 12, 14, 16, 20],
  [5, 5, 5, 5, 5, 5],
  [1, 2, 3, 4, 5, 6],
]
const SERIES = HOURS.flatMap((values, hour) =>
  values.map((value, step) => [
    value,
    `2026-01-01T${10 + hour}:${String(step * 10).padStart(2, '0')}:00.000Z`,
  ]),
)

for (const backend of testBackends()) {
  describe(`NGSI-LD temporal API on ${backend.name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase
    let server: NgsiCetate

    const call = async (path: string, init: NgsiInit = {}) => {
      const response = await server.ngsi(path, init)
      const text = await response.text()
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
    }
    const temporal = async (id: string, query = '', init: NgsiInit = {}) => {
      const answer = await call(
        `/temporal/entities/${encodeURIComponent(id)}${query ? `?${query}` : ''}`,
        init,
      )
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      return answer.body as Json
    }
    const badRequest = async (path: string, detail: RegExp, init: NgsiInit = {}) => {
      const answer = await call(path, init)
      assert.equal(answer.status, 400, `${path}: ${JSON.stringify(answer.body)}`)
      assert.equal(answer.body.type, 'https://uri.etsi.org/ngsi-ld/errors/BadRequestData')
      assert.match(answer.body.detail, detail)
    }
    const created = async (body: Json) => {
      const answer = await call('/temporal/entities', { method: 'POST', body })
      assert.equal(answer.status, 201, JSON.stringify(answer.body))
    }

    before(async () => {
      database = await backend.create()
      server = await startNgsiCetate(database)
      await created({
        id: 'urn:ngsi-ld:Thermometer:series',
        type: 'Thermometer',
        temperature: { type: 'Property', values: SERIES },
      })
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test('6.18.3.1 POST /temporal/entities answers 201 with Location for a new temporal entity, 204 when adding to one', async () => {
      const id = 'urn:ngsi-ld:Thermometer:create'
      const first = await server.ngsi('/temporal/entities', {
        method: 'POST',
        body: {
          id,
          type: 'Thermometer',
          temperature: [
            { type: 'Property', value: 20, observedAt: '2026-02-01T10:00:00Z' },
            { type: 'Property', value: 21, observedAt: '2026-02-01T11:00:00Z' },
          ],
        },
      })
      assert.equal(first.status, 201)
      assert.equal(first.headers.get('location'), `/ngsi-ld/v1/temporal/entities/${id}`)
      const again = await call('/temporal/entities', {
        method: 'POST',
        body: {
          id,
          type: 'Thermometer',
          temperature: { type: 'Property', value: 22, observedAt: '2026-02-01T12:00:00Z' },
        },
      })
      assert.equal(again.status, 204)
      const entity = await temporal(id)
      assert.deepEqual(
        (entity.temperature as Instance[]).map((item) => item.value),
        [20, 21, 22],
      )
      // The temporal API keeps history only: no live entity is made.
      assert.equal((await call(`/entities/${encodeURIComponent(id)}`)).status, 404)
    })

    test('6.18.3.1 refuses a temporal entity without a URI id, a type, or with a bad instance', async () => {
      const post = (body: unknown) => ({ method: 'POST', body })
      await badRequest('/temporal/entities', /"id" that is a URI/, post({ type: 'T', a: { value: 1 } }))
      await badRequest('/temporal/entities', /"type"/, post({ id: 'urn:ngsi-ld:T:1', a: { value: 1 } }))
      await badRequest(
        '/temporal/entities',
        /observedAt/,
        post({ id: 'urn:ngsi-ld:T:1', type: 'T', a: [{ value: 1, observedAt: 'yesterday' }] }),
      )
      await badRequest(
        '/temporal/entities',
        /\[value, observedAt\] pair/,
        post({ id: 'urn:ngsi-ld:T:1', type: 'T', a: { type: 'Property', values: [[1]] } }),
      )
      assert.equal((await call('/temporal/entities', post([]))).status, 400)
    })

    test('6.19.3.1 (4.5.7) normalized: each attribute an array of instances in time order, with instanceId and observedAt', async () => {
      const entity = await temporal('urn:ngsi-ld:Thermometer:series')
      assert.equal(entity.id, 'urn:ngsi-ld:Thermometer:series')
      assert.equal(entity.type, 'Thermometer')
      const instances = entity.temperature as Instance[]
      assert.equal(instances.length, 18)
      assert.deepEqual(instances[0], {
        type: 'Property',
        value: 10,
        observedAt: '2026-01-01T10:00:00.000Z',
        instanceId: instances[0]?.instanceId,
      })
      assert.match(instances[0]?.instanceId ?? '', /^urn:ngsi-ld:AttributeInstance:\d+$/)
      assert.equal(new Set(instances.map((item) => item.instanceId)).size, 18)
      assert.deepEqual(
        instances.map((item) => item.observedAt),
        SERIES.map(([, at]) => at),
      )
      const withSys = await temporal('urn:ngsi-ld:Thermometer:series', 'options=sysAttrs')
      assert.ok(withSys.createdAt)
      assert.ok((withSys.temperature as Instance[])[0]?.createdAt)
      assert.ok((withSys.temperature as Instance[])[0]?.modifiedAt)
    })

    test('6.19.3.1 answers 404 for an unknown entity and 400 for an id that is not a URI', async () => {
      const missing = await call('/temporal/entities/urn:ngsi-ld:Thermometer:none')
      assert.equal(missing.status, 404)
      assert.equal(missing.body.type, 'https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound')
      await badRequest('/temporal/entities/not-a-uri', /not a URI/)
      const wrongType = await call('/temporal/entities/urn:ngsi-ld:Thermometer:series?type=Barometer')
      assert.equal(wrongType.status, 404)
      await temporal('urn:ngsi-ld:Thermometer:series', 'type=Thermometer')
    })

    test('4.5.9 temporalValues: [value, observedAt] pairs under "values"', async () => {
      const entity = await temporal('urn:ngsi-ld:Thermometer:series', 'options=temporalValues')
      assert.deepEqual(entity.temperature, { type: 'Property', values: SERIES })
      await badRequest(
        '/temporal/entities/urn:ngsi-ld:Thermometer:series?options=temporalValues,aggregatedValues',
        /more than one format/,
      )
      await badRequest('/temporal/entities/urn:ngsi-ld:Thermometer:series?options=keyValues', /"options" has/)
    })

    test('4.11 timerel before, after and between on observedAt split the history without overlap', async () => {
      const times = async (query: string) =>
        (
          (await temporal('urn:ngsi-ld:Thermometer:series', `options=temporalValues&${query}`))
            .temperature as {
            values: [number, string][]
          }
        ).values.map(([, at]) => at)
      const all = SERIES.map(([, at]) => at)
      assert.deepEqual(await times('timerel=before&timeAt=2026-01-01T11:00:00Z'), all.slice(0, 6))
      assert.deepEqual(await times('timerel=after&timeAt=2026-01-01T11:00:00Z'), all.slice(6))
      assert.deepEqual(
        await times('timerel=between&timeAt=2026-01-01T11:00:00Z&endTimeAt=2026-01-01T12:00:00Z'),
        all.slice(6, 12),
      )
      // Before NGSI-LD 1.4 the parameters were time and endTime.
      assert.deepEqual(
        await times('timerel=between&time=2026-01-01T10:30:00Z&endTime=2026-01-01T10:50:00Z'),
        all.slice(3, 5),
      )
      const empty = await temporal(
        'urn:ngsi-ld:Thermometer:series',
        'timerel=after&timeAt=2030-01-01T00:00:00Z',
      )
      assert.equal(empty.temperature, undefined)
    })

    test('4.11 timerel errors: timeAt needs timerel, timerel needs timeAt, between needs a later endTimeAt', async () => {
      const base = '/temporal/entities/urn:ngsi-ld:Thermometer:series?'
      await badRequest(`${base}timeAt=2026-01-01T11:00:00Z`, /needs "timerel"/)
      await badRequest(`${base}timerel=before`, /needs a "timeAt"/)
      await badRequest(`${base}timerel=between&timeAt=2026-01-01T11:00:00Z`, /needs an "endTimeAt"/)
      await badRequest(
        `${base}timerel=between&timeAt=2026-01-01T11:00:00Z&endTimeAt=2026-01-01T10:00:00Z`,
        /must come after/,
      )
      await badRequest(
        `${base}timerel=after&timeAt=2026-01-01T11:00:00Z&endTimeAt=2026-01-02T00:00:00Z`,
        /only goes with/,
      )
      await badRequest(`${base}timerel=during&timeAt=2026-01-01T11:00:00Z`, /before, after or between/)
      await badRequest(`${base}timerel=after&timeAt=tomorrow`, /date-time/)
      await badRequest(`${base}timeproperty=deletedAt`, /"timeproperty"/)
      await badRequest(`${base}lastN=0`, /"lastN"/)
      await badRequest(`${base}lastN=abc`, /"lastN"/)
      await badRequest(`${base}lastN=100000`, /at most/)
      await badRequest('/temporal/entities?timerel=before', /needs a "timeAt"/)
    })

    test('4.11 lastN: only the N latest instances of each attribute, still in time order', async () => {
      const entity = await temporal('urn:ngsi-ld:Thermometer:series', 'lastN=3&options=temporalValues')
      assert.deepEqual((entity.temperature as { values: unknown[] }).values, SERIES.slice(-3))
      const before = await temporal(
        'urn:ngsi-ld:Thermometer:series',
        'lastN=2&timerel=before&timeAt=2026-01-01T11:00:00Z&options=temporalValues',
      )
      assert.deepEqual((before.temperature as { values: unknown[] }).values, SERIES.slice(4, 6))
    })

    test('4.5.19 aggregatedValues with PT1H: every method per hour, checked against hand-computed values', async () => {
      const entity = await temporal(
        'urn:ngsi-ld:Thermometer:series',
        'options=aggregatedValues&aggrMethods=totalCount,distinctCount,sum,avg,min,max,stddev,sumsq&aggrPeriodDuration=PT1H',
      )
      const hour = (h: number) => [`2026-01-01T${h}:00:00.000Z`, `2026-01-01T${h + 1}:00:00.000Z`]
      const per = (values: number[]) => values.map((value, index) => [value, ...hour(10 + index)])
      const temperature = entity.temperature as Record<string, [number, string, string][]>
      assert.equal(temperature.type, 'Property' as unknown)
      assert.deepEqual(temperature.totalCount, per([6, 6, 6]))
      assert.deepEqual(temperature.distinctCount, per([5, 1, 6]))
      assert.deepEqual(temperature.sum, per([84, 30, 21]))
      assert.deepEqual(temperature.avg, per([14, 5, 3.5]))
      assert.deepEqual(temperature.min, per([10, 5, 1]))
      assert.deepEqual(temperature.max, per([20, 5, 6]))
      assert.deepEqual(temperature.sumsq, per([1240, 150, 91]))
      // Population standard deviation: sqrt(64/6), 0, sqrt(17.5/6).
      const stddev = temperature.stddev ?? []
      assert.deepEqual(
        stddev.map(([, start, end]) => [start, end]),
        [hour(10), hour(11), hour(12)],
      )
      for (const [index, expected] of [Math.sqrt(64 / 6), 0, Math.sqrt(17.5 / 6)].entries())
        assert.ok(Math.abs((stddev[index]?.[0] ?? Number.NaN) - expected) < 1e-9, `stddev ${index}`)
    })

    test('4.5.19 aggregatedValues over the whole range, by day, by month and within timerel', async () => {
      const aggregate = async (query: string) =>
        (await temporal('urn:ngsi-ld:Thermometer:series', `options=aggregatedValues&${query}`))
          .temperature as Record<string, unknown[]>
      // No period (or a zero one): one period from the first to the last instance, or the asked range.
      const whole = await aggregate('aggrMethods=sum,totalCount')
      assert.deepEqual(whole.sum, [[135, '2026-01-01T10:00:00.000Z', '2026-01-01T12:50:00.000Z']])
      assert.deepEqual((await aggregate('aggrMethods=sum&aggrPeriodDuration=PT0S')).sum, whole.sum)
      assert.deepEqual(
        (
          await aggregate(
            'aggrMethods=max&timerel=between&timeAt=2026-01-01T10:30:00Z&endTimeAt=2026-01-01T11:30:00Z',
          )
        ).max,
        [[20, '2026-01-01T10:30:00.000Z', '2026-01-01T11:30:00.000Z']],
      )
      assert.deepEqual((await aggregate('aggrMethods=totalCount&aggrPeriodDuration=P1D')).totalCount, [
        [18, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'],
      ])
      assert.deepEqual((await aggregate('aggrMethods=avg&aggrPeriodDuration=P1M')).avg, [
        [7.5, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ])
      // Periods start at timeAt with timerel=after: 90-minute periods from 10:30.
      assert.deepEqual(
        (
          await aggregate(
            'aggrMethods=totalCount&aggrPeriodDuration=PT1H30M&timerel=after&timeAt=2026-01-01T10:30:00Z',
          )
        ).totalCount,
        [
          [9, '2026-01-01T10:30:00.000Z', '2026-01-01T12:00:00.000Z'],
          [6, '2026-01-01T12:00:00.000Z', '2026-01-01T13:30:00.000Z'],
        ],
      )
    })

    test('4.5.19 aggregatedValues errors: methods required and known, durations in ISO 8601', async () => {
      const base = '/temporal/entities/urn:ngsi-ld:Thermometer:series?options=aggregatedValues'
      await badRequest(base, /needs "aggrMethods"/)
      await badRequest(`${base}&aggrMethods=median`, /"aggrMethods" has "median"/)
      await badRequest(`${base}&aggrMethods=avg&aggrPeriodDuration=1h`, /ISO 8601 duration/)
      await badRequest(`${base}&aggrMethods=avg&aggrPeriodDuration=PT`, /ISO 8601 duration/)
    })

    test('6.18.3.2 GET /temporal/entities selects by type, id, idPattern, attrs and q, pages and counts', async () => {
      for (const [n, pm10] of [
        [1, 30],
        [2, 60],
        [3, 90],
      ] as const)
        await created({
          id: `urn:ngsi-ld:AirStation:${n}`,
          type: 'AirStation',
          pm10: [
            { type: 'Property', value: pm10, observedAt: '2026-03-01T10:00:00Z' },
            { type: 'Property', value: pm10 + 5, observedAt: '2026-03-01T11:00:00Z' },
          ],
          ...(n === 3 ? { no2: { type: 'Property', value: 40, observedAt: '2026-03-01T10:00:00Z' } } : {}),
        })
      const ids = async (query: string) => {
        const answer = await call(`/temporal/entities?${query}`)
        assert.equal(answer.status, 200, JSON.stringify(answer.body))
        return (answer.body as Json[]).map((entity) => entity.id)
      }
      assert.deepEqual(
        await ids('type=AirStation'),
        [1, 2, 3].map((n) => `urn:ngsi-ld:AirStation:${n}`),
      )
      assert.deepEqual(await ids('type=AirStation&q=pm10>=64'), [
        'urn:ngsi-ld:AirStation:2',
        'urn:ngsi-ld:AirStation:3',
      ])
      // q looks at the instances in the time range only.
      assert.deepEqual(await ids('type=AirStation&q=pm10>=64&timerel=before&timeAt=2026-03-01T10:30:00Z'), [
        'urn:ngsi-ld:AirStation:3',
      ])
      assert.deepEqual(await ids('type=AirStation&attrs=no2'), ['urn:ngsi-ld:AirStation:3'])
      assert.deepEqual(await ids('id=urn:ngsi-ld:AirStation:1,urn:ngsi-ld:AirStation:3&type=AirStation'), [
        'urn:ngsi-ld:AirStation:1',
        'urn:ngsi-ld:AirStation:3',
      ])
      assert.deepEqual(await ids('idPattern=^urn:ngsi-ld:AirStation:[12]$'), [
        'urn:ngsi-ld:AirStation:1',
        'urn:ngsi-ld:AirStation:2',
      ])
      assert.deepEqual(await ids('type=AirStation&timerel=after&timeAt=2030-01-01T00:00:00Z'), [])
      const page = await call('/temporal/entities?type=AirStation&limit=1&offset=1&count=true')
      assert.equal(page.headers.get('ngsild-results-count'), '3')
      assert.deepEqual(
        (page.body as Json[]).map((entity) => entity.id),
        ['urn:ngsi-ld:AirStation:2'],
      )
      // attrs also projects: only no2 is shown.
      const projected = (await call('/temporal/entities?type=AirStation&attrs=no2')).body as Json[]
      assert.deepEqual(Object.keys(projected[0] ?? {}).sort(), ['id', 'no2', 'type'])
      const aggregated = (
        await call('/temporal/entities?type=AirStation&attrs=pm10&options=aggregatedValues&aggrMethods=avg')
      ).body as Json[]
      assert.deepEqual(
        aggregated.map((entity) => (entity.pm10 as { avg: unknown[][] }).avg[0]?.[0]),
        [32.5, 62.5, 92.5],
      )
      await badRequest('/temporal/entities?type=AirStation&limit=-1', /"limit"/)
      await badRequest('/temporal/entities?q=pm10>', /q/)
      assert.equal((await call('/temporal/entities?limit=5000')).status, 403)
    })

    test('6.18.3.2 geoQ matches the GeoProperty instances in the time range', async () => {
      await created({
        id: 'urn:ngsi-ld:Bus:1',
        type: 'Bus',
        location: [
          {
            type: 'GeoProperty',
            value: { type: 'Point', coordinates: [23.59, 46.77] },
            observedAt: '2026-03-01T10:00:00Z',
          },
          {
            type: 'GeoProperty',
            value: { type: 'Point', coordinates: [23.7, 46.9] },
            observedAt: '2026-03-01T12:00:00Z',
          },
        ],
      })
      const near = 'type=Bus&georel=near;maxDistance==1000&geometry=Point&coordinates=[23.59,46.77]'
      const ids = async (query: string) =>
        ((await call(`/temporal/entities?${query}`)).body as Json[]).map((entity) => entity.id)
      assert.deepEqual(await ids(near), ['urn:ngsi-ld:Bus:1'])
      assert.deepEqual(await ids(`${near}&timerel=after&timeAt=2026-03-01T11:00:00Z`), [])
    })

    test('history written through the live API appears: create, PATCH attribute, batch upsert with a past observedAt', async () => {
      const id = 'urn:ngsi-ld:ParkingSpot:live'
      assert.equal(
        (
          await call('/entities', {
            method: 'POST',
            body: { id, type: 'ParkingSpot', status: { type: 'Property', value: 'free' } },
          })
        ).status,
        201,
      )
      const between = new Date().toISOString()
      await new Promise((resolve) => setTimeout(resolve, 20))
      assert.equal(
        (
          await call(`/entities/${encodeURIComponent(id)}/attrs/status`, {
            method: 'PATCH',
            body: { value: 'occupied' },
          })
        ).status,
        204,
      )
      const upsert = await call('/entityOperations/upsert?options=update', {
        method: 'POST',
        body: [
          {
            id,
            type: 'ParkingSpot',
            occupancy: { type: 'Property', value: 0.5, observedAt: '2025-12-31T23:00:00Z' },
          },
        ],
      })
      assert.equal(upsert.status, 204, JSON.stringify(upsert.body))
      const entity = await temporal(id, 'options=temporalValues')
      assert.deepEqual(
        (entity.status as { values: [string, string][] }).values.map(([value]) => value),
        ['free', 'occupied'],
      )
      assert.deepEqual((entity.occupancy as { values: unknown[] }).values, [
        [0.5, '2025-12-31T23:00:00.000Z'],
      ])
      // timeproperty=modifiedAt orders and filters by when the broker changed the attribute.
      const early = await temporal(
        id,
        `timeproperty=modifiedAt&timerel=before&timeAt=${between}&attrs=status`,
      )
      assert.deepEqual(
        (early.status as Instance[]).map((item) => item.value),
        ['free'],
      )
      assert.ok((early.status as Instance[])[0]?.modifiedAt)
      const late = await temporal(id, `timeproperty=modifiedAt&timerel=after&timeAt=${between}`)
      assert.deepEqual(
        (late.status as Instance[]).map((item) => item.value),
        ['occupied'],
      )
      // The past observedAt is the instant for observedAt queries, the write time for modifiedAt ones.
      assert.equal((late.occupancy as Instance[]).length, 1)
      const created = await temporal(
        id,
        `timeproperty=createdAt&timerel=before&timeAt=${between}&attrs=status`,
      )
      assert.equal((created.status as Instance[]).length, 2)
    })

    test('4.5.7 a deleted attribute shows as an instance with NGSI-LD Null and deletedAt; temporalValues leave it out', async () => {
      const id = 'urn:ngsi-ld:ParkingSpot:deleted'
      await call('/entities', {
        method: 'POST',
        body: { id, type: 'ParkingSpot', status: { type: 'Property', value: 'free' }, note: { value: 'x' } },
      })
      assert.equal(
        (await call(`/entities/${encodeURIComponent(id)}/attrs/status`, { method: 'DELETE' })).status,
        204,
      )
      const normalized = (await temporal(id)).status as Instance[]
      assert.equal(normalized.length, 2)
      assert.equal(normalized[0]?.value, 'free')
      assert.equal(normalized[1]?.value, 'urn:ngsi-ld:null')
      assert.ok(normalized[1]?.deletedAt)
      assert.match(normalized[1]?.instanceId ?? '', /^urn:ngsi-ld:AttributeInstance:/)
      const simplified = await temporal(id, 'options=temporalValues')
      assert.deepEqual(
        (simplified.status as { values: unknown[][] }).values.map(([value]) => value),
        ['free'],
      )
      const counted = await temporal(id, 'options=aggregatedValues&aggrMethods=totalCount')
      assert.equal((counted.status as { totalCount: number[][] }).totalCount[0]?.[0], 1)
      // The entity's history stays queryable after the entity is deleted.
      assert.equal((await call(`/entities/${encodeURIComponent(id)}`, { method: 'DELETE' })).status, 204)
      const gone = await temporal(id, 'options=sysAttrs')
      assert.ok(gone.deletedAt)
      assert.equal((gone.note as Instance[]).length, 1)
    })

    test('4.5.7 instances of several datasetIds come as one array; temporalValues give one object per datasetId', async () => {
      await created({
        id: 'urn:ngsi-ld:Thermometer:datasets',
        type: 'Thermometer',
        temperature: [
          {
            type: 'Property',
            value: 1,
            observedAt: '2026-01-01T10:00:00Z',
            datasetId: 'urn:ngsi-ld:Dataset:a',
          },
          {
            type: 'Property',
            value: 2,
            observedAt: '2026-01-01T10:00:00Z',
            datasetId: 'urn:ngsi-ld:Dataset:b',
          },
          {
            type: 'Property',
            value: 3,
            observedAt: '2026-01-01T11:00:00Z',
            datasetId: 'urn:ngsi-ld:Dataset:a',
          },
        ],
      })
      const normalized = await temporal('urn:ngsi-ld:Thermometer:datasets')
      assert.equal((normalized.temperature as Instance[]).length, 3)
      const simplified = await temporal('urn:ngsi-ld:Thermometer:datasets', 'options=temporalValues&lastN=1')
      assert.deepEqual(simplified.temperature, [
        { type: 'Property', datasetId: 'urn:ngsi-ld:Dataset:a', values: [[3, '2026-01-01T11:00:00.000Z']] },
        { type: 'Property', datasetId: 'urn:ngsi-ld:Dataset:b', values: [[2, '2026-01-01T10:00:00.000Z']] },
      ])
    })

    test('6.20.3.1 POST …/attrs appends instances (204); unknown entity 404; empty body 400', async () => {
      const id = 'urn:ngsi-ld:Thermometer:append'
      await created({
        id,
        type: 'Thermometer',
        temperature: { value: 1, observedAt: '2026-01-01T10:00:00Z' },
      })
      const appended = await call(`/temporal/entities/${encodeURIComponent(id)}/attrs`, {
        method: 'POST',
        body: {
          temperature: [{ value: 2, observedAt: '2026-01-01T11:00:00Z' }],
          humidity: { type: 'Property', values: [[40, '2026-01-01T10:00:00Z']] },
        },
      })
      assert.equal(appended.status, 204, JSON.stringify(appended.body))
      const entity = await temporal(id, 'options=temporalValues')
      assert.deepEqual(
        (entity.temperature as { values: unknown[][] }).values.map(([value]) => value),
        [1, 2],
      )
      assert.deepEqual((entity.humidity as { values: unknown[][] }).values, [
        [40, '2026-01-01T10:00:00.000Z'],
      ])
      const unknown = await call('/temporal/entities/urn:ngsi-ld:Thermometer:nobody/attrs', {
        method: 'POST',
        body: { temperature: { value: 1 } },
      })
      assert.equal(unknown.status, 404)
      await badRequest(`/temporal/entities/${encodeURIComponent(id)}/attrs`, /no attribute instances/, {
        method: 'POST',
        body: {},
      })
    })

    test('6.21.3.1 DELETE …/attrs/{attrId} removes one attribute history: default instances, a datasetId, or all', async () => {
      const id = 'urn:ngsi-ld:Thermometer:attr-delete'
      await created({
        id,
        type: 'Thermometer',
        temperature: [
          { value: 1, observedAt: '2026-01-01T10:00:00Z' },
          { value: 2, observedAt: '2026-01-01T10:00:00Z', datasetId: 'urn:ngsi-ld:Dataset:a' },
          { value: 3, observedAt: '2026-01-01T10:00:00Z', datasetId: 'urn:ngsi-ld:Dataset:b' },
        ],
        humidity: { value: 50, observedAt: '2026-01-01T10:00:00Z' },
      })
      const path = `/temporal/entities/${encodeURIComponent(id)}/attrs`
      const values = async () =>
        ((await temporal(id)).temperature as Instance[] | undefined)?.map((item) => item.value) ?? []
      assert.equal((await call(`${path}/temperature`, { method: 'DELETE' })).status, 204)
      assert.deepEqual(await values(), [2, 3])
      assert.equal(
        (await call(`${path}/temperature?datasetId=urn:ngsi-ld:Dataset:a`, { method: 'DELETE' })).status,
        204,
      )
      assert.deepEqual(await values(), [3])
      assert.equal((await call(`${path}/temperature`, { method: 'DELETE' })).status, 404)
      assert.equal((await call(`${path}/temperature?deleteAll=true`, { method: 'DELETE' })).status, 204)
      assert.deepEqual(await values(), [])
      assert.ok((await temporal(id)).humidity)
      assert.equal((await call(`${path}/pressure`, { method: 'DELETE' })).status, 404)
      await badRequest(`${path}/humidity?deleteAll=maybe`, /deleteAll/, { method: 'DELETE' })
    })

    test('6.22.3.1 PATCH and 6.22.3.2 DELETE …/{instanceId} change or remove one instance', async () => {
      const id = 'urn:ngsi-ld:Thermometer:instances'
      await created({
        id,
        type: 'Thermometer',
        temperature: [
          { value: 1, observedAt: '2026-01-01T10:00:00Z', unitCode: 'CEL' },
          { value: 2, observedAt: '2026-01-01T11:00:00Z' },
        ],
      })
      const [first, second] = (await temporal(id)).temperature as Instance[]
      const path = (instanceId: string) =>
        `/temporal/entities/${encodeURIComponent(id)}/attrs/temperature/${encodeURIComponent(instanceId)}`
      const patched = await call(path(first!.instanceId), { method: 'PATCH', body: { value: 1.5 } })
      assert.equal(patched.status, 204, JSON.stringify(patched.body))
      // The attribute-keyed form works too, and a new observedAt moves the instance.
      assert.equal(
        (
          await call(path(second!.instanceId), {
            method: 'PATCH',
            body: { temperature: { value: 2.5, observedAt: '2026-01-01T09:00:00Z' } },
          })
        ).status,
        204,
      )
      const after = (await temporal(id)).temperature as Instance[]
      assert.deepEqual(
        after.map((item) => [item.instanceId, item.value, item.observedAt, item.unitCode]),
        [
          [second!.instanceId, 2.5, '2026-01-01T09:00:00Z', undefined],
          [first!.instanceId, 1.5, '2026-01-01T10:00:00Z', 'CEL'],
        ],
      )
      assert.equal(
        (await call(path('urn:ngsi-ld:AttributeInstance:999999'), { method: 'PATCH', body: { value: 1 } }))
          .status,
        404,
      )
      assert.equal((await call(path('urn:ngsi-ld:Other:1'), { method: 'DELETE' })).status, 404)
      await badRequest(path('not a uri'), /not a URI/, { method: 'DELETE' })
      await badRequest(path(first!.instanceId), /nothing to change/, { method: 'PATCH', body: {} })
      assert.equal((await call(path(first!.instanceId), { method: 'DELETE' })).status, 204)
      assert.equal((await call(path(first!.instanceId), { method: 'DELETE' })).status, 404)
      assert.deepEqual(
        ((await temporal(id)).temperature as Instance[]).map((item) => item.value),
        [2.5],
      )
    })

    test('6.19.3.2 DELETE /temporal/entities/{id} removes the whole history (204), then 404', async () => {
      const id = 'urn:ngsi-ld:Thermometer:delete'
      await created({
        id,
        type: 'Thermometer',
        temperature: { value: 1, observedAt: '2026-01-01T10:00:00Z' },
      })
      assert.equal(
        (await call(`/temporal/entities/${encodeURIComponent(id)}`, { method: 'DELETE' })).status,
        204,
      )
      assert.equal((await call(`/temporal/entities/${encodeURIComponent(id)}`)).status, 404)
      assert.equal(
        (await call(`/temporal/entities/${encodeURIComponent(id)}`, { method: 'DELETE' })).status,
        404,
      )
    })

    test('6.24.3.1 POST /temporal/entityOperations/query takes a Query with temporalQ', async () => {
      const answer = await call('/temporal/entityOperations/query?options=temporalValues&count=true', {
        method: 'POST',
        body: {
          type: 'Query',
          entities: [{ type: 'Thermometer', idPattern: ':series$' }],
          attrs: ['temperature'],
          temporalQ: { timerel: 'before', timeAt: '2026-01-01T10:20:00Z' },
        },
      })
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      assert.equal(answer.headers.get('ngsild-results-count'), '1')
      assert.deepEqual(answer.body, [
        {
          id: 'urn:ngsi-ld:Thermometer:series',
          type: 'Thermometer',
          temperature: { type: 'Property', values: SERIES.slice(0, 2) },
        },
      ])
      const aggregated = await call('/temporal/entityOperations/query?options=aggregatedValues', {
        method: 'POST',
        body: {
          type: 'Query',
          entities: [{ id: 'urn:ngsi-ld:Thermometer:series', type: 'Thermometer' }],
          temporalQ: { timerel: 'after', timeAt: '2026-01-01T12:00:00Z', aggrMethods: ['max'] },
        },
      })
      assert.deepEqual((aggregated.body as Json[])[0]?.temperature, {
        type: 'Property',
        max: [[6, '2026-01-01T12:00:00.000Z', '2026-01-01T12:50:00.000Z']],
      })
      await badRequest('/temporal/entityOperations/query', /"type" must be "Query"/, {
        method: 'POST',
        body: { type: 'Subscription' },
      })
      await badRequest('/temporal/entityOperations/query', /needs a "timeAt"/, {
        method: 'POST',
        body: { type: 'Query', temporalQ: { timerel: 'after' } },
      })
    })

    test('6.3.14 tenants are isolated: history written in one tenant is not seen in another', async () => {
      const tenant = { 'ngsild-tenant': 'cluj-temporal' }
      const id = 'urn:ngsi-ld:Thermometer:tenant'
      const answer = await call('/temporal/entities', {
        method: 'POST',
        headers: tenant,
        body: { id, type: 'Thermometer', temperature: { value: 7, observedAt: '2026-01-01T10:00:00Z' } },
      })
      assert.equal(answer.status, 201)
      assert.equal((await call(`/temporal/entities/${encodeURIComponent(id)}`)).status, 404)
      assert.equal(await temporal(id, '', { headers: tenant }).then((entity) => entity.id), id)
      const ids = (
        (await call('/temporal/entities?type=Thermometer', { headers: tenant })).body as Json[]
      ).map((entity) => entity.id)
      assert.deepEqual(ids, [id])
      const unknown = await call('/temporal/entities?type=Thermometer', {
        headers: { 'ngsild-tenant': 'nowhere' },
      })
      assert.equal(unknown.status, 404)
      assert.equal(unknown.body.type, 'https://uri.etsi.org/ngsi-ld/errors/NonexistentTenant')
    })

    test('anonymous callers read only public types and may not write', async () => {
      const anonymous = { anonymous: true }
      assert.equal((await call('/temporal/entities/urn:ngsi-ld:Thermometer:series', anonymous)).status, 404)
      assert.deepEqual((await call('/temporal/entities?type=Thermometer', anonymous)).body, [])
      await contextServices(server.cetate.context).publicTypes.declare(
        '',
        [`${DEFAULT_VOCAB}Thermometer`],
        true,
      )
      try {
        assert.equal((await call('/temporal/entities/urn:ngsi-ld:Thermometer:series', anonymous)).status, 200)
        assert.ok(((await call('/temporal/entities?type=Thermometer', anonymous)).body as Json[]).length > 0)
        assert.deepEqual((await call('/temporal/entities?type=AirStation', anonymous)).body, [])
      } finally {
        await contextServices(server.cetate.context).publicTypes.declare(
          '',
          [`${DEFAULT_VOCAB}Thermometer`],
          false,
        )
      }
      const write = await call('/temporal/entities', {
        ...anonymous,
        method: 'POST',
        body: { id: 'urn:ngsi-ld:Thermometer:anon', type: 'Thermometer', temperature: { value: 1 } },
      })
      assert.equal(write.status, 401)
      assert.equal(
        (await call('/temporal/entities/urn:ngsi-ld:Thermometer:series', { ...anonymous, method: 'DELETE' }))
          .status,
        401,
      )
    })

    test('6.3.6 the temporal API answers JSON-LD with the @context inside, and refuses GeoJSON', async () => {
      const ld = await call('/temporal/entities/urn:ngsi-ld:Thermometer:series?lastN=1', {
        headers: { accept: 'application/ld+json' },
      })
      assert.equal(ld.status, 200)
      assert.ok(ld.body['@context'])
      const geo = await call('/temporal/entities/urn:ngsi-ld:Thermometer:series', {
        headers: { accept: 'application/geo+json' },
      })
      assert.equal(geo.status, 406)
    })
  })
}
