import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { type RunningCetate, startCetate } from '../../../../test/support/cetate.ts'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import type { Database } from '../../../platform/db/database.ts'
import type { Column } from '../schemas.ts'
import { columnStatistics } from './column-statistics.ts'
import { exportRecords } from './record-export.ts'
import { queryRecords, type RecordTable } from './record-query.ts'
import { createTestTable } from './test-tables.ts'

const columns: Column[] = [
  { name: 'cartier', type: 'text' },
  { name: 'an', type: 'integer' },
  { name: 'valoare', type: 'number' },
  { name: 'activ', type: 'boolean' },
  { name: 'ziua', type: 'date' },
  { name: 'nota "citat", virgulă', type: 'text' },
  { name: 'loc', type: 'geometry' },
]
const neighbourhoods = ['Mănăștur', 'Gheorgheni', 'Mărăști', 'Zorilor', 'Bulgaria']
const rows = Array.from({ length: 47 }, (_, index) => [
  neighbourhoods[index % 5],
  2020 + (index % 4),
  index % 7 === 0 ? null : index * 1.5,
  index % 2 === 0,
  `2024-01-${String((index % 28) + 1).padStart(2, '0')}`,
  index === 3 ? '=HYPERLINK("http://rău")' : index === 4 ? '-2+3' : `nota ${index}`,
  index % 3 === 0 ? { type: 'Point', coordinates: [23.59, 46.77] } : null,
])

