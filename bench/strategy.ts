import { sql } from 'kysely'
import { defaultPackDir } from '../src/config.ts'
import { loadDataPack } from '../src/demo/data-pack.ts'
import { measureAutomaticKpis } from '../src/modules/strategy/service.ts'
import { startCetate } from '../test/support/cetate.ts'
import { testBackends } from '../test/support/databases.ts'
import { measure } from './support/http-load.ts'

/**
 * The city dashboard as phones load it: GET /api/strategy/dashboard over the demo's 32 KPIs with
 * `BENCH_DAYS` (365) days of daily values each, beside a hello-world route on the same server in the
 * same run; then the measuring job. On each backend (PostgreSQL from BENCH_DATABASE_URL or
 * TEST_DATABASE_URL when set).
 *
 *   npm run bench -- strategy
 */
const days = Number(process.env.BENCH_DAYS ?? 365)
const seconds = Number(process.env.BENCH_DURATION ?? 5)
const say = (line = '') => process.stdout.write(`${line}\n`)
const ms = (n: number) => `${n.toFixed(1)} ms`
const count = (n: number) => Math.round(n).toLocaleString('en-GB')

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL
for (const backend of testBackends()) {
  const database = await backend.create()
  const server = await startCetate(database, {
    beforeListen: async (cetate) => {
      await cetate.http.register(async (scope) => {
        scope.get('/bench/hello', { config: { access: 'public' } }, async () => ({ hello: 'world' }))
      })
    },
  })
  try {
    await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
    const db = server.cetate.context.db
    // A daily value for every KPI over the last `days` days: a year of history on the dashboard.
    await sql`INSERT INTO strategy.measurements (kpi_id, period_start, value, source, evidence)
      SELECT k.id, current_date - d, 10 + d % 17, CASE WHEN k.metric_name IS NULL THEN 'manual' ELSE 'metric' END,
        CASE WHEN k.metric_name IS NULL THEN 'bench' END
      FROM strategy.kpis k, generate_series(1, ${days}) AS d`.execute(db)
    const dashboard = await fetch(`${server.url}/api/strategy/dashboard`)
    const body = await dashboard.text()
    say(
      `${backend.name}: 32 KPIs × ${days} days; one dashboard answer is ${count(body.length / 1024)} KiB of JSON`,
    )
    const hello = await measure(server.url, seconds, () => '/bench/hello')
    say(
      `  hello-world route, same server: ${count(hello.rps)} req/s, p50 ${ms(hello.p50)}, p95 ${ms(hello.p95)}`,
    )
    for (const connections of [1, 10]) {
      const figures = await measure(server.url, seconds, () => '/api/strategy/dashboard', connections)
      say(
        `  dashboard, ${connections} connection${connections > 1 ? 's' : ''}: ${count(figures.rps)} req/s, p50 ${ms(figures.p50)}, p95 ${ms(figures.p95)}, failures ${figures.failures}, ratio to hello-world ${(figures.rps / hello.rps).toFixed(3)}`,
      )
      if (figures.firstError) say(`    first failure: ${figures.firstError}`)
    }
    const filtered = await measure(
      server.url,
      seconds,
      () => '/api/strategy/dashboard?objective=objective-4&from=2026-06-01',
      1,
    )
    say(
      `  dashboard for one objective and a period, 1 connection: p50 ${ms(filtered.p50)}, p95 ${ms(filtered.p95)}`,
    )
    const started = performance.now()
    const outcome = await measureAutomaticKpis(server.cetate.context)
    say(
      `  measuring job: ${outcome.recorded + outcome.unchanged} automatic KPIs read in ${ms(performance.now() - started)}`,
    )
  } finally {
    await server.close()
    await database.drop()
  }
}
