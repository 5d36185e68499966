import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type KyselyPlugin, RawNode, sql } from 'kysely'
import { type TestDatabase, testBackends } from '../../../../test/support/databases.ts'
import { type NgsiCetate, startNgsiCetate } from '../../../../test/support/ngsi.ts'
import type { Database } from '../../../platform/db/database.ts'
import { DEFAULT_VOCAB } from '../model.ts'
import { selectAggregates } from './temporal-aggregation.ts'
import { readDuration, readTemporalQuery } from './temporal-query.ts'

/** One month of 1-minute readings of one attribute: 43 200 rows. */
const ID = 'urn:ngsi-ld:Thermometer:month'
const ATTRIBUTE = `${DEFAULT_VOCAB}temperature`
const ROWS = 43_200
// Other sensors' month in the same table, so the planner sees a table where one series is a small part.
const NEIGHBOURS = 4
const HOURLY_AVERAGE =
  'options=aggregatedValues&aggrMethods=avg&aggrPeriodDuration=PT1H' +
  '&timerel=between&timeAt=2026-01-01T00:00:00Z&endTimeAt=2026-01-31T00:00:00Z'
// Speed is measured by bench/context.ts (target p95 ≤ 50 ms on PostgreSQL); here only the plan is checked:
// a query that leaves the index or sorts its rows is what makes it slow.

/** The plan of the first query `run` sends, run with EXPLAIN ANALYZE (a plugin rewrites the raw SQL). */
async function explained(db: Database, run: (db: Database) => Promise<unknown>): Promise<string> {
  const plans: string[] = []
  const explaining: KyselyPlugin = {
    transformQuery: ({ node }) =>
      RawNode.is(node) && plans.length === 0
        ? RawNode.create(
            [`EXPLAIN (ANALYZE, COSTS OFF) ${node.sqlFragments[0]}`, ...node.sqlFragments.slice(1)],
            node.parameters,
          )
        : node,
    transformResult: async ({ result }) => {
      if (plans.length === 0) plans.push(result.rows.map((row) => Object.values(row as object)[0]).join('\n'))
      return { rows: [] }
    },
  }
  await run(db.withPlugin(explaining))
  return plans[0] ?? ''
}

for (const backend of testBackends()) {
  describe(`temporal aggregation speed on ${backend.name}`, { timeout: 300_000 }, () => {
    let database: TestDatabase
    let server: NgsiCetate

    before(async () => {
      database = await backend.create()
      server = await startNgsiCetate(database)
      const db = server.cetate.context.db
      await sql`INSERT INTO context.temporal_entities (tenant, id, types, created_at)
        VALUES ('', ${ID}, ${[`${DEFAULT_VOCAB}Thermometer`]}::text[], '2026-01-01T00:00:00Z')`.execute(db)
      await sql`INSERT INTO context.attribute_instances (tenant, entity_id, attribute, observed_at, number, instance)
        SELECT '', CASE WHEN sensor = 0 THEN ${ID} ELSE ${`${ID}-neighbour-`} || sensor END, ${ATTRIBUTE}, at, value,
          jsonb_build_object('type', 'Property', 'value', value, 'observedAt',
            to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
        FROM generate_series(0, ${NEIGHBOURS}) sensor, generate_series(0, ${ROWS - 1}) n,
          LATERAL (SELECT '2026-01-01T00:00:00Z'::timestamptz + n * interval '1 minute' AS at,
            round((10 + 5 * sin(n / 60.0))::numeric, 2)::float8 AS value) reading`.execute(db)
      await sql`ANALYZE context.attribute_instances`.execute(db)
    })
    after(async () => {
      await server?.close()
      await database?.drop()
    })

    test('4.5.19 an hourly average over a month of minute readings uses the series index and aggregates in SQL', async (t) => {
      const plan = await explained(server.cetate.context.db, (db) =>
        selectAggregates(
          db,
          '',
          [ID],
          [ATTRIBUTE],
          readTemporalQuery(Object.fromEntries(new URLSearchParams(HOURLY_AVERAGE))),
          {
            methods: ['avg'],
            period: readDuration('PT1H'),
          },
        ),
      )
      t.diagnostic(plan)
      assert.match(plan, /Index Scan using attribute_instances_entity/)
      assert.match(plan, /Index Cond: .*entity_id.*attribute.*observed_at >=.*observed_at </)
      assert.match(plan, /HashAggregate/)

      const answer = await server.ngsi(`/temporal/entities/${encodeURIComponent(ID)}?${HOURLY_AVERAGE}`)
      assert.equal(answer.status, 200)
      const body = (await answer.json()) as { temperature: { avg: [number, string, string][] } }
      assert.equal(body.temperature.avg.length, 30 * 24)
      assert.deepEqual(body.temperature.avg[0]?.slice(1), [
        '2026-01-01T00:00:00.000Z',
        '2026-01-01T01:00:00.000Z',
      ])
    })

    test('4.11 without lastN one answer carries at most 10 000 instances of an attribute, with 206 Partial Content', async () => {
      const answer = await server.ngsi(`/temporal/entities/${encodeURIComponent(ID)}?options=temporalValues`)
      assert.equal(answer.status, 206)
      const body = (await answer.json()) as { temperature: { values: [number, string][] } }
      assert.equal(body.temperature.values.length, 10_000)
      assert.equal(body.temperature.values[0]?.[1], '2026-01-01T00:00:00.000Z')
      const latest = await server.ngsi(
        `/temporal/entities/${encodeURIComponent(ID)}?options=temporalValues&lastN=2`,
      )
      assert.equal(latest.status, 200)
      const last = (await latest.json()) as { temperature: { values: [number, string][] } }
      assert.deepEqual(
        last.temperature.values.map(([, at]) => at),
        ['2026-01-30T23:58:00.000Z', '2026-01-30T23:59:00.000Z'],
      )
    })
  })
}
