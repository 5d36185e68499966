import assert from 'node:assert/strict'
import { test } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { type CsvSyntaxError, csvRecords } from './csv-records.ts'
import type { SourceRecord } from './read-source.ts'

async function read(
  chunks: string[],
  delimiter = ',',
  maxRecordChars = 1024 * 1024,
): Promise<SourceRecord[]> {
  const all: SourceRecord[] = []
  const source = (async function* () {
    yield* chunks
  })()
  for await (const batch of csvRecords(source, { delimiter, quote: '"', maxRecordChars })) all.push(...batch)
  return all
}

test('quoted values keep delimiters, doubled quotes and line breaks; each record knows its first line', async () => {
  const records = await read(['a,b\n"x, y","he said ""da"""\n"two\nlines",z\r\nlast,row'])
  assert.deepEqual(
    records.map((r) => [r.line, r.values]),
    [
      [1, ['a', 'b']],
      [2, ['x, y', 'he said "da"']],
      [3, ['two\nlines', 'z']],
      [5, ['last', 'row']],
    ],
  )
})

test('records split across chunks anywhere read the same, and empty lines are skipped', async () => {
  const text = 'nume;valoare\n\n"Piața\r\nUnirii";3,5\r\nMărăști;"7"\n'
  const whole = await read([text], ';')
  for (let cut = 1; cut < text.length; cut++) {
    assert.deepEqual(await read([text.slice(0, cut), text.slice(cut)], ';'), whole, `cut at ${cut}`)
  }
  assert.deepEqual(
    whole.map((r) => r.line),
    [1, 3, 5],
  )
})

test('a quote never closed and a row longer than the limit are errors with their line', async () => {
  await assert.rejects(read(['a,b\n1,"open\n2,3\n']), (error: CsvSyntaxError) => error.line === 2)
  await assert.rejects(read(['a\n', 'x'.repeat(3000), 'y'.repeat(3000)], ',', 4000), /longer than/)
})

test('any table written by a CSV writer reads back the same (fuzzed)', async () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'ș', ',', ';', '"', '\n', '\r\n', ' ', '1', '\t') })
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 20 }),
      fc.constantFrom(',', ';', '\t', '|'),
      fc.integer({ min: 1, max: 50 }),
      async (rows, delimiter, cut) => {
        // Rows of only empty values are empty lines in CSV, which readers skip.
        const table = rows.filter((row) => row.some((value) => value !== ''))
        const text = stringify(table, { delimiter, quoted_match: /[\r\n]/ })
        const at = Math.min(cut, text.length)
        const records = await read([text.slice(0, at), text.slice(at)], delimiter)
        assert.deepEqual(
          records.map((r) => r.values),
          table,
        )
      },
    ),
    { numRuns: 300 },
  )
})
