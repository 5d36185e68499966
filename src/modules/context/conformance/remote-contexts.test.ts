import assert from 'node:assert/strict'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type NgsiCetate, startNgsiCetate } from '../../../../test/support/ngsi.ts'

const LINK = (url: string) =>
  `<${url}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`

for (const backend of testBackends()) {
  describe(`remote @contexts when OUTBOUND_FETCH=true on ${backend.name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase
    let server: NgsiCetate
    let publisher: Server
    let base: string
    let fetches = 0

    before(async () => {
      publisher = createServer((request, response) => {
        fetches++
        if (request.url === '/cluj.jsonld') {
          response.writeHead(200, { 'content-type': 'application/ld+json' })
          response.end(
            JSON.stringify({
              '@context': { Bin: 'https://example.org/cluj/Bin', fill: 'https://example.org/cluj/fill' },
            }),
          )
        } else response.writeHead(404).end()
      })
      publisher.listen(0, '127.0.0.1')
      await once(publisher, 'listening')
      base = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`
      database = await backend.create()
      server = await startNgsiCetate(database, { OUTBOUND_FETCH: 'true' })
    })
    after(async () => {
      publisher.close()
      await server.close()
      await database.drop()
    })

    test('6.3.5 a remote @context is fetched once, cached and listed as Cached', async () => {
      const created = await server.ngsi('/entities', {
        method: 'POST',
        headers: { link: LINK(`${base}/cluj.jsonld`) },
        body: { id: 'urn:ngsi-ld:Bin:r1', type: 'Bin', fill: 40 },
      })
      assert.equal(created.status, 201)
      const read = await server.ngsi('/entities?type=Bin&options=keyValues', {
        headers: { link: LINK(`${base}/cluj.jsonld`) },
      })
      assert.deepEqual(await read.json(), [{ id: 'urn:ngsi-ld:Bin:r1', type: 'Bin', fill: 40 }])
      const full = (await (
        await server.ngsi('/entities/urn:ngsi-ld:Bin:r1?options=keyValues')
      ).json()) as Record<string, unknown>
      assert.equal(full.type, 'https://example.org/cluj/Bin')
      assert.equal(fetches, 1)
      const cached = (await (await server.ngsi('/jsonldContexts?details=true')).json()) as {
        URL: string
        kind: string
      }[]
      assert.ok(cached.some((item) => item.URL === `${base}/cluj.jsonld` && item.kind === 'Cached'))
    })

    test('6.3.5 a remote @context that cannot be fetched is LdContextNotAvailable', async () => {
      const response = await server.ngsi('/entities?type=Bin', {
        headers: { link: LINK(`${base}/missing.jsonld`) },
      })
      assert.equal(response.status, 503)
      const body = (await response.json()) as { type: string; detail: string }
      assert.equal(body.type, 'https://uri.etsi.org/ngsi-ld/errors/LdContextNotAvailable')
      assert.match(body.detail, /answered 404/)
    })
  })
}
