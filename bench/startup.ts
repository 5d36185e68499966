import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'

/**
 * Start and restart of Cetate on the embedded database, to "ready" with the demo loaded, and the
 * resident memory then. The ceiling is PGlite itself opening a data directory with PostGIS in the
 * same run: Cetate cannot start faster than its database.
 */
const main = new URL('../src/main.ts', import.meta.url).pathname

async function rawPglite(dataDir: string): Promise<number> {
  const started = performance.now()
  const pglite = await PGlite.create({ dataDir, extensions: { postgis } })
  await pglite.exec('CREATE EXTENSION IF NOT EXISTS postgis')
  const ms = performance.now() - started
  await pglite.close()
  return ms
}

function startCetate(dataDir: string): Promise<{ ms: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [main, 'start', '--port', '0', '--demo', '--data-dir', dataDir], {
      env: { ...process.env, LOG_LEVEL: 'warn', WEB_ROOT: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', async (chunk) => {
      output += chunk
      if (!/Cetate is ready at/.test(output)) return
      const ms = performance.now() - started
      const status = await import('node:fs/promises').then((fs) =>
        fs.readFile(`/proc/${child.pid}/status`, 'utf8'),
      )
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      child.once('exit', () => resolve({ ms, rssMb: rssKb / 1024 }))
      child.kill('SIGTERM')
    })
    child.once('error', reject)
  })
}

const runs = Number(process.env.RUNS ?? 3)
const rows: string[] = []
for (let run = 1; run <= runs; run++) {
  const rawDir = await mkdtemp(join(tmpdir(), 'bench-raw-'))
  const rawFirst = await rawPglite(rawDir)
  const rawAgain = await rawPglite(rawDir)
  const dir = await mkdtemp(join(tmpdir(), 'bench-cetate-'))
  const first = await startCetate(dir)
  const again = await startCetate(dir)
  rows.push(
    [
      run,
      `first start ${(first.ms / 1000).toFixed(1)} s (PGlite alone ${(rawFirst / 1000).toFixed(1)} s, ratio ${(first.ms / rawFirst).toFixed(2)})`,
      `restart ${(again.ms / 1000).toFixed(1)} s (PGlite alone ${(rawAgain / 1000).toFixed(1)} s, ratio ${(again.ms / rawAgain).toFixed(2)})`,
      `RSS after first start ${first.rssMb.toFixed(0)} MB, after restart ${again.rssMb.toFixed(0)} MB`,
    ].join(' | '),
  )
  process.stdout.write(`${rows.at(-1)}\n`)
  await rm(rawDir, { recursive: true, force: true })
  await rm(dir, { recursive: true, force: true })
}
