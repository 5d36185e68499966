import { randomUUID } from 'node:crypto'
import type { Actor } from '../../../platform/access/access.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { isUri } from '../entity-input.ts'
import { badRequest, NgsiError, notFound } from '../errors.ts'
import type { NgsiCall } from '../ngsi-request.ts'
import type { Page } from '../query/entity-query.ts'
import type { ContextServices } from '../services.ts'
import { ChangeListener } from './change-listener.ts'
import { type DeliveryPolicy, Notifier } from './notifier.ts'
import { SubscriptionIndex } from './subscription-index.ts'
import {
  type InputCall,
  readSubscription,
  readSubscriptionPatch,
  type SubscriptionInput,
} from './subscription-input.ts'
import type { StoredSubscription } from './subscription-model.ts'
import { mayOversee, ownerOf, ownerStillReadsAll } from './subscription-owner.ts'
import {
  deleteSubscription,
  findSubscription,
  insertSubscription,
  listSubscriptions,
  updateSubscription,
} from './subscription-store.ts'

/**
 * NGSI-LD subscriptions of one server (5.8): their management, the in-memory index that matches
 * entity changes against them, and the notifier that delivers. Callers see their own subscriptions;
 * platform data stewards see every one.
 */
export class SubscriptionService {
  readonly notifier: Notifier
  readonly #context: ModuleContext
  readonly #services: ContextServices
  readonly #index: SubscriptionIndex
  readonly #listener: ChangeListener

  constructor(context: ModuleContext, services: ContextServices, policy?: Partial<DeliveryPolicy>) {
    this.#context = context
    this.#services = services
    this.notifier = new Notifier({ db: context.db, log: context.log, ...(policy ? { policy } : {}) })
    this.#index = new SubscriptionIndex({
      db: context.db,
      contexts: services.contexts,
      log: context.log,
      ownerReadsAll: (owner) => ownerStillReadsAll(context.db, owner),
    })
    this.#listener = new ChangeListener({
      db: context.db,
      index: this.#index,
      publicTypes: services.publicTypes,
      notifier: this.notifier,
    })
    // Also in a process that does not deliver (a command): what it promises, a running server sends.
    context.events.on('EntitiesChanged', ({ tenant, changes }) => this.#listener.changed(tenant, changes))
  }

  /** NGSI-LD 5.8.1; returns the subscription's id. */
  async create(actor: Actor, call: NgsiCall, body: unknown): Promise<string> {
    const owner = ownerOf(actor)
    const input = readSubscription(body, this.#inputCall(call))
    await this.#checkContexts(input)
    const id = input.id ?? `urn:ngsi-ld:Subscription:${randomUUID()}`
    const created = await insertSubscription(this.#context.db, {
      tenant: call.tenant,
      id,
      owner,
      ...this.#write(input, call.contextValue),
      ownerReadsAll: (await this.#services.publicTypes.readScope(actor, call.tenant)).all,
    })
    if (!created) throw new NgsiError('AlreadyExists', `A subscription with id ${id} already exists.`)
    this.#index.invalidate(call.tenant)
    return id
  }

  /** NGSI-LD 5.8.4: a page of the caller's subscriptions (everyone's for an overseer). */
  async list(actor: Actor, tenant: string, page: Page) {
    const owner = (await mayOversee(this.#context.db, actor)) ? undefined : ownerOf(actor)
    return listSubscriptions(this.#context.db, tenant, owner, page)
  }

  /** NGSI-LD 5.8.3; someone else's subscription is as absent as one that does not exist. */
  async get(actor: Actor, tenant: string, id: string): Promise<StoredSubscription> {
    if (!isUri(id)) throw badRequest(`The subscription id "${id}" is not a URI.`)
    const found = await findSubscription(this.#context.db, tenant, id)
    if (!found || (found.owner !== ownerOf(actor) && !(await mayOversee(this.#context.db, actor))))
      throw notFound(`There is no subscription with id ${id}.`)
    return found
  }

  /** NGSI-LD 5.8.2. */
  async update(actor: Actor, call: NgsiCall, id: string, body: unknown): Promise<void> {
    const existing = await this.get(actor, call.tenant, id)
    const input = readSubscriptionPatch(body, this.#inputCall(call), existing)
    await this.#checkContexts(input)
    // An explicit @context (Link or body) becomes the subscription's; without one it keeps its own.
    const context = call.contextValue === undefined ? existing.context : call.contextValue
    const ownerReadsAll =
      existing.owner === ownerOf(actor)
        ? (await this.#services.publicTypes.readScope(actor, call.tenant)).all
        : existing.ownerReadsAll
    const updated = await updateSubscription(this.#context.db, call.tenant, id, {
      ...this.#write(input, context),
      ownerReadsAll,
    })
    if (!updated) throw notFound(`There is no subscription with id ${id}.`)
    this.#index.invalidate(call.tenant)
  }

  /** NGSI-LD 5.8.5: with the notifications still promised for it. */
  async remove(actor: Actor, tenant: string, id: string): Promise<void> {
    await this.get(actor, tenant, id)
    if (!(await deleteSubscription(this.#context.db, tenant, id)))
      throw notFound(`There is no subscription with id ${id}.`)
    this.#index.invalidate(tenant)
    this.notifier.forget(tenant, id)
    this.#listener.forget(tenant, id)
  }

  #inputCall(call: NgsiCall): InputCall {
    return { terms: call.terms, contextValue: call.contextValue, now: new Date() }
  }

  #write(input: SubscriptionInput, context: unknown) {
    return { definition: input.definition, context, isActive: input.isActive, expiresAt: input.expiresAt }
  }

  /** The contexts notifications will be written in must resolve now, not fail at the first notification. */
  async #checkContexts(input: SubscriptionInput): Promise<void> {
    if (input.definition.jsonldContext) await this.#services.contexts.terms(input.definition.jsonldContext)
  }
}

const byContext = new WeakMap<ModuleContext, SubscriptionService>()

/** The one subscription service of a running server. */
export function subscriptionService(context: ModuleContext, services: ContextServices): SubscriptionService {
  let service = byContext.get(context)
  if (!service) {
    service = new SubscriptionService(context, services)
    byContext.set(context, service)
  }
  return service
}
