import type { Criterion } from './challenge-schemas.ts'

export interface RankedEntry {
  submissionId: string
  /** Mean over counted jurors of Σ(score × weight) / 100, rounded to 3 decimals; null when nobody scored. */
  juryScore: number | null
  jurors: number
  votes: number
}

interface Candidate {
  id: string
  createdAt: Date
}

interface Score {
  submission_id: string
  person_id: string
  criterion: string
  score: number
}

/**
 * Ranks eligible submissions by weighted jury score, ties broken by public votes, then by the
 * earlier submission. A juror counts for a submission when they scored it and declared no conflict;
 * a criterion they left unscored counts 0. Sums stay in integers (score in tenths × weight) so
 * that equal scores compare equal.
 */
export function rank(
  criteria: readonly Criterion[],
  candidates: readonly Candidate[],
  scores: readonly Score[],
  conflicts: ReadonlySet<string>,
  votes: ReadonlyMap<string, number>,
): RankedEntry[] {
  const weights = new Map(criteria.map((criterion) => [criterion.key, criterion.weight]))
  const totals = new Map<string, Map<string, number>>()
  for (const score of scores) {
    const weight = weights.get(score.criterion)
    if (weight === undefined || conflicts.has(`${score.submission_id}|${score.person_id}`)) continue
    const byJuror = totals.get(score.submission_id) ?? new Map<string, number>()
    byJuror.set(score.person_id, (byJuror.get(score.person_id) ?? 0) + Math.round(score.score * 10) * weight)
    totals.set(score.submission_id, byJuror)
  }
  const entries = candidates.map((candidate) => {
    const byJuror = [...(totals.get(candidate.id)?.values() ?? [])]
    return {
      candidate,
      sum: byJuror.reduce((total, value) => total + value, 0),
      jurors: byJuror.length,
      votes: votes.get(candidate.id) ?? 0,
    }
  })
  entries.sort((a, b) => {
    if (a.jurors === 0 || b.jurors === 0) {
      if (a.jurors !== b.jurors) return a.jurors === 0 ? 1 : -1
    } else {
      const difference = b.sum * a.jurors - a.sum * b.jurors
      if (difference !== 0) return difference
    }
    if (a.votes !== b.votes) return b.votes - a.votes
    return a.candidate.createdAt.getTime() - b.candidate.createdAt.getTime()
  })
  return entries.map((entry) => ({
    submissionId: entry.candidate.id,
    // sum is in thousandths of a point (tenths × percent).
    juryScore: entry.jurors === 0 ? null : Math.round(entry.sum / entry.jurors) / 1000,
    jurors: entry.jurors,
    votes: entry.votes,
  }))
}
