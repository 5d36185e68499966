import type { Actor } from '../../../platform/access/access.ts'
import type { Database } from '../../../platform/db/database.ts'
import { can } from '../../identity/index.ts'
import { NgsiError } from '../errors.ts'
import { READ_ACTION } from '../visibility.ts'

export const OVERSEE_ACTION = 'context.subscription.oversee'

// A scope no organisation matches, so only platform roles (administrator, data steward) grant
// overseeing: an organisation's owners see their organisation's subscriptions, not everyone's.
const PLATFORM_WIDE = { organisationId: 'platform-wide' }

/** Who a subscription belongs to: the person, or the organisation an API key acts for. */
export function ownerOf(actor: Actor): string {
  if (actor.kind === 'person') return `person:${actor.personId}`
  if (actor.kind === 'api_key') {
    if (actor.organisationId) return `organisation:${actor.organisationId}`
    if (actor.personId) return `person:${actor.personId}`
    return `api_key:${actor.keyId}`
  }
  throw new NgsiError('Unauthorized', 'Sign in, or send an API key, to manage subscriptions.')
}

/** Whether the caller sees and manages every subscription of a tenant, not only its own. */
export function mayOversee(db: Database, actor: Actor): Promise<boolean> {
  return can(db, actor, OVERSEE_ACTION, PLATFORM_WIDE)
}

/** Whether an owner may still read every entity type: a person's roles change; an organisation's key keeps what it had. */
export function ownerStillReadsAll(db: Database, owner: string): Promise<boolean> {
  if (!owner.startsWith('person:')) return Promise.resolve(true)
  const personId = owner.slice('person:'.length)
  return can(db, { kind: 'person', personId, assurance: 'low', via: 'session' }, READ_ACTION)
}
