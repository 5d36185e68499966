import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ActionDeclaration, ModuleContext } from '../../../platform/module.ts'
import { can } from '../../identity/index.ts'

export const MANAGE_CHALLENGE = 'portfolio.challenge.manage'
/** Held per call by appointment (portfolio.jurors), checked by the service, not through roles. */
export const JUDGE_CHALLENGE = 'portfolio.challenge.judge'

export const challengeActions: readonly ActionDeclaration[] = [
  {
    name: MANAGE_CHALLENGE,
    description:
      'Run the yearly challenge: calls, eligibility, appointing the jury, publishing results, turning a winner into a pilot',
  },
  {
    name: JUDGE_CHALLENGE,
    description: "Score a challenge's submissions (given per call by appointment to its jury)",
  },
]

export function mayManage(context: ModuleContext, actor: Actor): Promise<boolean> {
  if (actor.kind === 'anonymous') return Promise.resolve(false)
  return can(context.db, actor, MANAGE_CHALLENGE)
}

export async function requireManager(context: ModuleContext, actor: Actor, what: string): Promise<void> {
  if (!(await mayManage(context, actor)))
    throw new Problem(
      403,
      'PORTFOLIO_FORBIDDEN',
      'Not allowed',
      `Only the Innovation Office may ${what} (action "${MANAGE_CHALLENGE}").`,
    )
}

/** The person behind a request: a session, a token or a key acting for someone. */
export function personOf(actor: Actor): string {
  if (actor.kind === 'person') return actor.personId
  if (actor.kind === 'api_key' && actor.personId) return actor.personId
  throw new Problem(
    401,
    'PORTFOLIO_PERSON_REQUIRED',
    'Sign in',
    'Sign in as a person to take part in the challenge.',
  )
}

export const callNotFound = (year: number) =>
  new Problem(
    404,
    'PORTFOLIO_CHALLENGE_NOT_FOUND',
    'No such challenge',
    `There is no challenge for ${year}; GET /api/portfolio/challenges lists them.`,
  )

export const submissionNotFound = (id: string) =>
  new Problem(
    404,
    'PORTFOLIO_SUBMISSION_NOT_FOUND',
    'No such submission',
    `No submission ${id} in this challenge is visible to you.`,
  )

export const resultsFrozen = (year: number) =>
  new Problem(
    409,
    'PORTFOLIO_RESULTS_PUBLISHED',
    'The results are published',
    `The results of the ${year} challenge are published and frozen; nothing in this call changes any more.`,
  )

/** Dates in messages: ISO, in UTC, to the minute. */
export const when = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`

export interface RequestFacts {
  requestId: string
}
