import { CompiledQuery } from 'kysely'
import type { ExplainResult } from '../messages.ts'
import { TEMPORAL_FROM, TEMPORAL_ID, TEMPORAL_TO } from '../workload.ts'
import { type Broker, brokerDb } from './broker.ts'
import { explain } from './explain.ts'
import { kyselyRunner } from './sql-runner.ts'

/** A month of minute NO2 readings of the temporal entity, written with SQL: how many rows and how long. */
export async function loadTemporalHistory(broker: Broker): Promise<{ rows: number; ms: number }> {
  const run = kyselyRunner(brokerDb(broker))
  const started = performance.now()
  await run(
    `INSERT INTO context.temporal_entities (tenant, id, types, created_at)
     VALUES ('', $1, ARRAY[$2::text], $3::timestamptz) ON CONFLICT DO NOTHING`,
    [TEMPORAL_ID, broker.terms.expand('AirQualityObserved'), TEMPORAL_FROM],
  )
  await run(
    `INSERT INTO context.attribute_instances
       (tenant, entity_id, attribute, dataset_id, observed_at, number, instance)
     SELECT '', $1, $2, '', t, v, jsonb_build_object('type', 'Property', 'value', v,
       'observedAt', to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
     FROM (SELECT t, round((20 + 30 * random())::numeric, 1)::float8 AS v
       FROM generate_series($3::timestamptz, $4::timestamptz - interval '1 minute', interval '1 minute') AS t) s`,
    [TEMPORAL_ID, broker.terms.expand('NO2'), TEMPORAL_FROM, TEMPORAL_TO],
  )
  const counted = await run(
    `SELECT count(*)::int AS n FROM context.attribute_instances WHERE tenant = '' AND entity_id = $1`,
    [TEMPORAL_ID],
  )
  return { rows: Number(counted[0]?.n), ms: performance.now() - started }
}

/** The hourly average over the month, the SQL alone. */
export function explainHourlyAverage(broker: Broker): Promise<ExplainResult> {
  const query = CompiledQuery.raw(
    `SELECT date_bin('1 hour', observed_at, $3::timestamptz) AS bucket, avg(number) AS avg, count(*) AS n
     FROM context.attribute_instances
     WHERE tenant = '' AND entity_id = $1 AND attribute = $2
       AND observed_at >= $3::timestamptz AND observed_at < $4::timestamptz
     GROUP BY 1 ORDER BY 1`,
    [TEMPORAL_ID, broker.terms.expand('NO2'), TEMPORAL_FROM, TEMPORAL_TO],
  )
  return explain(kyselyRunner(brokerDb(broker)), query, 10)
}
