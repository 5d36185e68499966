import { cannon, type Load } from '../load/cannon.ts'
import type { ExplainResult } from '../messages.ts'
import { count, say } from '../print.ts'
import { TEMPORAL_FROM, TEMPORAL_ID, TEMPORAL_TO } from '../workload.ts'
import { type BenchRun, bearer } from './bench-run.ts'

export interface TemporalMeasure {
  /** The history rows loaded with SQL. */
  rows: number
  /** Undefined where the temporal API is not available yet. */
  load: Load | undefined
  /** 1 when the first request, before the measure, failed. */
  probeFailures: number
  /** The aggregation SQL alone. */
  sql: ExplainResult
}

/** Hourly average over a month of minute data (temporal API), on one connection. */
export async function measureTemporal(run: BenchRun): Promise<TemporalMeasure> {
  const { server, info } = run
  const auth = bearer(run)
  const loaded = await server.call<{ rows: number; ms: number }>('loadTemporal')
  say(
    `temporal: ${count(loaded.rows)} history rows for ${TEMPORAL_ID} loaded with SQL in ${loaded.ms.toFixed(0)} ms`,
  )
  const temporalPath = `/ngsi-ld/v1/temporal/entities/${encodeURIComponent(TEMPORAL_ID)}?${new URLSearchParams(
    {
      attrs: 'NO2',
      timerel: 'between',
      timeAt: TEMPORAL_FROM,
      endTimeAt: TEMPORAL_TO,
      aggrMethods: 'avg',
      aggrPeriodDuration: 'PT1H',
      options: 'aggregatedValues',
    },
  )}`
  const probe = await fetch(`${info.url}${temporalPath}`, { headers: auth })
  const probeBody = await probe.text()
  let load: Load | undefined
  let probeFailures = 0
  if (probe.status === 404 && probeBody.includes('There is no NGSI-LD resource at')) {
    say('temporal: not available yet')
  } else {
    if (!probe.ok) {
      probeFailures++
      say(`temporal: the first request failed: ${probe.status} ${probeBody.slice(0, 800)}`)
    } else {
      say(`temporal: one answer: ${probe.status}, ${probeBody.length} bytes`)
    }
    load = await cannon(server, 'GET /temporal/entities/{id} hourly avg of a month, one connection', {
      url: info.url,
      connections: 1,
      seconds: run.seconds,
      headers: auth,
      next: () => ({ path: temporalPath }),
    })
  }
  const sql = await server.call<ExplainResult>('explainTemporal')
  return { rows: loaded.rows, load, probeFailures, sql }
}
