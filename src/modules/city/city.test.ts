import assert from 'node:assert/strict'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { type RunningCetate, startCetate } from '../../../test/support/cetate.ts'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { defaultPackDir } from '../../config.ts'
import { loadDataPack } from '../../demo/data-pack.ts'

for (const backend of testBackends()) {
  describe(`cities and areas on ${backend.name}`, { timeout: 120_000 }, () => {
    let database: TestDatabase
    let server: RunningCetate

    before(async () => {
      database = await backend.create()
      server = await startCetate(database)
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    test('before any pack is loaded there are no cities, and asking for one says how to find them', async () => {
      assert.deepEqual(await (await server.request('/api/cities')).json(), { items: [] })
      const missing = await server.request('/api/cities/cluj-napoca')
      assert.equal(missing.status, 404)
      const body = (await missing.json()) as { code: string; detail: string }
      assert.equal(body.code, 'CITY_NOT_FOUND')
      assert.match(body.detail, /GET \/api\/cities/)
    })

    test('the demo pack loads the city with its 21 neighbourhoods', async () => {
      const load = await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
      assert.equal(load.loaded, true)
      const { items } = (await (await server.request('/api/cities')).json()) as {
        items: {
          slug: string
          names: { hu?: string }
          timeZone: string
          areaCount: number
          bounds: { west: number }
        }[]
      }
      assert.equal(items.length, 1)
      assert.equal(items[0]?.slug, 'cluj-napoca')
      assert.equal(items[0]?.names.hu, 'Kolozsvár')
      assert.equal(items[0]?.timeZone, 'Europe/Bucharest')
      assert.equal(items[0]?.areaCount, 21)
      assert.ok(Math.abs((items[0]?.bounds.west ?? 0) - 23.5297) < 1e-6)
    })

    test('areas come as GeoJSON with their names, diacritics kept, and the OpenStreetMap attribution', async () => {
      const response = await server.request('/api/cities/cluj-napoca/areas')
      assert.match(response.headers.get('content-type') ?? '', /^application\/geo\+json/)
      const collection = (await response.json()) as {
        attribution: string
        features: { id: string; properties: { name: string; kind: string }; geometry: { type: string } }[]
      }
      assert.equal(collection.features.length, 21)
      assert.match(collection.attribution, /OpenStreetMap contributors/)
      const manastur = collection.features.find((feature) => feature.id === 'manastur')
      assert.equal(manastur?.properties.name, 'Mănăștur')
      assert.equal(manastur?.properties.kind, 'neighbourhood')
      assert.equal(manastur?.geometry.type, 'MultiPolygon')
    })

    test('a point is placed in its neighbourhood; a point outside the city is a clear 404', async () => {
      // Piața Unirii, in the centre.
      const centre = await server.request('/api/cities/cluj-napoca/areas/at?lon=23.5898&lat=46.7698')
      assert.equal(((await centre.json()) as { id: string }).id, 'centru')
      const outside = await server.request('/api/cities/cluj-napoca/areas/at?lon=26.1&lat=44.43')
      assert.equal(outside.status, 404)
      assert.equal(((await outside.json()) as { code: string }).code, 'AREA_NOT_FOUND')
    })

    test('coordinates out of range or missing are refused with the field named', async () => {
      const response = await server.request('/api/cities/cluj-napoca/areas/at?lon=200')
      assert.equal(response.status, 400)
      const body = (await response.json()) as { errors: { pointer: string }[] }
      assert.deepEqual(body.errors.map((error) => error.pointer).sort(), ['/lat', '/lon'])
      const badSlug = await server.request('/api/cities/Cluj%20Napoca')
      assert.equal(badSlug.status, 400)
    })

    test('loading the pack again with "only into empty" leaves the data as it is', async () => {
      const again = await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
      assert.equal(again.loaded, false)
      assert.equal(again.pack, 'cluj-napoca')
    })

    test('a pack with a broken part is refused whole, naming the file and the mistake', async () => {
      const pack = await mkdtemp(join(tmpdir(), 'cetate-pack-'))
      await cp(defaultPackDir, pack, { recursive: true })
      const manifest = JSON.parse(await readFile(join(pack, 'pack.json'), 'utf8'))
      manifest.cities[0].timeZone = 'Europe/Gotham'
      await writeFile(join(pack, 'pack.json'), JSON.stringify(manifest))
      await assert.rejects(
        loadDataPack(server.cetate, pack, { onlyIntoEmpty: false }),
        /city part .*Europe\/Gotham.*IANA/,
      )
      await writeFile(join(pack, 'pack.json'), '{ not json')
      await assert.rejects(
        loadDataPack(server.cetate, pack, { onlyIntoEmpty: false }),
        /not a data pack \(it is not valid JSON\)/,
      )
      const { items } = (await (await server.request('/api/cities')).json()) as {
        items: { timeZone: string }[]
      }
      assert.equal(items[0]?.timeZone, 'Europe/Bucharest', 'the failed load changed nothing')
    })
  })
}
