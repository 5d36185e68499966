import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import { catalogServerForSuite } from '../../../../test/support/catalog.ts'
import { testBackends } from '../../../../test/support/databases.ts'
import { createCkanFixture } from './ckan-fixture.ts'

interface Answer {
  status: number
  body: {
    success: boolean
    result?: { records: Record<string, unknown>[]; fields: { id: string }[]; records_truncated?: boolean }
    error?: { __type: string; message: string; sql?: string[] }
  }
}

for (const backend of testBackends()) {
  describe(`datastore_search_sql turned on (CKAN_DATASTORE_SQL=true) on ${backend.name}`, {
    timeout: 240_000,
  }, () => {
    const server = catalogServerForSuite(backend, { CKAN_DATASTORE_SQL: 'true' })
    let open: string
    let hidden: string
    const run = async (statement: string, anonymous = true): Promise<Answer> => {
      const response = await server().call('/api/3/action/datastore_search_sql', {
        method: 'POST',
        body: { sql: statement },
        anonymous,
      })
      return { status: response.status, body: (await response.json()) as Answer['body'] }
    }
    before(async () => {
      assert.equal(server().cetate.context.settings.ckanDatastoreSql, true)
      ;({ open, hidden } = await createCkanFixture(server().cetate.context))
    })

    if (backend.name === 'pglite') {
      test('the embedded database refuses it: a statement there cannot be stopped', async () => {
        const answer = await run(`SELECT count(*) FROM "${open}"`)
        assert.equal(answer.status, 403)
        assert.equal(answer.body.error?.__type, 'Authorization Error')
        assert.match(answer.body.error!.message, /PostgreSQL server/)
      })
      return
    }

    test('one SELECT over a public table answers its rows and fields', async () => {
      const answer = await run(
        `SELECT cartier, count(*) AS n FROM "${open}" GROUP BY cartier ORDER BY cartier`,
      )
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      assert.equal(answer.body.result!.records.length, 5)
      assert.deepEqual(
        answer.body.result!.fields.map((field) => field.id),
        ['cartier', 'n'],
      )
    })

    test('at most 32,000 rows, saying the answer was cut', async () => {
      const answer = await run(`SELECT a._id FROM "${open}" a, "${open}" b, "${open}" c`)
      assert.equal(answer.status, 200, JSON.stringify(answer.body))
      assert.equal(answer.body.result!.records.length, 32_000)
      assert.equal(answer.body.result!.records_truncated, true)
    })

    test('writes, sleeps, file reads, other schemas and private tables are refused clearly', async () => {
      for (const [statement, why] of [
        ['SELECT pg_sleep(10)', /pg_sleep/],
        [`DELETE FROM "${open}"`, /Only a SELECT/],
        [`SELECT 1; DROP TABLE "${open}"`, /one statement|DROP/],
        [`WITH gone AS (DELETE FROM "${open}" RETURNING *) SELECT * FROM gone`, /DELETE/],
        ["SELECT set_config('default_transaction_read_only', 'off', false)", /set_config/],
        ["SELECT pg_read_file('/etc/passwd')", /pg_read_file/],
        ['SELECT * FROM catalog.datasets', /Only datastore tables/],
        ['SELECT * FROM pg_authid', /Only datastore tables/],
        ['SELECT * FROM identity.people', /Only datastore tables/],
        ['SELECT * FROM spatial_ref_sys', /Only datastore tables/],
        [`SELECT * FROM "${hidden}"`, /no public datastore table/],
        [`SELECT * FROM "${open}" WHERE _id IN (SELECT _id FROM "${hidden}")`, /no public datastore table/],
        ['SELECT * FROM nu_exista', /does not exist/],
        [`SELECT 1 / 0 FROM "${open}"`, /division by zero/],
      ] as const) {
        const answer = await run(statement)
        assert.equal(answer.status, 409, `${statement}: ${JSON.stringify(answer.body)}`)
        assert.equal(answer.body.error?.__type, 'Validation Error', statement)
        assert.match(answer.body.error!.message, why, statement)
        assert.ok(Array.isArray(answer.body.error?.sql), statement)
      }
      const still = await run(`SELECT count(*) AS n FROM "${open}"`)
      assert.equal(still.body.result!.records[0]!.n, 47)
    })
  })
}
