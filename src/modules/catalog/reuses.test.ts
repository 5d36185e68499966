import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { catalogServerForSuite } from '../../../test/support/catalog.ts'
import { testBackends } from '../../../test/support/databases.ts'
import type { Reuse } from './schemas.ts'

const app = {
  kind: 'app',
  title: 'Aer curat Cluj',
  description: 'Harta calității aerului, pe cartiere.',
  url: 'https://aer.example.org',
  author: 'Echipa Aer Curat',
  datasets: ['calitatea-aerului-in-timp-real'],
}

interface Measured {
  items: { name: string; value: number | null }[]
}

for (const backend of testBackends()) {
  describe(`catalogue reuses and metrics on ${backend.name}`, { timeout: 180_000 }, () => {
    const server = catalogServerForSuite(backend)
    const metric = async (name: string) => {
      const { items } = (await (await server().call('/api/metrics', { anonymous: true })).json()) as Measured
      return items.find((item) => item.name === name)?.value
    }

    test('a resident records an app built on a dataset; it shows on the dataset and counts as a KPI', async () => {
      assert.equal(await metric('catalog.reuses.apps'), 0)
      const ana = await server().signedIn('ana@cluj-napoca.example')
      const reuse = await ana.json<Reuse>('/api/catalog/reuses', { method: 'POST', json: app })
      assert.deepEqual(reuse.datasets, ['calitatea-aerului-in-timp-real'])
      const { items } = (await (
        await server().call('/api/catalog/datasets/calitatea-aerului-in-timp-real/reuses', {
          anonymous: true,
        })
      ).json()) as { items: Reuse[] }
      assert.equal(items[0]?.title, 'Aer curat Cluj')
      assert.ok(!JSON.stringify(items).includes('ana@'), 'nothing about the person who recorded it')
      assert.equal(await metric('catalog.reuses.apps'), 1)

      const laszlo = await server().signedIn('laszlo@cluj-napoca.example')
      const removal = await laszlo.request(`/api/catalog/reuses/${reuse.id}`, { method: 'DELETE' })
      assert.equal(removal.status, 403, 'someone else may not remove it')
      assert.equal((await ana.request(`/api/catalog/reuses/${reuse.id}`, { method: 'DELETE' })).status, 204)
    })

    test('a reuse needs a person, a web address and datasets that exist', async () => {
      const anonymous = await server().call('/api/catalog/reuses', {
        method: 'POST',
        body: app,
        anonymous: true,
      })
      assert.equal(anonymous.status, 401)
      const ana = await server().signedIn('ana@cluj-napoca.example')
      const badUrl = await ana.request('/api/catalog/reuses', {
        method: 'POST',
        json: { ...app, url: 'javascript:alert(1)' },
      })
      assert.equal(badUrl.status, 400)
      const missing = await ana.request('/api/catalog/reuses', {
        method: 'POST',
        json: { ...app, datasets: ['no-such-dataset'] },
      })
      assert.equal(missing.status, 404)
    })

    test('metrics count the open datasets and the organisations publishing them', async () => {
      assert.equal(await metric('catalog.datasets.open'), 6)
      assert.equal(await metric('catalog.organisations.publishing'), 3)
      assert.equal(await metric('catalog.datasets.updated_on_time'), 100)
      const statistics = (await (
        await server().call('/api/catalog/statistics', { anonymous: true })
      ).json()) as {
        organisations: { organisation: string; datasets: number }[]
      }
      assert.deepEqual(statistics.organisations[0], { organisation: 'primaria-cluj-napoca', datasets: 4 })
    })
  })
}
