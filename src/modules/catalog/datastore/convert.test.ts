import assert from 'node:assert/strict'
import { test } from 'node:test'
import { columnNames } from './column-names.ts'
import { converterFor, toBoolean, toDate, toInteger, toTimestamp } from './convert.ts'
import { TypeInference } from './infer.ts'

const infer = (rows: string[][], decimalComma = false) => {
  const inference = new TypeInference({ decimalComma })
  for (const row of rows) inference.observe(row)
  return inference.types(rows[0]!.length)
}

test('types are the narrowest every value fits; empty values fit any', () => {
  assert.deepEqual(
    infer([
      ['1', '1.5', 'da', '2024-02-29', '2024-03-01T10:00:00Z', 'POINT(23.59 46.77)', 'x', '0', ''],
      [
        '-7',
        '2',
        'NU',
        '01.03.2024',
        '2024-03-01 11:00',
        '{"type":"Point","coordinates":[23.6,46.8]}',
        '3',
        '1',
        '',
      ],
    ]),
    ['integer', 'number', 'boolean', 'date', 'timestamp', 'geometry', 'text', 'integer', 'text'],
  )
})

test('codes with leading zeros stay text; decimal commas count only where commas do not separate values', () => {
  assert.deepEqual(infer([['007', '3,14']]), ['text', 'text'])
  assert.deepEqual(infer([['400001', '3,14']], true), ['integer', 'number'])
  assert.equal(converterFor('number', { decimalComma: true })('3,14'), '3.14')
})

test('dates and times are checked against the calendar and written as PostgreSQL reads them', () => {
  assert.equal(toDate('29.02.2023'), undefined)
  assert.equal(toDate('31/12/2024'), '2024-12-31')
  assert.equal(toDate('2024-13-01'), undefined)
  assert.equal(toTimestamp('01.03.2024 8:05'), '2024-03-01 08:05:00')
  assert.equal(toTimestamp('2024-03-01T24:00'), undefined)
  assert.equal(toInteger('9223372036854775808'), undefined)
  assert.equal(toBoolean('Da'), 't')
})

test('text is escaped for COPY; geometry becomes EWKT in WGS 84', () => {
  assert.equal(converterFor('text', { decimalComma: false })('a\tb\\c\nd'), 'a\\tb\\\\c\\nd')
  const geometry = converterFor('geometry', { decimalComma: false })
  assert.equal(geometry('POINT (23.59 46.77)'), 'SRID=4326;POINT (23.59 46.77)')
  assert.equal(geometry('{"type":"LineString","coordinates":[[1,2],[3,4]]}'), 'SRID=4326;LINESTRING(1 2,3 4)')
  assert.equal(geometry('SRID=3844;POINT(1 2)'), undefined)
  assert.equal(geometry('POINT(1 2'), undefined)
})

test('column names are trimmed, unique, at most 63 bytes, and never _id', () => {
  const names = columnNames([' nume ', 'nume', '', '_id', 'ș'.repeat(40)])
  assert.deepEqual(names.slice(0, 4), ['nume', 'nume_2', 'column_3', '_id_2'])
  assert.ok(Buffer.byteLength(names[4]!) <= 63)
})
