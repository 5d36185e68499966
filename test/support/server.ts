import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type TestServer = {
  url: string
  stop: () => Promise<void>
  /** What the server printed until it was ready: the demo's generated passwords and client secrets. */
  startup: string
}

export type ServerOptions = {
  /** A port chosen in advance, when the test must know the address before the start (PUBLIC_URL). */
  port?: number
  env?: Record<string, string>
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const readyLine = /Cetate is ready at (http:\/\/\S+)/
// A fresh data directory initialises the embedded PostgreSQL first (~15 s here).
const startTimeoutMs = 90_000
const stopTimeoutMs = 10_000

/**
 * Starts `cetate start --demo` on a free port in a fresh data directory; it serves the built web
 * app (web/dist). With CETATE_URL set, uses the server already running there instead.
 */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const given = process.env.CETATE_URL
  if (given) return { url: given.replace(/\/$/, ''), stop: async () => {}, startup: '' }

  const dataDir = await mkdtemp(join(tmpdir(), 'cetate-e2e-'))
  const port = String(options.port ?? 0)
  const args = [
    'src/main.ts',
    'start',
    '--port',
    port,
    '--host',
    '127.0.0.1',
    '--data-dir',
    dataDir,
    '--demo',
  ]
  const env = { ...process.env, ...options.env }
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let startup = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stderr.on('data', keep)

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs)
      await exited
      clearTimeout(timer)
    }
    await rm(dataDir, { recursive: true, force: true })
  }

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the server was not ready after ${startTimeoutMs / 1000} s:\n${output}`)),
        startTimeoutMs,
      )
      child.stdout.on('data', (chunk: Buffer) => {
        keep(chunk)
        if (!readyLine.test(startup)) startup += chunk.toString()
        const ready = readyLine.exec(output)
        if (ready?.[1]) {
          clearTimeout(timer)
          resolve(ready[1])
        }
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`the server exited (${signal ?? code}) before it was ready:\n${output}`))
      })
    })
    return { url, stop, startup }
  } catch (error) {
    await stop()
    throw error
  }
}
