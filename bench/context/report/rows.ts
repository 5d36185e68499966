import { count, ms } from '../print.ts'
import { CONNECTIONS } from '../workload.ts'
import type { Measured } from './measured.ts'
import type { Row } from './table.ts'

/**
 * The table's rows: each figure against its target (scaled by the backend's factor) and beside its
 * ceiling from the same run.
 */
export function tableRows(measured: Measured): Row[] {
  const { factor, requests, create, replace, raw, get, query, patch, temporal } = measured
  const ceilingRps = requests.hello.rps
  const throughput = (
    measure: string,
    figure: number,
    unit: string,
    target: number,
    ceiling: number,
    ceilingName: string,
    failures: number,
  ): Row => ({
    measure,
    figure: `${count(figure)} ${unit}`,
    target: `≥ ${count(target * factor)}`,
    ceiling: `${count(ceiling)} (${ceilingName})`,
    ratio: (figure / ceiling).toFixed(2),
    met: failures > 0 ? 'no (failures)' : figure >= target * factor ? 'yes' : 'no',
    failures,
  })
  const latency = (
    measure: string,
    figure: number,
    target: number,
    floor: number,
    floorName: string,
    failures: number,
  ): Row => ({
    measure,
    figure: ms(figure),
    target: `≤ ${target / factor} ms`,
    ceiling: `${ms(floor)} (${floorName})`,
    ratio: (floor / figure).toFixed(2),
    met: failures > 0 ? 'no (failures)' : figure <= target / factor ? 'yes' : 'no',
    failures,
  })
  const rows: Row[] = [
    throughput(
      'PATCH attribute',
      patch.load.rps,
      'req/s',
      5000,
      ceilingRps,
      'hello-world',
      patch.load.failures,
    ),
    throughput(
      `batch upsert, create (${count(measured.entities)})`,
      create.rate,
      'entities/s',
      50_000,
      raw.rate,
      raw.method,
      create.load.failures,
    ),
    throughput(
      'batch upsert, replace existing',
      replace.rate,
      'entities/s',
      50_000,
      raw.rate,
      raw.method,
      replace.load.failures,
    ),
    throughput('GET by id', get.load.rps, 'req/s', 10_000, ceilingRps, 'hello-world', get.load.failures),
    throughput(
      'query type+q+near',
      query.load.rps,
      'req/s',
      5000,
      ceilingRps,
      'hello-world',
      query.load.failures,
    ),
    latency(
      `query p95 (${CONNECTIONS} connections)`,
      query.load.p95,
      20,
      requests.hello.p95,
      `hello-world p95, ${CONNECTIONS} conn.`,
      query.load.failures,
    ),
  ]
  if (temporal.load)
    rows.push(
      latency(
        'temporal hourly avg p95',
        temporal.load.p95,
        50,
        requests.helloOne.p95,
        'hello-world p95, 1 conn.',
        temporal.load.failures + temporal.probeFailures,
      ),
    )
  else
    rows.push({
      measure: 'temporal hourly avg p95',
      figure: 'not available yet',
      target: `≤ ${50 / factor} ms`,
      ceiling: '',
      ratio: '',
      met: '–',
      failures: 0,
    })
  rows.push(measured.notifications)
  return rows
}
