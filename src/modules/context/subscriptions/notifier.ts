import { hostname } from 'node:os'
import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../../../platform/db/database.ts'
import { BatchWriter } from './batch-writer.ts'
import { isMqtt } from './endpoint-input.ts'
import { type DeliveryOutcome, EndpointQueue } from './endpoint-queue.ts'
import { HttpEndpoints } from './http-endpoint.ts'
import { MqttEndpoints } from './mqtt-endpoint.ts'
import type { PromisedNotification } from './notification-message.ts'
import {
  claimNotifications,
  type DeliveryTally,
  insertNotifications,
  type PendingNotification,
  recordDeliveries,
  releaseNotifications,
  removeNotifications,
  renewClaims,
  rescheduleNotifications,
} from './notification-store.ts'

export interface DeliveryPolicy {
  /** Deliveries to one endpoint at once. */
  concurrency: number
  /** Notifications one endpoint's queue holds in memory; the rest wait in the database. */
  capacity: number
  /** Attempts before a notification is given up. */
  maxAttempts: number
  /** A notification older than this is given up, however few its attempts. */
  maxAgeMs: number
  /** The wait after the first failure; it doubles after each, with ±25 % jitter. */
  firstRetryMs: number
  /** How often the database is looked at for notifications nobody delivers. */
  sweepMs: number
}

export const DEFAULT_POLICY: DeliveryPolicy = {
  concurrency: 4,
  capacity: 1_000,
  maxAttempts: 5,
  maxAgeMs: 60 * 60_000,
  firstRetryMs: 1_000,
  sweepMs: 5_000,
}

/** How long a claim on a notification holds without renewal; renewed every RENEW_MS while alive. */
const LEASE_MS = 120_000
const RENEW_MS = 30_000
/** A sweep takes notifications due this soon too, and holds them until their time. */
const HORIZON_MS = 10_000
const SWEEP_BATCH = 500

/** Exponential backoff with jitter: first, 2×first, 4×first … each ±25 %. */
export function retryDelayMs(attempts: number, firstMs: number): number {
  return Math.round(firstMs * 2 ** Math.max(0, attempts - 1) * (0.75 + Math.random() * 0.5))
}

/**
 * Delivers notifications (NGSI-LD 5.11) at least once. Each is written to the database before it is
 * sent ("promised") and deleted once delivered, so it survives a restart. Notifications wait in one
 * queue per endpoint. A server claims what it delivers with a lease; what nobody claims (written by a
 * process that does not deliver, or by a server that stopped or crashed) is swept up by a running one.
 */