for (const backend of testBackends()) {
  describe(`datastore records on ${backend.name}`, { timeout: 180_000 }, () => {
    let database: TestDatabase
    let server: RunningCetate
    let db: Database
    const table: RecordTable = { resourceId: randomUUID(), columns, rowCount: rows.length }

    before(async () => {
      database = await backend.create()
      server = await startCetate(database)
      db = server.cetate.context.db
      await sql`CREATE SCHEMA IF NOT EXISTS catalog_datastore`.execute(db)
      await createTestTable(db, table.resourceId, { columns, rows })
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    test('a page returns typed values: numbers, booleans, ISO dates and GeoJSON', async () => {
      const page = await queryRecords(db, table, { limit: 4, includeTotal: true })
      assert.equal(page.total, 47)
      assert.deepEqual(page.records[0], {
        _id: 1,
        cartier: 'Mănăștur',
        an: 2020,
        valoare: null,
        activ: true,
        ziua: '2024-01-01',
        'nota "citat", virgulă': 'nota 0',
        loc: { type: 'Point', coordinates: [23.59, 46.77] },
      })
      assert.equal(page.next, '4')
    })

    test('filters match exactly, a list matches any, and the total counts the matches', async () => {
      const page = await queryRecords(db, table, {
        filters: { cartier: ['Zorilor', 'Bulgaria'], an: '2023' },
        limit: 100,
        includeTotal: true,
      })
      assert.ok(page.records.every((record) => ['Zorilor', 'Bulgaria'].includes(String(record.cartier))))
      assert.ok(page.records.every((record) => record.an === 2023))
      assert.equal(page.total, page.records.length)
      assert.ok(page.records.length > 0)
    })

    test('the total stays the number of matches on every keyset page, counted once per table version', async () => {
      const query = { filters: { an: '2023' }, limit: 1, includeTotal: true }
      const versioned = { ...table, loadedAt: new Date().toISOString() }
      const first = await queryRecords(db, versioned, query)
      assert.ok(first.next, 'more than one page')
      const second = await queryRecords(db, versioned, { ...query, after: first.next })
      assert.equal(second.total, first.total)
      const unversioned = await queryRecords(db, table, { ...query, after: first.next })
      assert.equal(unversioned.total, first.total)
    })

    test('q finds words with or without diacritics, on both sides', async () => {
      const plain = await queryRecords(db, table, { q: 'manastur', limit: 100, includeTotal: true })
      const marked = await queryRecords(db, table, { q: 'MĂNĂȘTUR', limit: 100, includeTotal: true })
      const cedilla = await queryRecords(db, table, { q: 'mărăşti', limit: 100, includeTotal: true })
      assert.equal(plain.total, 10)
      assert.equal(marked.total, 10)
      assert.equal(cedilla.total, 9)
      const byColumn = await queryRecords(db, table, {
        q: { cartier: 'zorilor' },
        limit: 100,
        includeTotal: true,
      })
      assert.equal(byColumn.total, 9)
    })

    test('fields choose and order the columns; sort orders by any column with _id breaking ties', async () => {
      const page = await queryRecords(db, table, {
        fields: ['an', 'cartier'],
        sort: 'an desc, cartier asc',
        limit: 3,
      })
      assert.deepEqual(Object.keys(page.records[0]!), ['an', 'cartier'])
      assert.deepEqual(page.records[0], { an: 2023, cartier: 'Bulgaria' })
    })

    test('keyset paging through a sorted query visits every row exactly once, NULLs included', async () => {
      for (const sort of ['valoare desc', 'valoare asc, ziua desc', '', 'cartier asc, _id desc']) {
        const seen: number[] = []
        let after: string | undefined
        let pages = 0
        do {
          const page = await queryRecords(db, table, { sort, limit: 6, after, fields: ['_id'] })
          seen.push(...page.records.map((record) => Number(record._id)))
          after = page.next
          pages++
        } while (after && pages < 20)
        assert.equal(seen.length, 47, `sort "${sort}"`)
        assert.equal(new Set(seen).size, 47, `sort "${sort}"`)
      }
    })

    test('distinct returns each combination once', async () => {
      const page = await queryRecords(db, table, {
        fields: ['cartier'],
        distinct: true,
        sort: 'cartier',
        limit: 100,
        includeTotal: true,
      })
      assert.equal(page.total, 5)
      assert.deepEqual(
        page.records.map((record) => record.cartier),
        ['Bulgaria', 'Gheorgheni', 'Mănăștur', 'Mărăști', 'Zorilor']
          .sort((a, b) => a.localeCompare(b, 'en'))
          .sort(),
      )
    })

    test('bad input is a correctable error naming the parameter, never a database failure', async () => {
      const attempts: [Parameters<typeof queryRecords>[2], string][] = [
        [{ filters: { nu_exista: 1 }, limit: 1 }, 'filters'],
        [{ filters: { an: 'două mii' }, limit: 1 }, 'filters'],
        [{ filters: { ziua: '2024-13-45' }, limit: 1 }, 'filters'],
        [{ filters: { an: { $gt: 1 } }, limit: 1 }, 'filters'],
        [{ filters: { loc: 'POINT(1 1)' }, limit: 1 }, 'filters'],
        [{ sort: 'an; DROP TABLE x', limit: 1 }, 'sort'],
        [{ sort: 'loc', limit: 1 }, 'sort'],
        [{ sort: '"neînchis', limit: 1 }, 'sort'],
        [{ fields: ['pg_sleep(1)'], limit: 1 }, 'fields'],
        [{ limit: 32_001 }, 'limit'],
        [{ limit: 1, offset: -1 }, 'offset'],
        [{ limit: 1, after: 'bm90IGEgY3Vyc29y' }, 'after'],
        [{ limit: 1, after: '5', sort: 'an' }, 'after'],
        [{ limit: 1, q: ['a'] }, 'q'],
      ]
      for (const [query, field] of attempts) {
        await assert.rejects(
          queryRecords(db, table, query),
          (error: { status?: number; extensions?: { field?: string } }) => {
            assert.equal(error.status, 400, JSON.stringify(query))
            assert.equal(error.extensions?.field, field, JSON.stringify(query))
            return true
          },
        )
      }
    })

    test('a forged cursor value that does not fit its column is refused, not a failure', async () => {
      const forged = Buffer.from(JSON.stringify(['"an" asc', ['nu', '1']])).toString('base64url')
      await assert.rejects(queryRecords(db, table, { sort: 'an asc', limit: 1, after: forged }), {
        status: 400,
      })
    })

    test('the CSV export streams every row and escapes cells that a spreadsheet would run', async () => {
      let text = ''
      for await (const chunk of exportRecords(db, { ...table }, 'csv', {})) text += chunk
      const lines = text.trimEnd().split('\r\n')
      assert.equal(lines[0], 'cartier,an,valoare,activ,ziua,"nota ""citat"", virgulă",loc')
      assert.equal(lines.length, 48)
      assert.match(lines[4]!, /,"'=HYPERLINK\(""http:\/\/rău""\)",/)
      assert.match(lines[5]!, /,'-2\+3,/)
    })

    test('the GeoJSON export is a FeatureCollection of the geometry column', async () => {
      let text = ''
      for await (const chunk of exportRecords(
        db,
        table,
        'geojson',
        { filters: { cartier: 'Zorilor' } },
        { kind: 'geometry', column: 'loc' },
      ))
        text += chunk
      const collection = JSON.parse(text) as {
        type: string
        features: { properties: Record<string, unknown> }[]
      }
      assert.equal(collection.type, 'FeatureCollection')
      assert.equal(collection.features.length, 9)
      assert.equal(collection.features[0]!.properties.cartier, 'Zorilor')
      assert.ok(!('loc' in collection.features[0]!.properties))
    })

    test('column statistics give min, max, mean and a downsampled series for a chart', async () => {
      const statistics = await columnStatistics(db, table, 'valoare', 10)
      assert.equal(statistics.count, 40)
      assert.equal(statistics.min, 1.5)
      assert.equal(statistics.max, 69)
      assert.ok(statistics.series.length <= 10 && statistics.series.length >= 9)
      await assert.rejects(columnStatistics(db, table, 'cartier', 10), { status: 400 })
    })
  })
}
