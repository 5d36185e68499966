import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

/** `npm run bench [name…]`: runs each benchmark in bench/ (or the named ones) in turn. */
const directory = new URL('.', import.meta.url).pathname
const wanted = process.argv.slice(2)
const benches = readdirSync(directory)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.ts$/, '')))
for (const file of benches) {
  process.stdout.write(`\n== ${file.replace(/\.ts$/, '')}\n`)
  const result = spawnSync(process.execPath, [`${directory}${file}`], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
