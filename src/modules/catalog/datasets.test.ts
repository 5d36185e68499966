import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { sql } from 'kysely'
import { catalogServerForSuite } from '../../../test/support/catalog.ts'
import { testBackends } from '../../../test/support/databases.ts'
import type { Dataset } from './schemas.ts'

const draft = {
  organisation: 'primaria-cluj-napoca',
  title: { ro: 'Străzi și trotuare reparate în 2026', en: 'Streets and pavements repaired in 2026' },
  description: { ro: 'Lista străzilor reparate de Direcția Tehnică, cu lungimea și costul lucrărilor.' },
  keywords: ['străzi', 'infrastructură', 'străzi'],
  themes: ['TRAN', 'REGI'],
  licence: 'cc-by-4.0',
  frequency: 'MONTHLY',
  temporal: { start: '2026-01-01', end: '2026-12-31' },
}

for (const backend of testBackends()) {
  describe(`catalogue datasets on ${backend.name}`, { timeout: 180_000 }, () => {
    const server = catalogServerForSuite(backend)
    let created: Dataset

    test('a publisher creates a draft; its name comes from the Romanian title, keywords once each', async () => {
      const response = await server().call('/api/catalog/datasets', { method: 'POST', body: draft })
      assert.equal(response.status, 201, await response.clone().text())
      created = (await response.json()) as Dataset
      assert.equal(created.name, 'strazi-si-trotuare-reparate-in-2026')
      assert.equal(response.headers.get('location'), `/api/catalog/datasets/${created.name}`)
      assert.equal(created.status, 'draft')
      assert.equal(created.organisation.slug, 'primaria-cluj-napoca')
      assert.deepEqual(created.keywords, ['străzi', 'infrastructură'])
    })

    test('a draft is invisible to strangers and absent from search', async () => {
      const response = await server().call(`/api/catalog/datasets/${created.name}`, { anonymous: true })
      assert.equal(response.status, 404)
      assert.equal(((await response.json()) as { code: string }).code, 'CATALOG_DATASET_NOT_FOUND')
      const search = await server().call('/api/catalog/datasets?q=strazi', { anonymous: true })
      const found = (await search.json()) as { items: Dataset[] }
      assert.ok(!found.items.some((item) => item.name === created.name))
    })

    test('publishing without any data is refused with what to do', async () => {
      const response = await server().call(`/api/catalog/datasets/${created.name}/status`, {
        method: 'PUT',
        body: { status: 'published' },
      })
      assert.equal(response.status, 409)
      assert.match(((await response.json()) as { detail: string }).detail, /Upload a file/)
    })

    test('with a link it publishes; then anyone finds it with or without diacritics, cedilla or comma', async () => {
      const link = await server().call(`/api/catalog/datasets/${created.name}/resources`, {
        method: 'POST',
        body: {
          kind: 'link',
          title: { ro: 'Lista (CSV)' },
          format: 'csv',
          url: 'https://example.org/strazi.csv',
        },
      })
      assert.equal(link.status, 201, await link.clone().text())
      assert.equal(((await link.json()) as { format: string }).format, 'CSV')
      const published = await server().call(`/api/catalog/datasets/${created.name}/status`, {
        method: 'PUT',
        body: { status: 'published' },
      })
      assert.equal(published.status, 200)
      assert.ok(((await published.json()) as Dataset).issued)
      for (const words of [
        'strazi trotuare',
        'Străzi',
        'STRAZI',
        'străz',
        'trotuare reparate',
        'ştrazi',
        'pavements',
      ]) {
        const response = await server().call(`/api/catalog/datasets?q=${encodeURIComponent(words)}`, {
          anonymous: true,
        })
        const found = (await response.json()) as { items: Dataset[] }
        assert.ok(
          found.items.some((item) => item.name === created.name),
          `"${words}" finds it`,
        )
      }
    })

    test('facets count the matches; filters narrow them', async () => {
      const response = await server().call('/api/catalog/datasets?theme=TRAN&format=csv', { anonymous: true })
      const found = (await response.json()) as {
        count: number
        items: Dataset[]
        facets: Record<string, { value: string; count: number }[]>
      }
      assert.ok(found.items.every((item) => item.themes.includes('TRAN')))
      assert.ok(found.facets.theme!.some((entry) => entry.value === 'TRAN' && entry.count === found.count))
      assert.ok(found.facets.format!.some((entry) => entry.value === 'CSV'))
      assert.ok(found.facets.organisation!.some((entry) => entry.value === 'primaria-cluj-napoca'))
      const none = await server().call('/api/catalog/datasets?organisation=no-such-org', { anonymous: true })
      assert.equal(((await none.json()) as { count: number }).count, 0)
    })

    test('bad input answers 400 naming the field; unknown organisation or area, foreign publisher, anonymous', async () => {
      const badLicence = await server().call('/api/catalog/datasets', {
        method: 'POST',
        body: { ...draft, licence: 'whatever' },
      })
      assert.equal(badLicence.status, 400)
      assert.match(await badLicence.text(), /licence/)
      const unknown = await server().call('/api/catalog/datasets', {
        method: 'POST',
        body: { ...draft, organisation: 'no-such-org' },
      })
      assert.equal(unknown.status, 400)
      const foreign = await server().call('/api/catalog/datasets', {
        method: 'POST',
        body: { ...draft, organisation: 'ctp-cluj-napoca' },
      })
      assert.equal(foreign.status, 403)
      const anonymous = await server().call('/api/catalog/datasets', {
        method: 'POST',
        body: draft,
        anonymous: true,
      })
      assert.equal(anonymous.status, 401)
      const reversed = await server().call(`/api/catalog/datasets/${created.name}`, {
        method: 'PATCH',
        body: { temporal: { start: '2026-12-31', end: '2026-01-01' } },
      })
      assert.equal(reversed.status, 400)
      const unknownArea = await server().call(`/api/catalog/datasets/${created.name}`, {
        method: 'PATCH',
        body: { spatial: { area: 'atlantida' } },
      })
      assert.equal(unknownArea.status, 400)
      assert.equal(((await unknownArea.json()) as { code: string }).code, 'CATALOG_AREA_UNKNOWN')
      const knownArea = await server().call(`/api/catalog/datasets/${created.name}`, {
        method: 'PATCH',
        body: { spatial: { area: 'manastur' } },
      })
      assert.equal(knownArea.status, 200, await knownArea.clone().text())
      assert.deepEqual(((await knownArea.json()) as Dataset).spatial, { area: 'manastur' })
      const taken = await server().call('/api/catalog/datasets', {
        method: 'POST',
        body: { ...draft, name: created.name },
      })
      assert.equal(taken.status, 409)
    })

    test('a private dataset stays with its organisation', async () => {
      const response = await server().call(`/api/catalog/datasets/${created.name}`, {
        method: 'PATCH',
        body: { accessLevel: 'private' },
      })
      assert.equal(response.status, 200)
      assert.equal(
        (await server().call(`/api/catalog/datasets/${created.name}`, { anonymous: true })).status,
        404,
      )
      assert.equal((await server().call(`/api/catalog/datasets/${created.name}`)).status, 200)
      const mine = await server().call('/api/catalog/datasets?mine=true&q=strazi')
      assert.ok(
        ((await mine.json()) as { items: Dataset[] }).items.some((item) => item.name === created.name),
      )
      await server().call(`/api/catalog/datasets/${created.name}`, {
        method: 'PATCH',
        body: { accessLevel: 'open' },
      })
    })

    test('the publisher sees a quality score with tips; strangers may not', async () => {
      const response = await server().call(`/api/catalog/datasets/${created.name}/quality`)
      assert.equal(response.status, 200)
      const quality = (await response.json()) as { score: number; checks: { id: string; passed: boolean }[] }
      assert.ok(quality.score > 0 && quality.score < 100)
      assert.equal(quality.checks.find((check) => check.id === 'licence')?.passed, true)
      assert.equal(quality.checks.find((check) => check.id === 'datastore')?.passed, false)
      const stranger = await server().call(`/api/catalog/datasets/${created.name}/quality`, {
        anonymous: true,
      })
      assert.equal(stranger.status, 401)
    })

    test('the demo catalogue is published, with real MyCluj figures and examples labelled', async () => {
      const response = await server().call('/api/catalog/datasets?limit=50', { anonymous: true })
      const found = (await response.json()) as { items: Dataset[] }
      const names = found.items.map((item) => item.name)
      assert.ok(names.includes('sesizari-mycluj-pe-categorii'))
      assert.ok(names.includes('calitatea-aerului-in-timp-real'))
      const live = found.items.find((item) => item.name === 'calitatea-aerului-in-timp-real')!
      assert.match(live.title.ro, /exemplu/)
      assert.match(live.resources[0]!.url, /\/ngsi-ld\/v1\/entities\?type=AirQualityObserved$/)
    })

    test('a loaded table gets an index per column soon after, for filtered reads', async () => {
      const dataset = (await (
        await server().call('/api/catalog/datasets/sesizari-mycluj-pe-categorii', { anonymous: true })
      ).json()) as Dataset
      const resource = dataset.resources.find((each) => each.datastore)!
      assert.equal(resource.datastore!.rowCount, 16)
      const indexes = async () => {
        const { rows } = await sql<{ count: number }>`SELECT count(*)::int AS count FROM pg_indexes
          WHERE schemaname = 'catalog_datastore' AND indexname LIKE ${`${resource.id}_c%`}`.execute(
          server().cetate.context.db,
        )
        return rows[0]!.count
      }
      const deadline = Date.now() + 30_000
      while ((await indexes()) < resource.datastore!.columns.length && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200))
      assert.equal(await indexes(), resource.datastore!.columns.length)
    })

    test('deleting removes it for everyone', async () => {
      const response = await server().call(`/api/catalog/datasets/${created.name}`, { method: 'DELETE' })
      assert.equal(response.status, 204)
      assert.equal((await server().call(`/api/catalog/datasets/${created.name}`)).status, 404)
    })
  })
}
