import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { can } from '../../identity/index.ts'

export const CREATE_PROJECTS = 'portfolio.project.create'
export const UPDATE_PROJECTS = 'portfolio.project.update'
export const APPROVE_PROJECTS = 'portfolio.board.approve'
export const DECIDE_PILOTS = 'portfolio.board.decide'
export const MANAGE_SETTINGS = 'portfolio.settings.manage'

/** No organisation has this id: asking about it tells whether a platform role grants the action everywhere. */
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000'

/** The action on an organisation's project; without an owner, only a platform role (the office) may. */
export function may(
  context: ModuleContext,
  actor: Actor,
  action: string,
  organisationId: string | null,
): Promise<boolean> {
  if (actor.kind === 'anonymous') return Promise.resolve(false)
  return can(context.db, actor, action, { organisationId: organisationId ?? NO_ORGANISATION })
}

export const projectNotFound = (slug: string) =>
  new Problem(
    404,
    'PORTFOLIO_PROJECT_NOT_FOUND',
    'No such project',
    `No project "${slug}"; GET /api/portfolio/projects lists them.`,
  )

export const notAllowed = (what: string) =>
  new Problem(403, 'PORTFOLIO_FORBIDDEN', 'Not allowed', `Your roles do not allow you to ${what}.`)
