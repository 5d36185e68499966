import assert from 'node:assert/strict'
import { hostname } from 'node:os'
import { describe, test } from 'node:test'
import { setImmediate, setTimeout as sleep } from 'node:timers/promises'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { sql } from 'kysely'
import { testBackends } from '../../../../test/support/databases.ts'
import type { Load } from '../datastore/load-schemas.ts'
import { failInterruptedLoads } from '../datastore/loads.ts'
import { type UploadServer, uploadServerForSuite } from '../datastore/testing/upload-server.ts'

const dataset = (name: string) => ({
  organisation: 'primaria-cluj-napoca',
  name,
  title: { ro: `Set de date ${name}` },
  description: { ro: 'Date încărcate în teste.' },
  licence: 'cc-by-4.0',
})

async function createDataset(server: UploadServer, name: string): Promise<void> {
  const response = await server.call('/api/catalog/datasets', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(dataset(name)),
  })
  assert.equal(response.status, 201, await response.clone().text())
}

async function upload(
  server: UploadServer,
  name: string,
  body: string | Buffer,
  filename: string,
  contentType = 'text/csv',
): Promise<Load> {
  const response = await server.call(
    `/api/catalog/datasets/${name}/uploads?filename=${encodeURIComponent(filename)}`,
    {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    },
  )
  assert.equal(response.status, 201, await response.clone().text())
  return (await response.json()) as Load
}

async function uploadRefused(server: UploadServer, name: string, body: string | Buffer, key?: string | null) {
  const response = await server.call(`/api/catalog/datasets/${name}/uploads?filename=x.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
    ...(key === undefined ? {} : { key }),
  })
  return { status: response.status, problem: (await response.json()) as { code: string; detail: string } }
}

async function load(
  server: UploadServer,
  preview: Load,
  changes: { types?: Record<string, string>; resourceId?: string } = {},
): Promise<Load> {
  const response = await server.call(`/api/catalog/loads/${preview.id}/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      columns: preview.columns.map((c) => ({ name: c.name, type: changes.types?.[c.name] ?? c.type })),
      ...(changes.resourceId ? { resourceId: changes.resourceId } : {}),
    }),
  })
  assert.equal(response.status, 202, await response.clone().text())
  for (;;) {
    const polled = (await (await server.call(`/api/catalog/loads/${preview.id}`)).json()) as Load
    if (polled.status === 'loaded' || polled.status === 'failed') return polled
    await sleep(50)
  }
}

async function tableRows(server: UploadServer, resourceId: string): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<
    Record<string, unknown>
  >`SELECT * FROM ${sql.id('catalog_datastore', resourceId)} ORDER BY _id`.execute(server.cetate.context.db)
  return rows
}

const types = (preview: Load) => Object.fromEntries(preview.columns.map((c) => [c.name, c.type]))

