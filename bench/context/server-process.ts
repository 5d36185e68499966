import { fork } from 'node:child_process'
import type { Answer, Call } from './messages.ts'

/**
 * The server process, seen from the bench process: forks server/serve.ts so that the load generator does
 * not share the server's event loop, and calls its operations by message.
 */
export class ServerProcess {
  readonly #child = fork(new URL('./server/serve.ts', import.meta.url).pathname, [], { stdio: 'inherit' })
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  #next = 0

  constructor() {
    this.#child.on('message', (answer: Answer) => {
      const pending = this.#pending.get(answer.id)
      if (!pending) return
      this.#pending.delete(answer.id)
      if (answer.error !== undefined) pending.reject(new Error(answer.error))
      else pending.resolve(answer.result)
    })
    this.#child.on('exit', (code) => {
      for (const pending of this.#pending.values())
        pending.reject(new Error(`The server process ended (code ${code}).`))
      this.#pending.clear()
    })
  }

  get pid(): number | undefined {
    return this.#child.pid
  }

  call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.#next++
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.#child.send({ id, op, args } satisfies Call)
    })
  }

  async end(): Promise<void> {
    if (this.#child.exitCode !== null) return
    const exited = new Promise((resolve) => this.#child.once('exit', resolve))
    this.#child.disconnect()
    await exited
  }
}
