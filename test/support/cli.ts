import { type ChildProcess, spawn } from 'node:child_process'

const main = new URL('../../src/main.ts', import.meta.url).pathname

export interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `cetate …` to the end, as a person would from a shell. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export interface Started {
  child: ChildProcess
  url: string
  output(): string
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<{ code: number | null; ms: number }>
}

/** Starts `cetate start …` and waits for its "ready at" line. */
export function startCli(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, 'start', ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', WEB_ROOT: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`cetate did not become ready within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = /Cetate is ready at (http:\/\/\S+)/.exec(output)
      if (!match) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stdout?.on('data', (more) => (output += more))
      resolve({
        child,
        url: match[1]!,
        output: () => output,
        async stop() {
          const started = performance.now()
          child.kill('SIGTERM')
          const code = await exited
          return { code, ms: performance.now() - started }
        },
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk) => (output += chunk))
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`cetate exited with ${code} before it was ready:\n${output}`))
    })
  })
}