for (const backend of testBackends()) {
  describe(`catalogue uploads on ${backend.name}`, { timeout: 240_000 }, () => {
    const server = uploadServerForSuite(backend, { UPLOAD_LIMIT_BYTES: String(2 * 1024 * 1024) })

    test('a UTF-8 CSV is previewed with its types, loaded into a typed table, and downloadable', async () => {
      await createDataset(server(), 'parcari')
      const csv =
        'nume,locuri,tarif,deschis,data,ultima_actualizare,lat,lon\n' +
        'Parcare Piața Unirii,120,2.5,da,2024-03-01,2024-03-01T10:00:00Z,46.7694,23.5899\n' +
        'Parcare Mărăști,80,1.5,nu,02.03.2024,2024-03-02 08:30,46.7781,23.6142\n'
      const preview = await upload(server(), 'parcari', csv, 'parcari.csv')
      assert.equal(preview.status, 'previewed')
      assert.equal(preview.encoding, 'utf-8')
      assert.equal(preview.delimiter, ',')
      assert.equal(preview.header, true)
      assert.deepEqual(types(preview), {
        nume: 'text',
        locuri: 'integer',
        tarif: 'number',
        deschis: 'boolean',
        data: 'date',
        ultima_actualizare: 'timestamp',
        lat: 'number',
        lon: 'number',
      })
      assert.equal(preview.columns.find((c) => c.name === 'lat')?.hint, 'latitude')
      assert.equal(preview.rows.length, 2)
      const done = await load(server(), preview)
      assert.equal(done.status, 'loaded', JSON.stringify(done.errors))
      assert.equal(done.progress.rows, 2)
      const rows = await tableRows(server(), done.resourceId!)
      assert.equal(rows[1]!.nume, 'Parcare Mărăști')
      assert.equal(rows[1]!.locuri, 80)
      assert.equal(rows[1]!.deschis, false)
      const download = await server().call(`/api/catalog/resources/${done.resourceId}/download`)
      assert.equal(download.status, 200)
      assert.match(download.headers.get('content-disposition') ?? '', /parcari\.csv/)
      assert.equal(await download.text(), csv)
      const anonymous = await server().call(`/api/catalog/resources/${done.resourceId}/download`, {
        key: null,
      })
      assert.equal(anonymous.status, 404, 'a draft dataset is not visible to strangers')
    })

    test('Romanian files in UTF-8 with BOM, Windows-1250 and ISO-8859-2, with ; and tab, quoted line breaks', async () => {
      await createDataset(server(), 'strazi')
      const text =
        'Strada;Cartier;Observații\nȘtefan cel Mare;Mărăști;"Țară, câmp\nși îngrădire"\nŞtefan;Gheorgheni;ţ şi Ţ\n'
      const cedilla = text.replaceAll('ș', 'ş').replaceAll('ț', 'ţ').replaceAll('Ș', 'Ş').replaceAll('Ț', 'Ţ')
      const cases: [string, Buffer, string][] = [
        ['utf-8', Buffer.from(`\ufeff${text}`), text],
        ['windows-1250', iconv.encode(cedilla.replaceAll(';', '\t'), 'windows-1250'), cedilla],
        ['iso-8859-2', iconv.encode(cedilla, 'iso-8859-2'), cedilla],
      ]
      for (const [encoding, bytes, expected] of cases) {
        const preview = await upload(server(), 'strazi', bytes, `strazi-${encoding}.csv`)
        if (encoding === 'utf-8') assert.deepEqual([preview.encoding, preview.bom], ['utf-8', true])
        else assert.ok(['windows-1250', 'iso-8859-2'].includes(preview.encoding), preview.encoding)
        assert.equal(preview.delimiter, encoding === 'windows-1250' ? '\t' : ';')
        assert.deepEqual(
          preview.columns.map((c) => c.name),
          expected.split('\n')[0]!.split(';'),
        )
        const done = await load(server(), preview)
        assert.equal(done.status, 'loaded', JSON.stringify(done.errors))
        const rows = await tableRows(server(), done.resourceId!)
        const [, cartier, observatii] = expected.split('\n')[0]!.split(';')
        assert.equal(rows.length, 2)
        assert.equal(rows[0]![cartier!], expected.includes('Mărăşti') ? 'Mărăşti' : 'Mărăști')
        assert.equal(rows[0]![observatii!], expected.split('"')[1])
      }
    })

    test('a JSON array of objects and a GeoJSON FeatureCollection load with their types and geometry', async () => {
      await createDataset(server(), 'statii')
      const json = JSON.stringify([
        { nume: 'Stația Memorandumului', linii: 3, accesibila: true, detalii: { acoperita: true } },
        { nume: 'Piața Mihai Viteazu', linii: 5, accesibila: false, detalii: null },
      ])
      const fromJson = await upload(server(), 'statii', json, 'statii.json', 'application/json')
      assert.equal(fromJson.format, 'json')
      assert.deepEqual(types(fromJson), {
        nume: 'text',
        linii: 'integer',
        accesibila: 'boolean',
        detalii: 'text',
      })
      const loadedJson = await load(server(), fromJson)
      assert.equal(loadedJson.status, 'loaded', JSON.stringify(loadedJson.errors))
      assert.equal((await tableRows(server(), loadedJson.resourceId!))[0]!.detalii, '{"acoperita":true}')

      const geojson = JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { nume: 'Parc Central', suprafata: 12.5 },
            geometry: { type: 'Point', coordinates: [23.58, 46.77] },
          },
          {
            type: 'Feature',
            properties: { nume: 'Parc Feroviarilor', suprafata: 3 },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [23.5, 46.7],
                  [23.6, 46.7],
                  [23.6, 46.8],
                  [23.5, 46.7],
                ],
              ],
            },
          },
        ],
      })
      const fromGeo = await upload(server(), 'statii', geojson, 'parcuri.geojson', 'application/geo+json')
      assert.equal(fromGeo.format, 'geojson')
      assert.deepEqual(types(fromGeo), { nume: 'text', suprafata: 'number', geometry: 'geometry' })
      const loadedGeo = await load(server(), fromGeo)
      assert.equal(loadedGeo.status, 'loaded', JSON.stringify(loadedGeo.errors))
      const { rows } = await sql<{
        kind: string
        srid: number
      }>`SELECT GeometryType(geometry) AS kind, ST_SRID(geometry) AS srid
        FROM ${sql.id('catalog_datastore', loadedGeo.resourceId!)} ORDER BY _id`.execute(
        server().cetate.context.db,
      )
      assert.deepEqual(rows, [
        { kind: 'POINT', srid: 4326 },
        { kind: 'POLYGON', srid: 4326 },
      ])
    })

    test('the publisher corrects names and types before loading', async () => {
      await createDataset(server(), 'coduri')
      const preview = await upload(server(), 'coduri', 'cod,valoare\n400001,1\n400002,0\n', 'coduri.csv')
      assert.deepEqual(types(preview), { cod: 'integer', valoare: 'integer' })
      const response = await server().call(`/api/catalog/loads/${preview.id}/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          columns: [
            { name: 'cod_postal', type: 'text' },
            { name: 'activ', type: 'boolean' },
          ],
        }),
      })
      assert.equal(response.status, 202)
      let done = (await response.json()) as Load
      while (done.status === 'loading')
        done = (await (await server().call(`/api/catalog/loads/${preview.id}`)).json()) as Load
      assert.equal(done.status, 'loaded')
      assert.deepEqual(await tableRows(server(), done.resourceId!), [
        { _id: 1, cod_postal: '400001', activ: true },
        { _id: 2, cod_postal: '400002', activ: false },
      ])
      const again = await server().call(`/api/catalog/loads/${preview.id}/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          columns: [
            { name: 'a', type: 'text' },
            { name: 'b', type: 'text' },
          ],
        }),
      })
      assert.equal(again.status, 409, 'a loaded load does not run twice')
      const wrongCount = await upload(server(), 'coduri', 'a,b\n1,2\n', 'x.csv')
      const mismatch = await server().call(`/api/catalog/loads/${wrongCount.id}/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ columns: [{ name: 'a', type: 'text' }] }),
      })
      assert.equal(mismatch.status, 422)
    })

    test('bad rows refuse the load with every line and reason; the table loaded before stays as it was', async () => {
      await createDataset(server(), 'masuratori')
      const first = await load(
        server(),
        await upload(server(), 'masuratori', 'zi,valoare\n2024-01-01,1\n2024-01-02,2\n', 'm.csv'),
      )
      assert.equal(first.status, 'loaded')
      const bad = 'zi,valoare\n2024-01-03,3\n2024-02-30,4\n2024-01-05,x\n2024-01-06\n"2024-01-07",7\n'
      const preview = await upload(server(), 'masuratori', bad, 'm2.csv')
      const refused = await load(server(), preview, {
        types: { zi: 'date', valoare: 'integer' },
        resourceId: first.resourceId!,
      })
      assert.equal(refused.status, 'failed')
      assert.equal(refused.errorCount, 3)
      assert.deepEqual(
        refused.errors.map((e) => [e.line, e.column ?? null]),
        [
          [3, 'zi'],
          [4, 'valoare'],
          [5, null],
        ],
      )
      assert.match(refused.errors[1]!.reason, /"x" is not a whole number/)
      assert.match(refused.errors[2]!.reason, /1 values; the file has 2 columns/)
      assert.deepEqual(
        (await tableRows(server(), first.resourceId!)).map((row) => row.valoare),
        [1, 2],
      )
      const { rows } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'catalog_datastore' AND table_name LIKE ${`${first.resourceId}%`}`.execute(
        server().cetate.context.db,
      )
      assert.deepEqual(rows, [{ name: first.resourceId }], 'no staging table is left behind')
    })

    test('a re-upload replaces the table at once: readers during the swap see the old rows or the new', async () => {
      await createDataset(server(), 'inlocuire')
      const old = await load(
        server(),
        await upload(server(), 'inlocuire', `n\n${'1\n'.repeat(3000)}`, 'a.csv'),
      )
      const preview = await upload(server(), 'inlocuire', `n\n${'2\n'.repeat(5000)}`, 'b.csv')
      const seen = new Set<string>()
      let reading = true
      const reader = (async () => {
        while (reading) {
          const { rows } = await sql<{ n: number; total: number }>`SELECT min(n) AS n, count(*)::int AS total
            FROM ${sql.id('catalog_datastore', old.resourceId!)}`.execute(server().cetate.context.db)
          seen.add(`${rows[0]!.n}:${rows[0]!.total}`)
          // Readers arrive as requests do, between turns of the event loop.
          await setImmediate()
        }
      })()
      const replaced = await load(server(), preview, { resourceId: old.resourceId! })
      reading = false
      await reader
      assert.equal(replaced.status, 'loaded')
      assert.equal(replaced.resourceId, old.resourceId)
      for (const state of seen) assert.ok(['1:3000', '2:5000'].includes(state), `a reader saw ${state}`)
      assert.ok(seen.has('2:5000'))
    })

    test('uploads are refused to strangers (401), to another organisation (403), and over the size limit (413)', async () => {
      await createDataset(server(), 'refuzuri')
      // Published, so the other organisation sees it and is refused for what it may not do.
      const json = { 'content-type': 'application/json' }
      const link = await server().call('/api/catalog/datasets/refuzuri/resources', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ kind: 'link', title: { ro: 'Legătură' }, url: 'https://example.org/a.csv' }),
      })
      assert.equal(link.status, 201, await link.clone().text())
      const published = await server().call('/api/catalog/datasets/refuzuri/status', {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ status: 'published' }),
      })
      assert.equal(published.status, 200, await published.clone().text())
      const anonymous = await uploadRefused(server(), 'refuzuri', 'a\n1\n', null)
      assert.equal(anonymous.status, 401)
      const other = await uploadRefused(server(), 'refuzuri', 'a\n1\n', server().otherKey)
      assert.equal(other.status, 403)
      const large = await uploadRefused(server(), 'refuzuri', Buffer.alloc(2 * 1024 * 1024 + 10, 'a'))
      assert.equal(large.status, 413)
      assert.equal(large.problem.code, 'CATALOG_UPLOAD_TOO_LARGE')
      const empty = await uploadRefused(server(), 'refuzuri', '')
      assert.equal(empty.status, 422)
      assert.match(empty.problem.detail, /empty/)
      assert.match(large.problem.detail, /up to 2 MB/)
    })

    test('huge lines: a long value loads; a line over the row limit is refused with a clear reason', async () => {
      await createDataset(server(), 'linii-lungi')
      const long = 'x'.repeat(1024 * 1024)
      const loaded = await load(
        server(),
        await upload(server(), 'linii-lungi', `a,b\n1,${long}\n`, 'lung.csv'),
      )
      assert.equal(loaded.status, 'loaded')
      assert.equal(((await tableRows(server(), loaded.resourceId!))[0]!.b as string).length, long.length)
      const unclosed = await upload(
        server(),
        'linii-lungi',
        `a,b\n1,2\n3,"${'y'.repeat(1000)}\n4,5\n`,
        'u.csv',
      )
      const failed = await load(server(), unclosed)
      assert.equal(failed.status, 'failed')
      assert.equal(failed.errors[0]!.line, 3)
      assert.match(failed.errors[0]!.reason, /never closed/)
    })

    test('malformed files never cause a server error or a hang: a clear refusal or a load (fuzzed)', async () => {
      await createDataset(server(), 'fuzz')
      const pieces = fc.constantFrom(
        'a',
        'ș',
        ',',
        ';',
        '"',
        '\n',
        '\r',
        '\t',
        '1',
        '2.5',
        '{',
        '[',
        ']',
        '}',
        '\u0000',
        '\\',
      )
      await fc.assert(
        fc.asyncProperty(
          fc.array(pieces, { maxLength: 80 }),
          fc.uint8Array({ maxLength: 40 }),
          async (parts, noise) => {
            const body = Buffer.concat([Buffer.from(parts.join('')), Buffer.from(noise)])
            const response = await server().call('/api/catalog/datasets/fuzz/uploads?filename=f.csv', {
              method: 'POST',
              headers: { 'content-type': 'text/csv' },
              body: new Uint8Array(body),
            })
            assert.ok(
              [201, 422].includes(response.status),
              `${response.status}: ${await response.clone().text()}`,
            )
            if (response.status !== 201) return
            const preview = (await response.json()) as Load
            const done = await load(server(), preview)
            assert.ok(done.status === 'loaded' || (done.status === 'failed' && done.errors.length > 0))
          },
        ),
        { numRuns: 25 },
      )
    })

    test('a load left running by a stopped server is marked failed on the next start', async () => {
      await createDataset(server(), 'intrerupt')
      const preview = await upload(server(), 'intrerupt', 'a\n1\n', 'i.csv')
      const db = server().cetate.context.db
      await sql`UPDATE catalog.loads SET status = 'loading', runner = ${`${hostname()}:999999999`}, heartbeat_at = now()
        WHERE id = ${preview.id}`.execute(db)
      assert.equal(await failInterruptedLoads(server().cetate.context), 1)
      const after = (await (await server().call(`/api/catalog/loads/${preview.id}`)).json()) as Load
      assert.equal(after.status, 'failed')
      assert.match(after.errors[0]!.reason, /interrupted/)
    })
  })
}
