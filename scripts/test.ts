import { spawnSync } from 'node:child_process'
import { glob } from 'node:fs/promises'
import { run } from 'node:test'
import { spec } from 'node:test/reporters'

/**
 * The whole suite: module and platform tests beside the code, then the browser tests (which need
 * the built web app). Each file runs in its own process, on every configured database backend.
 * Ends with one line "N passed, N failed".
 */
const root = new URL('..', import.meta.url).pathname
const only = process.argv.slice(2)

const build = spawnSync(process.execPath, ['scripts/build-web-if-stale.ts'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const files: string[] = []
for (const pattern of only.length ? only : ['src/**/*.test.ts', 'test/**/*.test.ts']) {
  for await (const file of glob(pattern, { cwd: root })) files.push(file)
}
files.sort((a, b) => Number(a.startsWith('test/')) - Number(b.startsWith('test/')) || a.localeCompare(b))

let passed = 0
let failed = 0
let skipped = 0
const stream = run({ files, cwd: root, concurrency: 2, timeout: 10 * 60_000 })
stream.on('test:pass', (event) => {
  if (event.details.type === 'suite') return
  if (event.skip || event.todo) skipped++
  else passed++
})
stream.on('test:fail', (event) => {
  if (event.details.type !== 'suite') failed++
})
stream.compose(spec).pipe(process.stdout)
await new Promise((resolve) => stream.once('end', resolve))

const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
process.stdout.write(`\n${line}\n`)
process.exitCode = failed > 0 || passed === 0 ? 1 : 0
