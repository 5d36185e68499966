import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { defaultPackDir } from '../../src/config.ts'
import { loadDataPack } from '../../src/demo/data-pack.ts'
import type { Load } from '../../src/modules/catalog/datastore/load-schemas.ts'
import { createApiKey } from '../../src/modules/identity/index.ts'
import { installedModules } from '../../src/modules/index.ts'
import { startCetate } from '../../test/support/cetate.ts'
import { testBackends } from '../../test/support/databases.ts'
import { BENCH_COLUMNS, writeBenchCsv } from './upload-file.ts'

export interface UploadBenchResult {
  backend: string
  rows: number
  bytes: number
  uploadSeconds: number
  loadSeconds: number
  rawCopySeconds: number
}

const say = (line = '') => process.stdout.write(`${line}\n`)
const count = (n: number) => Math.round(n).toLocaleString('en-GB')

/**
 * A generated CSV of `rows` rows and 10 typed columns through the real upload path (HTTP upload,
 * preview, then the load to completion), against a raw COPY of the same file into a table of the
 * same types in the same database, in the same run.
 */
export async function benchUpload(options: {
  rows: number
  backend: 'pglite' | 'postgres'
  databaseUrl?: string | undefined
}): Promise<UploadBenchResult> {
  if (options.databaseUrl) process.env.TEST_DATABASE_URL = options.databaseUrl
  const backend = testBackends().find((each) => each.name === options.backend)
  if (!backend) throw new Error(`No ${options.backend} backend: set BENCH_DATABASE_URL or TEST_DATABASE_URL.`)
  const folder = await mkdtemp(join(tmpdir(), 'cetate-bench-upload-'))
  const file = join(folder, 'sesizari.csv')
  const bytes = await writeBenchCsv(file, options.rows)
  say(`${options.backend}: generated ${count(options.rows)} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB`)
  const database = await backend.create()
  const server = await startCetate(database, {
    modules: installedModules.map((module) =>
      module.name === 'catalog' ? { ...module, demo: undefined } : module,
    ),
    env: { FILES_DIR: join(folder, 'files'), UPLOAD_LIMIT_BYTES: String(4 * 1024 ** 3) },
  })
  try {
    await loadDataPack(server.cetate, defaultPackDir, { onlyIntoEmpty: true })
    const { key } = await createApiKey(
      server.cetate.context,
      'system',
      { name: 'bench', scopes: ['catalog.*'], organisation: 'primaria-cluj-napoca' },
      { ip: '127.0.0.1', userAgent: 'bench', requestId: 'bench' },
    )
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) },
      })
    const json = { 'content-type': 'application/json' }
    const created = await call('/api/catalog/datasets', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        organisation: 'primaria-cluj-napoca',
        name: 'bench-sesizari',
        title: { ro: 'Sesizări (bench)' },
        description: { ro: 'Date generate pentru bench.' },
        licence: 'cc-by-4.0',
      }),
    })
    if (created.status !== 201)
      throw new Error(`Creating the dataset: ${created.status} ${await created.text()}`)

    const started = performance.now()
    const preview = await curlUpload(
      `${server.url}/api/catalog/datasets/bench-sesizari/uploads?filename=sesizari.csv`,
      key,
      file,
    )
    const uploadSeconds = (performance.now() - started) / 1000
    const wrongTypes = preview.columns.filter((column, i) => sqlType(column.type) !== BENCH_COLUMNS[i]![1])
    if (wrongTypes.length > 0) throw new Error(`Inferred types differ: ${JSON.stringify(wrongTypes)}`)
    const start = await call(`/api/catalog/loads/${preview.id}/start`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ columns: preview.columns.map(({ name, type }) => ({ name, type })) }),
    })
    if (start.status !== 202) throw new Error(`Start: ${start.status} ${await start.text()}`)
    let load = preview
    while (load.status !== 'loaded' && load.status !== 'failed') {
      await sleep(100)
      load = (await (await call(`/api/catalog/loads/${preview.id}`)).json()) as Load
    }
    const loadSeconds = (performance.now() - started) / 1000 - uploadSeconds
    if (load.status !== 'loaded')
      throw new Error(`The load failed: ${JSON.stringify(load.errors.slice(0, 5))}`)
    if (load.progress.rows !== options.rows)
      throw new Error(`Loaded ${load.progress.rows} rows, not ${options.rows}`)

    const rawCopySeconds = await rawCopy(database.databaseUrl, file)
    return { backend: options.backend, rows: options.rows, bytes, uploadSeconds, loadSeconds, rawCopySeconds }
  } finally {
    await server.close()
    await database.drop()
    await rm(folder, { recursive: true, force: true })
  }
}

/** The upload from another process (curl), as a publisher's client would send it. */
async function curlUpload(url: string, key: string, file: string): Promise<Load> {
  const curl = spawn('curl', [
    '--silent',
    '--show-error',
    '--fail-with-body',
    '-H',
    `authorization: Bearer ${key}`,
    '-H',
    'content-type: text/csv',
    '--data-binary',
    `@${file}`,
    url,
  ])
  let output = ''
  curl.stdout.setEncoding('utf8').on('data', (text: string) => {
    output += text
  })
  curl.stderr.setEncoding('utf8').on('data', (text: string) => {
    output += text
  })
  const [code] = (await once(curl, 'close')) as [number]
  if (code !== 0) throw new Error(`Upload with curl failed (${code}): ${output}`)
  return JSON.parse(output) as Load
}

function sqlType(type: string): string {
  return (
    {
      integer: 'bigint',
      number: 'double precision',
      boolean: 'boolean',
      date: 'date',
      timestamp: 'timestamptz',
    }[type] ?? type
  )
}

/** The ceiling: the same file with COPY … (FORMAT csv) into a table of the same types, no conversion of ours. */
async function rawCopy(databaseUrl: string | undefined, file: string): Promise<number> {
  const columns = BENCH_COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(', ')
  const create = `CREATE TABLE public.raw_copy (${columns})`
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      await client.query(create)
      const started = performance.now()
      await pipeline(
        createReadStream(file),
        client.query(copyFrom('COPY public.raw_copy FROM STDIN WITH (FORMAT csv, HEADER true)')),
      )
      return (performance.now() - started) / 1000
    } finally {
      await client.end()
    }
  }
  throw new Error('The raw COPY ceiling is measured on PostgreSQL only.')
}

export function printUploadResult(result: UploadBenchResult): void {
  const total = result.uploadSeconds + result.loadSeconds
  const rate = result.rows / total
  const rawRate = result.rows / result.rawCopySeconds
  say(
    `backend ${result.backend}: ${count(result.rows)} rows, ${(result.bytes / 1024 / 1024).toFixed(1)} MB CSV, 10 typed columns`,
  )
  say(
    `  upload path: ${total.toFixed(2)} s (HTTP upload + preview ${result.uploadSeconds.toFixed(2)} s, load ${result.loadSeconds.toFixed(2)} s) = ${count(rate)} rows/s`,
  )
  say(
    `  raw COPY (FORMAT csv) of the same file: ${result.rawCopySeconds.toFixed(2)} s = ${count(rawRate)} rows/s`,
  )
  say(
    `  ratio upload path / raw COPY: ${(rate / rawRate).toFixed(2)} (target ≥ 0.5 on PostgreSQL; CKAN xloader ~5,000 rows/s)`,
  )
}
