import { createServer } from 'node:http'
import autocannon from 'autocannon'
import { defaultPackDir } from '../src/config.ts'
import { loadDataPack } from '../src/demo/data-pack.ts'
import { startCetate } from '../test/support/cetate.ts'
import { testBackends } from '../test/support/databases.ts'

/**
 * Requests per second Cetate answers on its kernel routes, against the machine's ceiling measured
 * in the same run: a bare node:http server answering a constant. Embedded database, and PostgreSQL
 * when TEST_DATABASE_URL is set.
 */
const seconds = Number(process.env.SECONDS ?? 5)
const connections = 20

async function measure(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds })
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx }
}

const ceilingServer = createServer((_request, response) => {
  response.setHeader('content-type', 'application/json')
  response.end('{"status":"ok"}')
})
await new Promise<void>((resolve) => ceilingServer.listen(0, '127.0.0.1', resolve))
const ceiling = await measure(`http://127.0.0.1:${(ceilingServer.address() as { port: number }).port}/`)
ceilingServer.close()
process.stdout.write(
  `ceiling node:http hello-world: ${ceiling.rps.toFixed(0)} req/s, p99 ${ceiling.p99} ms\n`,
)

for (const backend of testBackends()) {
  const database = await backend.create()
  const server = await startCetate(database)
  await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
  for (const path of [
    '/health',
    '/api/cities/cluj-napoca',
    '/api/cities/cluj-napoca/areas/at?lon=23.5898&lat=46.7698',
  ]) {
    const figures = await measure(`${server.url}${path}`)
    process.stdout.write(
      `${backend.name} GET ${path}: ${figures.rps.toFixed(0)} req/s (ratio to ceiling ${(figures.rps / ceiling.rps).toFixed(2)}), p99 ${figures.p99} ms, errors ${figures.errors}\n`,
    )
  }
  await server.close()
  await database.drop()
}
