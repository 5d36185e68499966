import type { Actor } from '../../platform/access/access.ts'
import type { Database } from '../../platform/db/database.ts'
import { anyMatches, EVERY_PERSON, MEMBERSHIP_ROLES, PLATFORM_ROLES } from './roles.ts'
import { hasResourceGrant } from './store/resource-grants.ts'
import { selectStanding } from './store/roles.ts'

/** The resource an action applies to: the organisation it belongs to, and/or the thing itself. */
export interface ResourceScope {
  organisationId?: string | undefined
  /** One resource (a dataset, a project) on which someone may hold a grant of its own. */
  resource?: { type: string; id: string } | undefined
}

/**
 * The one decision every route and service uses. Without a resource it answers "may this caller
 * do this anywhere", which is what a route can know; a service asks again with the resource.
 */
export async function can(
  db: Database,
  actor: Actor,
  action: string,
  resource?: ResourceScope,
): Promise<boolean> {
  switch (actor.kind) {
    case 'anonymous':
      return false
    case 'person':
      if (actor.scopes && !anyMatches(actor.scopes, action)) return false
      return personMay(db, actor.personId, action, resource)
    case 'api_key':
      if (!anyMatches(actor.scopes, action)) return false
      if (actor.organisationId) {
        if (resource?.organisationId && resource.organisationId !== actor.organisationId) return false
        return anyMatches(MEMBERSHIP_ROLES.owner, action)
      }
      return actor.personId ? personMay(db, actor.personId, action, resource) : false
  }
}

async function personMay(
  db: Database,
  personId: string,
  action: string,
  scope?: ResourceScope,
): Promise<boolean> {
  if (anyMatches(EVERY_PERSON, action)) return true
  const standing = await selectStanding(db, personId)
  if (standing.platformRoles.some((role) => anyMatches(PLATFORM_ROLES[role], action))) return true
  const throughMembership = standing.memberships.some(
    (membership) =>
      (!scope?.organisationId || membership.organisationId === scope.organisationId) &&
      anyMatches(MEMBERSHIP_ROLES[membership.role], action),
  )
  if (throughMembership) return true
  return scope?.resource ? hasResourceGrant(db, personId, action, scope.resource) : false
}
