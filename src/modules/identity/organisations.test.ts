import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type RunningCetate, startCetate } from '../../../test/support/cetate.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { defaultPackDir } from '../../config.ts'
import { loadDataPack } from '../../demo/data-pack.ts'
import { identityModule } from './index.ts'
import { importOrganisations } from './service.ts'

interface OrganisationBody {
  slug: string
  name: string
  names: { en?: string; hu?: string }
  kind: string
  parent: string | null
}

for (const backend of testBackends()) {
  describe(`organisations on ${backend.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase
    let server: RunningCetate

    before(async () => {
      database = await backend.create()
      server = await startCetate(database)
      await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    test('the organisations the strategy names are listed in three languages', async () => {
      const { items } = (await (await server.request('/api/organisations')).json()) as {
        items: OrganisationBody[]
      }
      const slugs = items.map((item) => item.slug)
      for (const expected of [
        'primaria-cluj-napoca',
        'oficiul-de-inovare',
        'universitatea-babes-bolyai',
        'cluj-it-cluster',
        'transilvania-it',
        'ciic',
      ]) {
        assert.ok(slugs.includes(expected), `${expected} is listed`)
      }
      assert.ok(items.every((item) => item.names.en && item.names.hu))
    })

    test('filters by kind and by parent', async () => {
      const universities = (await (await server.request('/api/organisations?kind=university')).json()) as {
        items: OrganisationBody[]
      }
      assert.ok(universities.items.length >= 4)
      assert.ok(universities.items.every((item) => item.kind === 'university'))
      const cityHall = (await (
        await server.request('/api/organisations?parent=primaria-cluj-napoca')
      ).json()) as {
        items: OrganisationBody[]
      }
      assert.ok(cityHall.items.some((item) => item.slug === 'oficiul-de-inovare'))
      assert.ok(cityHall.items.every((item) => item.parent === 'primaria-cluj-napoca'))
    })

    test('an unknown kind is refused and an unknown organisation is a 404 with its code', async () => {
      assert.equal((await server.request('/api/organisations?kind=bank')).status, 400)
      const missing = await server.request('/api/organisations/nobody')
      assert.equal(missing.status, 404)
      assert.equal(((await missing.json()) as { code: string }).code, 'ORGANISATION_NOT_FOUND')
    })

    test('one organisation, with its parent', async () => {
      const office = (await (
        await server.request('/api/organisations/oficiul-de-inovare')
      ).json()) as OrganisationBody
      assert.equal(office.names.en, 'Innovation Office')
      assert.equal(office.parent, 'primaria-cluj-napoca')
    })

    test('a pack naming a parent it lacks is refused and writes nothing', async () => {
      await assert.rejects(
        importOrganisations(server.cetate.context, [
          {
            slug: 'orphan-department',
            name: { ro: 'Direcția Orfană' },
            kind: 'department',
            parent: 'no-such-hall',
          },
        ]),
        /names a parent "no-such-hall" that the pack lacks/,
      )
      assert.equal((await server.request('/api/organisations/orphan-department')).status, 404)
    })

    test('the organisations measurement counts them', async () => {
      const measurement = identityModule.measurements?.find((m) => m.name === 'identity.organisations')
      assert.equal(await measurement?.measure(server.cetate.database.db), 15)
    })
  })
}
