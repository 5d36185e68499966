import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { anyMatches, EVERY_PERSON } from '../../src/modules/identity/roles.ts'
import type { Access } from '../../src/platform/access/access.ts'
import type { RunningCetate } from '../support/cetate.ts'
import { type TestDatabase, testBackends } from '../support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../support/demo.ts'
import type { SessionClient } from '../support/session-client.ts'

/** Plausible values for path parameters, so the request reaches the access check of the real route. */
const PARAMETERS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  personId: '00000000-0000-4000-8000-000000000000',
  slug: 'cluj-napoca',
  role: 'clerk',
}

interface RouteCase {
  method: string
  path: string
  access: Access | undefined
}

function routeCases(server: RunningCetate): RouteCase[] {
  const cases: RouteCase[] = []
  for (const route of server.cetate.http.routeAccess()) {
    // Static files and the docs' assets are served under public declarations; their wildcards have no fixed path.
    if (route.url.includes('*')) continue
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter(
      (method) => method !== 'HEAD',
    )
    const path = route.url.replace(/:(\w+)/g, (_, name: string) => PARAMETERS[name] ?? 'x')
    for (const method of methods) cases.push({ method, path, access: route.access })
  }
  return cases
}

const [backend] = testBackends()

describe('the permission matrix, generated from the route table', { timeout: 180_000 }, () => {
  let database: TestDatabase
  let server: DemoCetate
  let citizen: SessionClient
  let cases: RouteCase[]

  before(async () => {
    database = await backend!.create()
    server = await startDemoCetate(database)
    citizen = await server.signedIn('ana@cluj-napoca.example')
    cases = routeCases(server)
  })
  after(async () => {
    await server.close()
    await database.drop()
  })

  test('every route declares who may call it', () => {
    const undeclared = cases
      .filter((route) => route.access === undefined)
      .map((route) => `${route.method} ${route.path}`)
    assert.deepEqual(undeclared, [])
    assert.ok(cases.length > 20, `${cases.length} routes checked`)
  })

  test('an anonymous caller is refused everything not declared public', async () => {
    const wrong: string[] = []
    for (const route of cases) {
      const response = await fetch(`${server.url}${route.path}`, { method: route.method })
      const refused = response.status === 401 || response.status === 403
      if (route.access === 'public' ? refused : response.status !== 401) {
        wrong.push(
          `${route.method} ${route.path} (${JSON.stringify(route.access)}) answered ${response.status}`,
        )
      }
    }
    assert.deepEqual(wrong, [])
  })

  test('a citizen without roles may use their own account and subscribe, but no staff action', async () => {
    const wrong: string[] = []
    for (const route of cases) {
      if (route.path === '/api/account/sign-out') continue
      const response = await citizen.request(route.path, { method: route.method })
      const refused = response.status === 401 || response.status === 403
      // Actions every person holds (subscribing to open data) are not staff actions.
      const expectRefusal = typeof route.access === 'object' && !anyMatches(EVERY_PERSON, route.access.action)
      if (expectRefusal !== refused || (expectRefusal && response.status !== 403)) {
        wrong.push(
          `${route.method} ${route.path} (${JSON.stringify(route.access)}) answered ${response.status}`,
        )
      }
    }
    assert.deepEqual(wrong, [])
  })

  test('a bearer credential that is not valid is refused even on public routes, so a broken client notices', async () => {
    const response = await fetch(`${server.url}/api/cities`, {
      headers: { authorization: 'Bearer not-a-real-key' },
    })
    assert.equal(response.status, 401)
    assert.equal(((await response.json()) as { code: string }).code, 'INVALID_TOKEN')
  })
})
