import { type RawBuilder, sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { EntityChange } from '../events.ts'
import type { StoredEntity } from '../model.ts'
import { geoQueryToSql } from '../query/geo-sql.ts'
import type { PublicTypes, ReadScope } from '../visibility.ts'
import { notificationData } from './notification-content.ts'
import { notificationMessage, type PromisedNotification } from './notification-message.ts'
import type { Notifier } from './notifier.ts'
import type { SubscriptionIndex } from './subscription-index.ts'
import { type LiveSubscription, matchesChange } from './subscription-matching.ts'

interface Candidate {
  subscription: LiveSubscription
  changes: EntityChange[]
}

/**
 * Turns entity changes into promised notifications (NGSI-LD 5.11): every live subscription of the
 * tenant is matched in memory; only geo-queries ask the database, and only for the subscriptions that
 * have one. A subscription hears a batch of changes as one notification with several entities.
 */
export class ChangeListener {
  readonly #db: Database
  readonly #index: SubscriptionIndex
  readonly #publicTypes: PublicTypes
  readonly #notifier: Notifier
  /** When each subscription last notified, for throttling; survives index reloads. */
  readonly #lastNotified = new Map<string, number>()

  constructor(options: {
    db: Database
    index: SubscriptionIndex
    publicTypes: PublicTypes
    notifier: Notifier
  }) {
    this.#db = options.db
    this.#index = options.index
    this.#publicTypes = options.publicTypes
    this.#notifier = options.notifier
  }

  async changed(tenant: string, changes: readonly EntityChange[]): Promise<void> {
    const index = await this.#index.of(tenant)
    if (index.size === 0) return
    const now = Date.now()
    const publicScope: ReadScope = { all: false, types: await this.#publicTypes.of(tenant) }
    const candidates = new Map<LiveSubscription, EntityChange[]>()
    for (const change of changes) {
      const entity = change.current ?? change.previous
      if (!entity) continue
      for (const subscription of index.candidates(entity.types)) {
        if (subscription.expiresAt !== undefined && subscription.expiresAt <= now) continue
        if (!matchesChange(subscription, change, subscription.readsAll ? { all: true } : publicScope))
          continue
        const matched = candidates.get(subscription)
        if (matched) matched.push(change)
        else candidates.set(subscription, [change])
      }
    }
    if (candidates.size === 0) return
    const located = await this.#withinGeoQueries(
      [...candidates].map(([subscription, matched]) => ({ subscription, changes: matched })),
    )
    const notifiedAt = new Date(now).toISOString()
    const promised: PromisedNotification[] = []
    for (const { subscription, changes: matched } of located) {
      if (matched.length === 0 || this.#throttled(subscription, now)) continue
      promised.push(
        notificationMessage(subscription, notificationData(subscription, matched, notifiedAt), notifiedAt),
      )
    }
    await this.#notifier.promise(promised)
  }

  /** A deleted subscription needs no throttling memory. */
  forget(tenant: string, subscriptionId: string): void {
    this.#lastNotified.delete(`${tenant}\n${subscriptionId}`)
  }

  /** NGSI-LD 5.2.12 throttling: at most one notification per `throttling` seconds. */
  #throttled(subscription: LiveSubscription, now: number): boolean {
    const key = `${subscription.tenant}\n${subscription.id}`
    const last = this.#lastNotified.get(key)
    if (subscription.throttlingMs > 0 && last !== undefined && now - last < subscription.throttlingMs)
      return true
    this.#lastNotified.set(key, now)
    return false
  }

  /** Keeps, for subscriptions with a geoQ, only the changes whose entity stands in the relation; one query. */
  async #withinGeoQueries(candidates: Candidate[]): Promise<Candidate[]> {
    const checks: { candidate: Candidate; change: EntityChange; condition: RawBuilder<boolean> }[] = []
    for (const candidate of candidates) {
      const query = candidate.subscription.geoQ
      if (!query) continue
      for (const change of candidate.changes) {
        const geometry = geometryOf(change.current ?? change.previous, query.geoproperty)
        checks.push({
          candidate,
          change,
          condition:
            geometry === undefined
              ? sql<boolean>`false`
              : sql<boolean>`coalesce(${geoQueryToSql(query, sql`ST_SetSRID(ST_GeomFromGeoJSON(${geometry}::text), 4326)`)}, false)`,
        })
      }
    }
    if (checks.length === 0) return candidates
    const results = await this.#evaluate(checks.map((check) => check.condition))
    const outside = new Set(checks.filter((_, index) => !results[index]).map((check) => check.change))
    return candidates.map((candidate) =>
      candidate.subscription.geoQ
        ? { ...candidate, changes: candidate.changes.filter((change) => !outside.has(change)) }
        : candidate,
    )
  }

  async #evaluate(conditions: RawBuilder<boolean>[]): Promise<boolean[]> {
    try {
      const { rows } = await sql<{ results: boolean[] }>`
        SELECT ARRAY[${sql.join(conditions)}]::boolean[] AS results`.execute(this.#db)
      return rows[0]?.results ?? []
    } catch {
      // A geometry PostGIS refuses fails the whole statement; judge each alone so only it is left out.
      return Promise.all(
        conditions.map(async (condition) => {
          try {
            const { rows } = await sql<{ result: boolean }>`SELECT ${condition} AS result`.execute(this.#db)
            return rows[0]?.result === true
          } catch {
            return false
          }
        }),
      )
    }
  }
}

function geometryOf(entity: StoredEntity | null, geoproperty: string): string | undefined {
  const instances = entity?.attrs[geoproperty]
  const chosen = instances?.find((instance) => instance.datasetId === undefined) ?? instances?.[0]
  return chosen?.type === 'GeoProperty' && chosen.value ? JSON.stringify(chosen.value) : undefined
}
