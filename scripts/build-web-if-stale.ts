import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** `npm start` builds the web app only when its sources are newer than the last build. */
const root = new URL('..', import.meta.url).pathname
const built = join(root, 'web/dist/index.html')

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))))
}

const builtAt = (() => {
  try {
    return statSync(built).mtimeMs
  } catch {
    return 0
  }
})()
const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public'].map((path) =>
  join(root, path),
)
const changedAt = Math.max(
  ...sources.map((path) => (statSync(path, { throwIfNoEntry: false }) ? newest(path) : 0)),
)

if (changedAt > builtAt) {
  process.stdout.write('Building the web app…\n')
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
