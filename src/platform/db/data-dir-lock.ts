import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { StartupError } from '../startup-error.ts'

const LOCK_FILE = 'cetate.lock'
// Locks this process holds: a lock file naming our own pid that is not here was left by an
// earlier life of a process with the same pid (as in a container, where we are often pid 1).
const held = new Set<string>()

/**
 * The embedded database may be opened by one process only: two writers corrupt it.
 * The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    await mkdir(dataDir, { recursive: true })
  } catch (error) {
    throw unwritable(dataDir, error)
  }
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx')
      await file.writeFile(String(process.pid))
      await file.close()
      held.add(path)
      return async () => {
        held.delete(path)
        await rm(path, { force: true })
      }
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw unwritable(dataDir, error)
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10)
      const ours = owner === process.pid
      if (Number.isInteger(owner) && (ours ? held.has(path) : isAlive(owner))) {
        throw new StartupError(
          `The data directory ${dataDir} is in use by another Cetate process (pid ${owner}); stop it, or choose another directory with --data-dir or DATA_DIR.`,
        )
      }
      await rm(path, { force: true })
    }
  }
  throw new StartupError(`Could not lock the data directory ${dataDir}; remove ${path} if no Cetate runs.`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return isCode(error, 'EPERM')
  }
}

function unwritable(dataDir: string, error: unknown): StartupError {
  const code = isCode(error, 'EACCES') || isCode(error, 'EROFS') ? 'not writable' : 'not usable'
  const reason = error instanceof Error ? error.message : String(error)
  return new StartupError(
    `The data directory ${dataDir} is ${code} (${reason}); choose another with --data-dir or DATA_DIR.`,
  )
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code
}
