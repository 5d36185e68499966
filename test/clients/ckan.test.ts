import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { before, describe, test } from 'node:test'
import { createCkanFixture } from '../../src/modules/catalog/ckan/ckan-fixture.ts'
import { catalogServerForSuite } from '../support/catalog.ts'
import { testBackends } from '../support/databases.ts'

/**
 * okfn's ckan.js, the Open Knowledge Foundation's own CKAN client, unchanged, against Cetate: the
 * "a tool written for CKAN works" promise, checked with someone else's code.
 */
type Callback = (error: unknown, body: { success: boolean; result: unknown }) => void
interface CkanClient {
  action(name: string, data: object | undefined, callback: Callback): void
  datastoreQuery(
    query: object,
    callback: (
      error: unknown,
      out: { total: number; fields: { id: string; type: string }[]; hits: Record<string, unknown>[] },
    ) => void,
  ): void
}
const CKAN = createRequire(import.meta.url)('ckan') as { Client: new (endpoint: string) => CkanClient }

const call = <T>(client: CkanClient, name: string, data?: object): Promise<T> =>
  new Promise((resolve, reject) =>
    client.action(name, data, (error, body) =>
      error ? reject(new Error(String(error))) : resolve(body.result as T),
    ),
  )

for (const backend of testBackends()) {
  describe(`the ckan.js client library against Cetate on ${backend.name}`, { timeout: 240_000 }, () => {
    const server = catalogServerForSuite(backend)
    let client: CkanClient
    let resourceId: string
    before(async () => {
      resourceId = (await createCkanFixture(server().cetate.context)).open
      client = new CKAN.Client(server().url)
    })

    test('lists the datasets (package_list) and reads each one (package_show)', async () => {
      const names = await call<string[]>(client, 'package_list', {})
      assert.ok(names.includes('masuratori-zgomot-test'))
      for (const name of names) {
        const dataset = await call<{ name: string; resources: { id: string }[] }>(client, 'package_show', {
          id: name,
        })
        assert.equal(dataset.name, name)
      }
    })

    test('searches datasets (package_search) with a query and facets', async () => {
      const found = await call<{
        count: number
        results: { name: string }[]
        facets: Record<string, object>
      }>(client, 'package_search', { q: 'zgomot', 'facet.field': ['tags'] })
      assert.equal(found.count, 1)
      assert.equal(found.results[0]!.name, 'masuratori-zgomot-test')
      assert.ok('zgomot' in found.facets.tags!)
    })

    test('reads a table through its datastore query (datastore_search)', async () => {
      const out = await new Promise<Parameters<Parameters<CkanClient['datastoreQuery']>[1]>[1]>(
        (resolve, reject) =>
          client.datastoreQuery(
            {
              resource_id: resourceId,
              filters: [{ type: 'term', field: 'cartier', term: 'Zorilor' }],
              sort: [{ field: 'an', order: 'desc' }],
              size: 5,
              from: 0,
            },
            (error, result) => (error ? reject(new Error(String(error))) : resolve(result)),
          ),
      )
      assert.equal(out.total, 9)
      assert.equal(out.hits.length, 5)
      assert.ok(out.hits.every((hit) => hit.cartier === 'Zorilor'))
      // ckan.js turns CKAN's int8 into its own "integer".
      assert.deepEqual(
        out.fields.find((field) => field.id === 'an'),
        { id: 'an', type: 'integer' },
      )
    })
  })
}
