import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { CkanError } from './ckan-error.ts'
import { checkSelect } from './sql-guard.ts'

const table = '"0b9d4c3e-8f3a-4d7e-9a52-1c2d3e4f5a6b"'

describe('datastore_search_sql: the statement check', () => {
  test('one SELECT with allowed functions passes, a trailing semicolon dropped', () => {
    for (const statement of [
      `SELECT * FROM ${table}`,
      `SELECT cartier, count(*), avg(valoare)::numeric(10, 2) FROM ${table} GROUP BY cartier ORDER BY 2 DESC;`,
      `WITH t AS (SELECT an FROM ${table}) SELECT DISTINCT ON (an) an FROM t`,
      `SELECT lower(unaccent(cartier)) AS c, row_number() OVER (PARTITION BY an ORDER BY _id) FROM ${table} WHERE cartier ILIKE '%ăș;--%'`,
      `SELECT extract(year FROM ziua), ST_AsGeoJSON(loc) FROM ${table} WHERE an IN (2020, 2021) AND EXISTS (SELECT 1)`,
      `SELECT 'it''s', E'a\\'b' FROM ${table}`,
    ])
      assert.equal(checkSelect(statement), statement.replace(/;$/, ''))
  })

  test('anything but one read-only SELECT with allowed functions is refused, saying why', () => {
    for (const [statement, why] of [
      ['SELECT pg_sleep(10)', /pg_sleep/],
      ['SELECT "pg_sleep"(10)', /pg_sleep/],
      ['SELECT pg_catalog.pg_sleep(10)', /Schema-qualified/],
      ["SELECT pg_read_file('/etc/passwd')", /pg_read_file/],
      ["SELECT * FROM dblink('host=x', 'DELETE FROM t') AS t(a int)", /dblink/],
      ["SELECT lo_import('/etc/passwd')", /lo_import/],
      ["SELECT set_config('search_path', 'public', true)", /set_config/],
      ["SELECT query_to_xml('DELETE FROM x', true, true, '')", /query_to_xml/],
      ["SELECT nextval('s')", /nextval/],
      [`DELETE FROM ${table}`, /Only a SELECT/],
      [`SELECT 1; DROP TABLE ${table}`, /one statement|DROP/],
      [`WITH gone AS (DELETE FROM ${table} RETURNING *) SELECT * FROM gone`, /DELETE/],
      [`SELECT * INTO copy FROM ${table}`, /INTO/],
      [`SELECT * FROM ${table} FOR UPDATE`, /UPDATE|Locking/],
      ['SELECT 1 -- comment', /Comments/],
      ['SELECT /* x */ 1', /Comments/],
      ['SELECT $$a$$', /Dollar/],
      ['SELECT (1', /parentheses/],
      ['SELECT 1) x', /closing/],
      ["SELECT 'open", /not closed/],
      ['', /one SELECT/],
      ['TABLE x', /Only a SELECT/],
    ] as const) {
      assert.throws(
        () => checkSelect(statement),
        (error: unknown) =>
          error instanceof CkanError && error.type === 'Validation Error' && why.test(error.message),
        statement,
      )
    }
  })

  test('any text either passes as a SELECT or is a Validation Error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (tail) => {
        try {
          checkSelect(`SELECT ${tail}`)
        } catch (error) {
          assert.ok(error instanceof CkanError, String(error))
        }
      }),
      { numRuns: 2000 },
    )
  })
})
