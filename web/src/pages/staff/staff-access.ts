import { anyMatches, MEMBERSHIP_ROLES, PLATFORM_ROLES } from '../../../../src/modules/identity/roles.ts'
import type { Account } from '../../session.tsx'

/**
 * What the signed-in person may do in the back office, read from the same role table the server
 * decides with (src/modules/identity/roles.ts). Only for showing and hiding: the server enforces.
 */
export type StaffAccess = {
  /** Find people and read their accounts (clerk, Innovation Office, administrator). */
  readPeople: boolean
  /** Record an identity check at the counter (clerk, administrator). */
  verifyPeople: boolean
  /** Grant and revoke platform roles (administrator). */
  grantRoles: boolean
  /** Change members and keys of every organisation (administrator). */
  manageAllOrganisations: boolean
  /** The organisations this person owns, whose members and keys they may change. */
  ownedOrganisations: string[]
  manageSignOnClients: boolean
  readAudit: boolean
  readOutbox: boolean
}

/** Whether one of the person's platform roles allows the action everywhere. */
export function platformMay(account: Account, action: string): boolean {
  return account.platformRoles.some(
    (role) =>
      role in PLATFORM_ROLES && anyMatches(PLATFORM_ROLES[role as keyof typeof PLATFORM_ROLES], action),
  )
}

/** Whether the person's role in some organisation allows the action there. */
export function memberMay(account: Account, action: string): boolean {
  return account.memberships.some(
    (membership) =>
      membership.role in MEMBERSHIP_ROLES &&
      anyMatches(MEMBERSHIP_ROLES[membership.role as keyof typeof MEMBERSHIP_ROLES], action),
  )
}

export function staffAccess(account: Account): StaffAccess {
  return {
    readPeople: platformMay(account, 'identity.person.read'),
    verifyPeople: platformMay(account, 'identity.person.verify'),
    grantRoles: platformMay(account, 'identity.role.grant'),
    manageAllOrganisations: platformMay(account, 'identity.organisation.members'),
    ownedOrganisations: account.memberships
      .filter(
        (membership) =>
          membership.role in MEMBERSHIP_ROLES &&
          anyMatches(
            MEMBERSHIP_ROLES[membership.role as keyof typeof MEMBERSHIP_ROLES],
            'identity.organisation.members',
          ),
      )
      .map((membership) => membership.organisation),
    manageSignOnClients: platformMay(account, 'identity.oidc_client.manage'),
    readAudit: platformMay(account, 'platform.audit.read'),
    readOutbox: platformMay(account, 'platform.outbox.read'),
  }
}

/** Whether the back office has anything for this person: a platform role, an organisation to own, KPIs to measure. */
export function hasStaffTools(account: Account): boolean {
  const access = staffAccess(account)
  return (
    account.platformRoles.length > 0 ||
    access.ownedOrganisations.length > 0 ||
    // Organisation editors enter their KPIs' values on the strategy's management page.
    memberMay(account, 'strategy.kpi.measure')
  )
}

export function mayManageOrganisation(access: StaffAccess, slug: string): boolean {
  return access.manageAllOrganisations || access.ownedOrganisations.includes(slug)
}
