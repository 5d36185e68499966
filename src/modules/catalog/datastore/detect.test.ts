import assert from 'node:assert/strict'
import { test } from 'node:test'
import iconv from 'iconv-lite'
import { detectDialect } from './detect-dialect.ts'
import { detectEncoding } from './detect-encoding.ts'

const ROMANIAN = 'Strada;Cartier;Observații\nȘtefan cel Mare;Mărăști;Țară, câmp și îngrădire\n'
const CEDILLA = 'Strada;Cartier;Observaţii\nŞtefan cel Mare;Mărăşti;Ţară, câmp şi îngrădire\n'

test('UTF-8 with and without a byte order mark', () => {
  assert.deepEqual(detectEncoding(Buffer.from(ROMANIAN)), { encoding: 'utf-8', bom: false })
  assert.deepEqual(detectEncoding(Buffer.from(`\ufeff${ROMANIAN}`)), { encoding: 'utf-8', bom: true })
})

test('a UTF-8 sample cut inside a character is still UTF-8', () => {
  const bytes = Buffer.from('Mărăști ș')
  assert.equal(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding, 'utf-8')
})

test('Windows-1250 and ISO-8859-2 Romanian files decode to the same letters they hold', () => {
  for (const encoding of ['windows-1250', 'iso-8859-2']) {
    const bytes = iconv.encode(CEDILLA, encoding)
    const detected = detectEncoding(bytes)
    assert.ok(['windows-1250', 'iso-8859-2'].includes(detected.encoding), detected.encoding)
    assert.equal(iconv.decode(bytes, detected.encoding), CEDILLA)
  }
})

test("Windows-1250's quotes and dashes mark it apart from ISO-8859-2", () => {
  const bytes = iconv.encode('Nume;Notă\n„Piața Mare” – centru;şcoală\n', 'windows-1250')
  assert.equal(detectEncoding(bytes).encoding, 'windows-1250')
})

test('the delimiter is the one that splits lines consistently, quotes notwithstanding', () => {
  assert.equal(detectDialect('a,b,c\n1,2,3\n4,5,6\n', true).delimiter, ',')
  assert.equal(detectDialect(ROMANIAN, true).delimiter, ';')
  assert.equal(detectDialect('a\tb\n"x, y"\t2\n', true).delimiter, '\t')
  assert.equal(detectDialect('a|b|c\n1|2,5|3\n', true).delimiter, '|')
  assert.equal(detectDialect('a;b\n"1;2";3\n4;5\n', true).delimiter, ';')
})
