import type { PendingNotification } from './notification-store.ts'

export type DeliveryOutcome =
  | { kind: 'delivered' }
  | { kind: 'failed'; reason: string }
  | { kind: 'interrupted' }

export interface EndpointQueueOptions {
  /** Deliveries to this endpoint at once. */
  concurrency: number
  /** Notifications held here at most; the rest wait in the database. */
  capacity: number
  send(notification: PendingNotification, signal: AbortSignal): Promise<void>
  settle(notification: PendingNotification, outcome: DeliveryOutcome): void
}

/**
 * The notifications waiting for one endpoint. Each endpoint has its own queue, its own few
 * connections and a deadline per attempt, so a dead or slow endpoint holds up only itself.
 */
export class EndpointQueue {
  readonly endpoint: string
  readonly #options: EndpointQueueOptions
  readonly #ready: PendingNotification[] = []
  /** Notifications waiting for their retry time. */
  readonly #waiting = new Map<string, { notification: PendingNotification; timer: NodeJS.Timeout }>()
  readonly #inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>()
  #stopped = false

  constructor(endpoint: string, options: EndpointQueueOptions) {
    this.endpoint = endpoint
    this.#options = options
  }

  get size(): number {
    return this.#ready.length + this.#waiting.size + this.#inFlight.size
  }

  get full(): boolean {
    return this.size >= this.#options.capacity
  }

  /** False when the queue is full or stopped: the notification stays for a later sweep. */
  add(notification: PendingNotification): boolean {
    if (this.#stopped || this.full || this.#holds(notification.id)) return false
    const wait = notification.dueAt - Date.now()
    if (wait <= 0) {
      this.#ready.push(notification)
      this.#pump()
    } else {
      const timer = setTimeout(() => {
        this.#waiting.delete(notification.id)
        this.#ready.push(notification)
        this.#pump()
      }, wait)
      this.#waiting.set(notification.id, { notification, timer })
    }
    return true
  }

  /** Drops waiting notifications of a deleted subscription; those being sent finish. */
  forget(tenant: string, subscriptionId: string): void {
    const belongs = (notification: PendingNotification) =>
      notification.tenant === tenant && notification.subscriptionId === subscriptionId
    for (let index = this.#ready.length - 1; index >= 0; index--)
      if (belongs(this.#ready[index] as PendingNotification)) this.#ready.splice(index, 1)
    for (const [id, { notification, timer }] of this.#waiting)
      if (belongs(notification)) {
        clearTimeout(timer)
        this.#waiting.delete(id)
      }
  }

  /** Stops taking work, cancels timers and interrupts deliveries in flight (they stay promised). */
  async stop(): Promise<void> {
    this.#stopped = true
    for (const { timer } of this.#waiting.values()) clearTimeout(timer)
    this.#waiting.clear()
    this.#ready.length = 0
    const inFlight = [...this.#inFlight.values()]
    for (const { controller } of inFlight) controller.abort(new Error('the server is stopping'))
    await Promise.allSettled(inFlight.map(({ done }) => done))
  }

  #holds(id: string): boolean {
    return this.#waiting.has(id) || this.#inFlight.has(id) || this.#ready.some((item) => item.id === id)
  }

  #pump(): void {
    while (!this.#stopped && this.#inFlight.size < this.#options.concurrency && this.#ready.length > 0) {
      const notification = this.#ready.shift() as PendingNotification
      const controller = new AbortController()
      const done = this.#deliver(notification, controller)
      this.#inFlight.set(notification.id, { controller, done })
    }
  }

  async #deliver(notification: PendingNotification, controller: AbortController): Promise<void> {
    const timeoutMs = notification.delivery.timeoutMs
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    let outcome: DeliveryOutcome
    try {
      await this.#options.send(notification, controller.signal)
      outcome = { kind: 'delivered' }
    } catch (error) {
      const reason = controller.signal.aborted ? controller.signal.reason : error
      outcome = this.#stopped
        ? { kind: 'interrupted' }
        : { kind: 'failed', reason: reason instanceof Error ? reason.message : String(reason) }
    } finally {
      clearTimeout(timer)
    }
    this.#inFlight.delete(notification.id)
    this.#options.settle(notification, outcome)
    this.#pump()
  }
}
