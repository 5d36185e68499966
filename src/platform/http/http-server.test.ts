import assert from 'node:assert/strict'
import { EventEmitter, once } from 'node:events'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { type RunningCetate, startCetate } from '../../../test/support/cetate.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { Problem } from './problem.ts'

const [embedded] = testBackends()

/** Routes that exercise the shared behaviour; added before listening, as a module would. */
/** Announces that the slow probe has begun, so a test can close the server while it is in flight. */
const slowStarted = new EventEmitter()

function addProbeRoutes(app: FastifyInstance): void {
  app.get('/api/probe/crash', { config: { access: 'public' } }, async () => {
    throw new Error('secret internals at /srv/cetate/db.ts:42')
  })
  app.get('/api/probe/gone', { config: { access: 'public' } }, async () => {
    throw new Problem(410, 'PROBE_GONE', 'Gone', 'It moved away.')
  })
  app.post(
    '/api/probe/echo',
    {
      config: { access: 'public' },
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1 }, count: { type: 'integer', minimum: 0 } },
        },
      },
    },
    async (request) => request.body,
  )
  app.get('/api/probe/undeclared', async () => 'should never be served')
  app.get('/api/probe/staff', { config: { access: { action: 'probe.read' } } }, async () => 'staff only')
  app.get('/api/probe/slow', { config: { access: 'public' } }, async () => {
    slowStarted.emit('started')
    await new Promise((resolve) => setTimeout(resolve, 400))
    return { finished: true }
  })
}

