import { benchSearch } from './catalog/search.ts'
import { benchUpload, printUploadResult } from './catalog/upload.ts'

/**
 * The open data catalogue: uploading a generated CSV through the real upload path against a raw
 * COPY of the same file (PostgreSQL, from BENCH_DATABASE_URL or TEST_DATABASE_URL).
 *
 *   BENCH_ROWS=1000000 node bench/catalog.ts     or     npm run bench -- catalog
 */
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000)
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
if (!databaseUrl) {
  process.stdout.write('catalog bench: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server.\n')
  process.exit(1)
}
printUploadResult(await benchUpload({ rows, backend: 'postgres', databaseUrl }))

await benchSearch({
  rows,
  datasets: Number(process.env.BENCH_DATASETS ?? 10_000),
  seconds: Number(process.env.BENCH_DURATION ?? 10),
  databaseUrl,
})