export class Notifier {
  readonly owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`
  readonly #db: Database
  readonly #log: FastifyBaseLogger
  readonly #policy: DeliveryPolicy
  readonly #queues = new Map<string, EndpointQueue>()
  readonly #http: HttpEndpoints
  readonly #mqtt = new MqttEndpoints()
  readonly #promises: BatchWriter<PromisedNotification>
  readonly #removals: BatchWriter<string>
  readonly #retries: BatchWriter<{ id: string; attempts: number; dueAt: number }>
  readonly #tallies: BatchWriter<DeliveryTally>
  #running = false
  #sweepTimer: NodeJS.Timeout | undefined
  #sweeping: Promise<void> | undefined
  #renewedAt = 0

  constructor(options: { db: Database; log: FastifyBaseLogger; policy?: Partial<DeliveryPolicy> }) {
    this.#db = options.db
    this.#log = options.log
    this.#policy = { ...DEFAULT_POLICY, ...options.policy }
    this.#http = new HttpEndpoints(this.#policy.concurrency)
    this.#promises = new BatchWriter((items) => this.#writePromises(items))
    this.#removals = new BatchWriter((ids) => removeNotifications(this.#db, ids))
    this.#retries = new BatchWriter((retries) => rescheduleNotifications(this.#db, retries))
    this.#tallies = new BatchWriter((tallies) => recordDeliveries(this.#db, mergeTallies(tallies)))
  }

  get running(): boolean {
    return this.#running
  }

  /** Writes notifications down (batched with others being promised) and, when running, queues them. */
  promise(notifications: readonly PromisedNotification[]): Promise<void> {
    return this.#promises.add(notifications)
  }

  /** Starts delivering: what is waiting in the database first, then what is promised. */
  async start(): Promise<void> {
    if (this.#running) return
    this.#running = true
    await this.#sweep()
  }

  /**
   * Stops delivering: no new attempts, those in flight interrupted, every write finished, and this
   * server's claims handed back, so the next server to start delivers what is left.
   */
  async stop(): Promise<void> {
    const wasRunning = this.#running
    this.#running = false
    clearTimeout(this.#sweepTimer)
    await this.#sweeping
    await Promise.allSettled([...this.#queues.values()].map((queue) => queue.stop()))
    this.#queues.clear()
    for (const writer of [this.#promises, this.#removals, this.#retries, this.#tallies]) await writer.drain()
    if (wasRunning)
      await releaseNotifications(this.#db, this.owner).catch((error: unknown) =>
        this.#log.warn({ err: error }, 'could not hand back claimed notifications; they lapse in 2 minutes'),
      )
    this.#http.close()
    await this.#mqtt.close()
  }

  /** A deleted subscription: its waiting notifications are dropped (their rows went with it). */
  forget(tenant: string, subscriptionId: string): void {
    for (const queue of this.#queues.values()) queue.forget(tenant, subscriptionId)
  }

  async #writePromises(items: PromisedNotification[]): Promise<void> {
    const claim = this.#running ? { by: this.owner, leaseMs: LEASE_MS } : null
    await insertNotifications(this.#db, items, claim)
    if (!claim) return
    const now = Date.now()
    const overflow = items
      .filter(
        (item) => !(this.#running && this.#enqueue({ ...item, attempts: 0, dueAt: now, createdAt: now })),
      )
      .map((item) => item.id)
    if (overflow.length > 0) await releaseNotifications(this.#db, this.owner, overflow)
  }

  #enqueue(notification: PendingNotification): boolean {
    let queue = this.#queues.get(notification.endpoint)
    if (!queue) {
      queue = new EndpointQueue(notification.endpoint, {
        concurrency: this.#policy.concurrency,
        capacity: this.#policy.capacity,
        send: (item, signal) =>
          isMqtt(item.endpoint)
            ? this.#mqtt.publish(item.endpoint, item.delivery, item.payload, signal)
            : this.#http.post(item.endpoint, item.delivery, item.payload, signal),
        settle: (item, outcome) => this.#settle(item, outcome),
      })
      this.#queues.set(notification.endpoint, queue)
    }
    return queue.add(notification)
  }

  #settle(notification: PendingNotification, outcome: DeliveryOutcome): void {
    if (outcome.kind === 'interrupted') return
    const at = new Date()
    const delivered = outcome.kind === 'delivered'
    this.#tally(notification, delivered, at)
    if (delivered) {
      this.#write(this.#removals.add([notification.id]), 'forget a delivered notification')
      return
    }
    const attempts = notification.attempts + 1
    if (
      attempts >= this.#policy.maxAttempts ||
      at.getTime() - notification.createdAt > this.#policy.maxAgeMs
    ) {
      this.#log.warn(
        {
          subscription: notification.subscriptionId,
          endpoint: notification.endpoint,
          reason: outcome.reason,
          attempts,
        },
        'notification given up',
      )
      this.#write(this.#removals.add([notification.id]), 'forget a notification given up')
      return
    }
    const dueAt = at.getTime() + retryDelayMs(attempts, this.#policy.firstRetryMs)
    const retry = { ...notification, attempts, dueAt }
    this.#write(this.#retries.add([{ id: retry.id, attempts, dueAt }]), 'reschedule a notification')
    // A full queue leaves it to a later sweep, from the database (stopping hands back every claim).
    if (this.#running && !this.#enqueue(retry))
      this.#write(releaseNotifications(this.#db, this.owner, [retry.id]), 'hand back a notification')
  }

  #tally(notification: PendingNotification, delivered: boolean, at: Date): void {
    const time = at.toISOString()
    this.#write(
      this.#tallies.add([
        {
          tenant: notification.tenant,
          subscriptionId: notification.subscriptionId,
          sent: 1,
          failed: delivered ? 0 : 1,
          lastNotification: time,
          lastSuccess: delivered ? time : null,
          lastFailure: delivered ? null : time,
        },
      ]),
      'record a delivery',
    )
  }

  #write(work: Promise<void>, what: string): void {
    work.catch((error: unknown) => this.#log.error({ err: error }, `notifier could not ${what}`))
  }

  async #sweep(): Promise<void> {
    if (!this.#running) return
    let more = false
    const sweeping = this.#sweepOnce().then(
      (full) => {
        more = full
      },
      (error: unknown) => this.#log.error({ err: error }, 'notifier sweep failed'),
    )
    this.#sweeping = sweeping
    await sweeping
    this.#sweeping = undefined
    if (this.#running)
      this.#sweepTimer = setTimeout(() => void this.#sweep(), more ? 0 : this.#policy.sweepMs)
  }

  /** True when it took a full batch, so there may be more right away. */
  async #sweepOnce(): Promise<boolean> {
    const now = Date.now()
    if (now - this.#renewedAt > RENEW_MS) {
      await renewClaims(this.#db, this.owner, LEASE_MS)
      this.#renewedAt = now
    }
    const full = [...this.#queues.values()].filter((queue) => queue.full).map((queue) => queue.endpoint)
    const claimed = await claimNotifications(this.#db, this.owner, {
      horizonMs: HORIZON_MS,
      leaseMs: LEASE_MS,
      limit: SWEEP_BATCH,
      skipEndpoints: full,
    })
    const handBack: string[] = []
    const expired: string[] = []
    for (const notification of claimed) {
      if (now - notification.createdAt > this.#policy.maxAgeMs) {
        expired.push(notification.id)
        this.#tally(notification, false, new Date(now))
      } else if (!this.#running || !this.#enqueue(notification)) handBack.push(notification.id)
    }
    if (expired.length > 0) await this.#removals.add(expired)
    if (handBack.length > 0) await releaseNotifications(this.#db, this.owner, handBack)
    return claimed.length === SWEEP_BATCH
  }
}

/** One tally per subscription: counts added, latest times kept. */
function mergeTallies(tallies: readonly DeliveryTally[]): DeliveryTally[] {
  const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a > b ? a : b)
  const merged = new Map<string, DeliveryTally>()
  for (const tally of tallies) {
    const key = `${tally.tenant}\n${tally.subscriptionId}`
    const known = merged.get(key)
    if (!known) merged.set(key, { ...tally })
    else {
      known.sent += tally.sent
      known.failed += tally.failed
      known.lastNotification = later(known.lastNotification, tally.lastNotification) as string
      known.lastSuccess = later(known.lastSuccess, tally.lastSuccess)
      known.lastFailure = later(known.lastFailure, tally.lastFailure)
    }
  }
  return [...merged.values()]
}
