import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import fc from 'fast-check'
import { testBackends } from '../../../../test/support/databases.ts'
import { ngsiServerForSuite } from '../../../../test/support/ngsi.ts'

const RUNS = 150

/** Text that looks a little like what clients send, so fuzzing reaches the parsers, not just the first check. */
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'NO2',
    'name',
    'location',
    'urn:ngsi-ld:X:1',
    '==',
    '>',
    ';',
    '|',
    '(',
    ')',
    '..',
    ',',
    '"',
    '[',
    ']',
  ),
  fc.constantFrom(
    'near;maxDistance==',
    'within',
    'Point',
    'Polygon',
    '[23.5,46.7]',
    '[[[0,0],[1,0],[0,0]]]',
    '~=',
    '.*',
  ),
)
const noisy = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''))

async function expectHandled(response: Response, what: string): Promise<void> {
  const text = await response.text()
  // 503 LdContextNotAvailable is the spec's answer to a @context this server will not fetch.
  const unavailableContext = response.status === 503 && text.includes('/LdContextNotAvailable')
  assert.ok(response.status < 500 || unavailableContext, `${what} answered ${response.status}: ${text}`)
  if (response.status >= 400) {
    const body = JSON.parse(text) as { type?: string; detail?: string }
    assert.match(body.type ?? '', /^https:\/\/uri\.etsi\.org\/ngsi-ld\/errors\//, `${what}: ${text}`)
    assert.ok((body.detail ?? '').length > 0, what)
  }
}

for (const backend of testBackends()) {
  describe(`NGSI-LD bad input never causes a server error on ${backend.name}`, { timeout: 300_000 }, () => {
    const server = ngsiServerForSuite(backend)

    before(async () => {
      await server().ngsi('/entities', {
        method: 'POST',
        body: {
          id: 'urn:ngsi-ld:Fuzz:1',
          type: 'Fuzz',
          NO2: 1,
          location: { type: 'Point', coordinates: [23.5, 46.7] },
        },
      })
    })

    test('random query parameters on GET /entities', async () => {
      const names = [
        'type',
        'id',
        'idPattern',
        'q',
        'attrs',
        'pick',
        'omit',
        'georel',
        'geometry',
        'coordinates',
      ]
      const more = ['geoproperty', 'limit', 'offset', 'count', 'options', 'lang']
      const parameters = fc.dictionary(fc.constantFrom(...names, ...more), noisy, { maxKeys: 5 })
      await fc.assert(
        fc.asyncProperty(parameters, async (query) => {
          const search = new URLSearchParams(query).toString()
          await expectHandled(await server().ngsi(`/entities?${search}`), `GET /entities?${search}`)
        }),
        { numRuns: RUNS },
      )
    })

    test('random entity bodies on POST /entities and batch upsert', async () => {
      const attribute = fc.oneof(
        fc.jsonValue(),
        fc.record({
          type: fc.constantFrom('Property', 'Relationship', 'GeoProperty', 'LanguageProperty', 'Nope'),
          value: fc.jsonValue(),
        }),
        fc.record({
          type: fc.constant('GeoProperty'),
          value: fc.record({ type: fc.constantFrom('Point', 'Polygon'), coordinates: fc.jsonValue() }),
        }),
        fc.record({
          object: fc.jsonValue(),
          observedAt: fc.oneof(
            fc.string(),
            fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
          ),
        }),
      )
      const entity = fc.record(
        {
          id: fc.oneof(fc.constant('urn:ngsi-ld:Fuzz:2'), noisy, fc.jsonValue()),
          type: fc.oneof(fc.constant('Fuzz'), noisy, fc.jsonValue()),
          location: attribute,
          NO2: attribute,
          [`${'x'}`]: attribute,
        },
        { requiredKeys: [] },
      )
      await fc.assert(
        fc.asyncProperty(entity, fc.jsonValue(), async (body, raw) => {
          await expectHandled(
            await server().ngsi('/entities', { method: 'POST', body }),
            `POST ${JSON.stringify(body)}`,
          )
          await expectHandled(
            await server().ngsi('/entityOperations/upsert', { method: 'POST', body: [body] }),
            `upsert ${JSON.stringify(body)}`,
          )
          await expectHandled(
            await server().ngsi('/entities/urn:ngsi-ld:Fuzz:1/attrs', { method: 'PATCH', body: raw ?? null }),
            `PATCH attrs ${JSON.stringify(raw)}`,
          )
          await server().ngsi('/entities/urn:ngsi-ld:Fuzz:2', { method: 'DELETE' })
        }),
        { numRuns: RUNS },
      )
    })

    test('random headers: Link, tenant, Accept and Content-Type', async () => {
      const headers = fc.record(
        {
          link: fc.oneof(
            noisy,
            noisy.map((url) => `<${url}>; rel="http://www.w3.org/ns/json-ld#context"`),
          ),
          'ngsild-tenant': noisy,
          accept: fc.oneof(
            noisy,
            fc.constantFrom('application/ld+json', 'application/geo+json', 'text/html'),
          ),
          'content-type': fc.oneof(
            noisy,
            fc.constantFrom('application/ld+json', 'application/json', 'text/plain'),
          ),
        },
        { requiredKeys: [] },
      )
      await fc.assert(
        fc.asyncProperty(headers, async (given) => {
          const safe = Object.fromEntries(
            Object.entries(given).filter(([, value]) => /^[\x20-\x7e]*$/.test(value)),
          )
          const read = await server().ngsi('/entities?type=Fuzz', { headers: safe })
          await expectHandled(read, `GET with ${JSON.stringify(safe)}`)
          const write = await server().ngsi('/entities/urn:ngsi-ld:Fuzz:1/attrs', {
            method: 'POST',
            headers: safe,
            body: { NO2: 2 },
          })
          await expectHandled(write, `POST attrs with ${JSON.stringify(safe)}`)
        }),
        { numRuns: RUNS },
      )
    })
  })
}