describe('HTTP behaviour shared by every route', { timeout: 120_000 }, () => {
  let database: TestDatabase
  let server: RunningCetate

  before(async () => {
    database = await embedded!.create()
    server = await startCetate(database, {
      env: { BODY_LIMIT_BYTES: '2048' },
      beforeListen: (c) => addProbeRoutes(c.http),
    })
  })
  after(async () => {
    await server.close()
    await database.drop()
  })

  const problemOf = async (response: Response) => {
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/)
    const body = (await response.json()) as Record<string, unknown>
    assert.equal(body.status, response.status)
    assert.equal(body.requestId, response.headers.get('x-request-id'))
    return body
  }

  test('an unexpected error is a 500 problem with a request id and no internals', async () => {
    const response = await server.request('/api/probe/crash')
    assert.equal(response.status, 500)
    const text = JSON.stringify(await problemOf(response))
    assert.doesNotMatch(text, /secret internals|db\.ts|at /)
  })

  test('a domain problem keeps its status and stable code', async () => {
    const response = await server.request('/api/probe/gone')
    assert.equal(response.status, 410)
    const body = await problemOf(response)
    assert.equal(body.code, 'PROBE_GONE')
    assert.equal(body.type, 'urn:cetate:problem:probe-gone')
  })

  test('invalid input names every field that is wrong', async () => {
    const response = await server.request('/api/probe/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: -1, colour: 'red' }),
    })
    assert.equal(response.status, 400)
    const body = await problemOf(response)
    assert.equal(body.code, 'VALIDATION_FAILED')
    const pointers = (body.errors as { pointer: string }[]).map((error) => error.pointer).sort()
    assert.deepEqual(pointers, ['/colour', '/count', '/name'])
  })

  test('malformed JSON, a wrong content type and an oversized body each get their own clear answer', async () => {
    const broken = await server.request('/api/probe/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    })
    assert.equal(broken.status, 400)
    assert.equal((await problemOf(broken)).code, 'INVALID_JSON')

    const xml = await server.request('/api/probe/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<name/>',
    })
    assert.equal(xml.status, 415)
    assert.equal((await problemOf(xml)).code, 'UNSUPPORTED_MEDIA_TYPE')

    const large = await server.request('/api/probe/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(4096) }),
    })
    assert.equal(large.status, 413)
    assert.equal((await problemOf(large)).code, 'BODY_TOO_LARGE')
  })

  test('a route that declares no callers is closed to all', async () => {
    const response = await server.request('/api/probe/undeclared')
    assert.equal(response.status, 403)
    assert.equal((await problemOf(response)).code, 'ACCESS_NOT_DECLARED')
  })

  test('a route for an action is refused to an anonymous caller', async () => {
    const response = await server.request('/api/probe/staff')
    assert.equal(response.status, 401)
    assert.equal((await problemOf(response)).code, 'AUTH_REQUIRED')
  })

  test('an unknown API path is a 404 problem, not the web page', async () => {
    const response = await server.request('/api/nothing-here', { headers: { accept: 'text/html' } })
    assert.equal(response.status, 404)
    assert.equal((await problemOf(response)).code, 'NOT_FOUND')
  })

  test("a caller's own request id is kept; a dangerous one is replaced", async () => {
    const kept = await server.request('/health', { headers: { 'x-request-id': 'mobile-app.42' } })
    assert.equal(kept.headers.get('x-request-id'), 'mobile-app.42')
    const replaced = await server.request('/health', { headers: { 'x-request-id': 'a b\tc<script>' } })
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
  })

  test('security headers are set on every answer', async () => {
    const response = await server.request('/health')
    const csp = response.headers.get('content-security-policy') ?? ''
    assert.match(csp, /default-src 'self'/)
    assert.match(csp, /script-src 'self'/)
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer')
    assert.equal(response.headers.get('x-powered-by'), null)
  })

  test('/health and /ready report the process and the database', async () => {
    assert.deepEqual(await (await server.request('/health')).json(), { status: 'ok' })
    const ready = await server.request('/ready')
    assert.equal(ready.status, 200)
    const body = (await ready.json()) as { ready: boolean; checks: Record<string, { ok: boolean }> }
    assert.equal(body.ready, true)
    assert.equal(body.checks.migrations?.ok, true)
  })

  test('the OpenAPI document describes the API and the docs page is served', async () => {
    const document = (await (await server.request('/api/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, unknown>
    }
    assert.match(document.openapi, /^3\./)
    for (const path of [
      '/api/cities',
      '/api/cities/{slug}/areas',
      '/api/organisations',
      '/health',
      '/api/metrics',
    ]) {
      assert.ok(document.paths[path], `${path} is documented`)
    }
    const docs = await server.request('/api/docs/')
    assert.equal(docs.status, 200)
    assert.match(await docs.text(), /swagger/i)
  })

  test('/api/metrics lists every measurement with its value; /metrics speaks Prometheus', async () => {
    const { items } = (await (await server.request('/api/metrics')).json()) as {
      items: { name: string; value: number | null }[]
    }
    const names = items.map((item) => item.name)
    assert.ok(names.includes('city.areas') && names.includes('identity.organisations'))
    assert.ok(items.every((item) => typeof item.value === 'number'))
    const prometheus = await (await server.request('/metrics')).text()
    assert.match(prometheus, /cetate_measurement\{name="city\.areas",unit="area"\} 0/)
    assert.match(prometheus, /cetate_http_request_duration_seconds_bucket/)
  })

  test('every route the server offers declares who may call it', () => {
    const undeclared = server.cetate.http
      .routeAccess()
      .filter((route) => route.access === undefined && route.url !== '/api/probe/undeclared')
      .map((route) => `${route.method} ${route.url}`)
    assert.deepEqual(undeclared, [])
  })

  test('any page path answers the web app, so its router can show the page or its own "not found"', async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'cetate-web-'))
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Cetate</title><div id="root"></div>')
    const ownDatabase = await embedded!.create()
    const web = await startCetate(ownDatabase, { env: { WEB_ROOT: webRoot } })
    try {
      for (const path of ['/', '/about', '/no/such/page']) {
        const page = await web.request(path, { headers: { accept: 'text/html' } })
        assert.equal(page.status, 200, path)
        assert.match(page.headers.get('content-type') ?? '', /^text\/html/)
        assert.match(await page.text(), /<div id="root">/)
      }
      const api = await web.request('/api/no-such-thing', { headers: { accept: 'text/html' } })
      assert.equal(api.status, 404)
      assert.match(api.headers.get('content-type') ?? '', /^application\/problem\+json/)
    } finally {
      await web.close()
      await ownDatabase.drop()
    }
  })

  test('closing lets a request in flight finish and refuses new ones', async () => {
    // A server of its own, so closing it leaves the others' running.
    const ownDatabase = await embedded!.create()
    const running = await startCetate(ownDatabase, { beforeListen: (c) => addProbeRoutes(c.http) })
    // Close once the server is inside the slow handler (a fixed delay was too short on a busy machine).
    const started = once(slowStarted, 'started')
    const inFlight = running.request('/api/probe/slow')
    await started
    const closing = running.close()
    const answered = await inFlight
    assert.equal(answered.status, 200)
    assert.deepEqual(await answered.json(), { finished: true })
    await closing
    await assert.rejects(running.request('/health'))
    await ownDatabase.drop()
  })
})
