import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../../../platform/db/database.ts'
import type { ContextSource } from '../json-ld/context-source.ts'
import { parseQ } from '../query/q-language.ts'
import { type LiveSubscription, typesOf } from './subscription-matching.ts'
import type { StoredSubscription } from './subscription-model.ts'
import { liveSubscriptions } from './subscription-store.ts'

/** How long an index is trusted before it is read again, for changes made by other servers. */
const FRESH_MS = 30_000

/** One tenant's live subscriptions, filed by the entity types they select. */
export class TenantIndex {
  readonly #byType = new Map<string, LiveSubscription[]>()
  /** Subscriptions with only watchedAttributes: every entity type may match. */
  readonly #anyType: LiveSubscription[] = []
  readonly loadedAt = Date.now()
  readonly size: number

  constructor(subscriptions: readonly LiveSubscription[]) {
    this.size = subscriptions.length
    for (const subscription of subscriptions) {
      if (!subscription.selectors) {
        this.#anyType.push(subscription)
        continue
      }
      const types = new Set(subscription.selectors.flatMap((selector) => typesOf(selector.type)))
      for (const type of types) {
        const filed = this.#byType.get(type)
        if (filed) filed.push(subscription)
        else this.#byType.set(type, [subscription])
      }
    }
  }

  /** The subscriptions that may select an entity of these types. */
  candidates(types: readonly string[]): readonly LiveSubscription[] {
    if (types.length === 1 && this.#anyType.length === 0) return this.#byType.get(types[0] as string) ?? []
    const found = new Set(this.#anyType)
    for (const type of types) for (const subscription of this.#byType.get(type) ?? []) found.add(subscription)
    return [...found]
  }
}

/**
 * The live subscriptions of every tenant, kept in memory so matching a change costs no database
 * round trip. A tenant's index is read on first use, again after a subscription of it changes here,
 * and again when older than 30 s (another server may have changed one).
 */
export class SubscriptionIndex {
  readonly #db: Database
  readonly #contexts: ContextSource
  readonly #log: FastifyBaseLogger
  readonly #ownerReadsAll: (owner: string) => Promise<boolean>
  readonly #tenants = new Map<string, Promise<TenantIndex>>()

  constructor(options: {
    db: Database
    contexts: ContextSource
    log: FastifyBaseLogger
    ownerReadsAll: (owner: string) => Promise<boolean>
  }) {
    this.#db = options.db
    this.#contexts = options.contexts
    this.#log = options.log
    this.#ownerReadsAll = options.ownerReadsAll
  }

  async of(tenant: string): Promise<TenantIndex> {
    const cached = this.#tenants.get(tenant)
    if (cached) {
      const index = await cached
      if (Date.now() - index.loadedAt < FRESH_MS) return index
      if (this.#tenants.get(tenant) !== cached) return this.of(tenant)
    }
    const loading = this.#load(tenant)
    this.#tenants.set(tenant, loading)
    loading.catch(() => {
      if (this.#tenants.get(tenant) === loading) this.#tenants.delete(tenant)
    })
    return loading
  }

  invalidate(tenant: string): void {
    this.#tenants.delete(tenant)
  }

  async #load(tenant: string): Promise<TenantIndex> {
    const stored = await liveSubscriptions(this.#db, tenant)
    const readsAll = new Map<string, Promise<boolean>>()
    const live: LiveSubscription[] = []
    for (const subscription of stored) {
      try {
        let owner = readsAll.get(subscription.owner)
        if (!owner) {
          owner = this.#ownerReadsAll(subscription.owner)
          readsAll.set(subscription.owner, owner)
        }
        live.push(await this.#compile(subscription, subscription.ownerReadsAll && (await owner)))
      } catch (error) {
        // One subscription whose @context no longer resolves must not silence the others.
        this.#log.warn({ err: error, subscription: subscription.id }, 'subscription left out of matching')
      }
    }
    return new TenantIndex(live)
  }

  async #compile(subscription: StoredSubscription, readsAll: boolean): Promise<LiveSubscription> {
    const { definition } = subscription
    const contextValue = definition.jsonldContext ?? subscription.context
    const terms = await this.#contexts.terms(contextValue)
    const live: LiveSubscription = {
      tenant: subscription.tenant,
      id: subscription.id,
      readsAll,
      triggers: new Set(definition.notificationTrigger),
      throttlingMs: (definition.throttling ?? 0) * 1000,
      expiresAt: subscription.expiresAt ? Date.parse(subscription.expiresAt) : undefined,
      definition,
      terms,
      contextValue,
    }
    if (definition.entities)
      live.selectors = definition.entities.map((selector) => ({
        ...(selector.id !== undefined ? { id: selector.id } : {}),
        ...(selector.idPattern !== undefined ? { idPattern: new RegExp(selector.idPattern, 'u') } : {}),
        type: selector.type,
      }))
    if (definition.watchedAttributes) live.watched = new Set(definition.watchedAttributes)
    if (definition.q) {
      const qTerms = await this.#contexts.terms(definition.q.context)
      live.q = { expression: parseQ(definition.q.text), expand: (name) => qTerms.expand(name) }
    }
    if (definition.geoQ) live.geoQ = definition.geoQ
    return live
  }
}
