import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { personOf, submissionNotFound, when } from './access.ts'
import { loadCall } from './calls.ts'
import { selectSubmission } from './challenge-store.ts'
import { insertVote, selectVote } from './jury-store.ts'
import { votingOpen } from './phase.ts'

/** One vote per verified resident per call, for one eligible submission; a second vote is refused. */
export async function castVote(
  context: ModuleContext,
  actor: Actor,
  year: number,
  submissionId: string,
): Promise<{ submission: string; votedAt: string }> {
  const personId = personOf(actor)
  const call = await loadCall(context, year)
  if (!call.public_vote)
    throw new Problem(
      409,
      'PORTFOLIO_NO_PUBLIC_VOTE',
      'No public vote',
      `The ${year} challenge holds no public vote.`,
    )
  if (!votingOpen(call, new Date()))
    throw new Problem(
      409,
      'PORTFOLIO_VOTING_CLOSED',
      'Voting is not open',
      `The public vote runs from ${when(call.voting_open!)} to ${when(call.voting_close!)}.`,
    )
  if (actor.kind !== 'person' || actor.assurance === 'low')
    throw new Problem(
      403,
      'PORTFOLIO_VERIFICATION_REQUIRED',
      'Only verified residents vote',
      'The public vote counts one vote per verified resident (eIDAS level substantial or high). Have your identity checked at a city hall desk with your identity card, or sign in with a verified electronic identity, then vote.',
    )
  const row = await selectSubmission(context.db, call.id, submissionId)
  if (!row) throw submissionNotFound(submissionId)
  if (row.eligibility !== 'eligible')
    throw new Problem(
      409,
      'PORTFOLIO_SUBMISSION_NOT_ELIGIBLE',
      'Not an eligible submission',
      'Only submissions the office found eligible are in the vote.',
    )
  if (!(await insertVote(context.db, call.id, personId, row.id))) {
    const earlier = await selectVote(context.db, call.id, personId)
    throw new Problem(
      409,
      'PORTFOLIO_ALREADY_VOTED',
      'You have voted already',
      `Each resident votes once per challenge; you voted on ${when(earlier!.voted_at)} and that vote stands.`,
    )
  }
  return myVoteOf((await selectVote(context.db, call.id, personId))!)
}

const myVoteOf = (vote: { submission_id: string; voted_at: Date }) => ({
  submission: vote.submission_id,
  votedAt: vote.voted_at.toISOString(),
})

export async function myVote(context: ModuleContext, actor: Actor, year: number) {
  const call = await loadCall(context, year)
  const vote = await selectVote(context.db, call.id, personOf(actor))
  return vote ? myVoteOf(vote) : { submission: null, votedAt: null }
}
