import type { Phase } from './challenge-schemas.ts'
import type { ChallengeRow } from './challenge-store.ts'

type Dates = Pick<
  ChallengeRow,
  | 'submissions_open'
  | 'submissions_close'
  | 'evaluation_close'
  | 'public_vote'
  | 'voting_open'
  | 'voting_close'
  | 'results_published_at'
>

/** Where a call stands at `now`; a public vote that overlaps the evaluation shows as voting. */
export function phaseOf(call: Dates, now: Date): Phase {
  if (call.results_published_at) return 'results'
  if (now < call.submissions_open) return 'upcoming'
  if (now < call.submissions_close) return 'submissions'
  if (votingOpen(call, now)) return 'voting'
  if (now < call.evaluation_close) return 'evaluation'
  return 'awaiting_results'
}

export function votingOpen(call: Dates, now: Date): boolean {
  return Boolean(
    call.public_vote &&
      call.voting_open &&
      call.voting_close &&
      call.voting_open <= now &&
      now < call.voting_close,
  )
}

/** Jurors score between the submission deadline and the evaluation close. */
export function evaluating(call: Dates, now: Date): boolean {
  return call.submissions_close <= now && now < call.evaluation_close
}

export function evaluationClosed(call: Dates, now: Date): boolean {
  return now >= call.evaluation_close
}
