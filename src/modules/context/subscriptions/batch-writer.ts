/**
 * Group commit: one write runs at a time and takes everything added while the previous one ran.
 * At rest an item is written at once; under load each write carries a large batch, so a thousand
 * notifications a second cost a few statements, not a thousand.
 */
export class BatchWriter<T> {
  readonly #write: (items: T[]) => Promise<void>
  #pending: T[] = []
  #waiters: { resolve: () => void; reject: (error: unknown) => void }[] = []
  #running: Promise<void> | undefined

  constructor(write: (items: T[]) => Promise<void>) {
    this.#write = write
  }

  get idle(): boolean {
    return this.#running === undefined && this.#pending.length === 0
  }

  /** Resolves once the items are written; rejects if their batch failed. */
  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve()
    this.#pending.push(...items)
    const written = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }))
    this.#running ??= this.#run()
    return written
  }

  /** Resolves when everything added so far has been written (or has failed). */
  async drain(): Promise<void> {
    while (this.#running) await this.#running
  }

  async #run(): Promise<void> {
    while (this.#pending.length > 0) {
      const items = this.#pending
      const waiters = this.#waiters
      this.#pending = []
      this.#waiters = []
      try {
        await this.#write(items)
        for (const waiter of waiters) waiter.resolve()
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error)
      }
    }
    this.#running = undefined
  }
}
