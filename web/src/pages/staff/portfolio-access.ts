import { anyMatches, MEMBERSHIP_ROLES } from '../../../../src/modules/identity/roles.ts'
import { type Account, useSession } from '../../session.tsx'
import type { Project } from './portfolio-api.ts'
import { memberMay, platformMay } from './staff-access.ts'

/**
 * What the signed-in person may do with the portfolio, read from the role table the server decides
 * with (src/modules/identity/roles.ts). Only for showing and hiding: the server enforces.
 */
export type PortfolioAccess = {
  /** The Innovation Office: every project, approval, pilot decisions, the challenge. */
  office: boolean
  approve: boolean
  decidePilots: boolean
  manageChallenge: boolean
  /** Organisations whose projects this person may describe (owners and editors). */
  updatable: string[]
  /** Organisations for which this person may add projects (owners); the office adds for any. */
  creatable: string[]
  /** Anything to manage in the portfolio at all. */
  any: boolean
}

const NOBODY: PortfolioAccess = {
  office: false,
  approve: false,
  decidePilots: false,
  manageChallenge: false,
  updatable: [],
  creatable: [],
  any: false,
}

function organisationsAllowing(account: Account, action: string): string[] {
  return account.memberships
    .filter(
      (membership) =>
        membership.role in MEMBERSHIP_ROLES &&
        anyMatches(MEMBERSHIP_ROLES[membership.role as keyof typeof MEMBERSHIP_ROLES], action),
    )
    .map((membership) => membership.organisation)
}

export function portfolioAccess(account: Account): PortfolioAccess {
  const office = platformMay(account, 'portfolio.project.update')
  return {
    office,
    approve: platformMay(account, 'portfolio.board.approve'),
    decidePilots: platformMay(account, 'portfolio.board.decide'),
    manageChallenge: platformMay(account, 'portfolio.challenge.manage'),
    updatable: organisationsAllowing(account, 'portfolio.project.update'),
    creatable: organisationsAllowing(account, 'portfolio.project.create'),
    any: office || memberMay(account, 'portfolio.project.update'),
  }
}

/** The signed-in person's portfolio access; nothing while the session loads or for visitors. */
export function usePortfolioAccess(): PortfolioAccess {
  const { state } = useSession()
  return state.status === 'signed-in' ? portfolioAccess(state.account) : NOBODY
}

/** Whether this person may describe the project (its milestones, notes, assessments). */
export function mayUpdate(access: PortfolioAccess, project: Project): boolean {
  return access.office || (project.owner !== null && access.updatable.includes(project.owner.slug))
}
