import type { ModuleContext } from '../../../platform/module.ts'
import { type SubmissionRow, selectChallenge, selectSubmissions } from '../challenge/challenge-store.ts'
import { rankingOf } from '../challenge/results.ts'
import type { Report } from './report-schemas.ts'

/** The year's challenge as the report tells it: the ranking only once the office has published it. */
export async function challengeOfYear(context: ModuleContext, year: number): Promise<Report['challenge']> {
  const call = await selectChallenge(context.db, year)
  if (!call) return null
  const submissions = await selectSubmissions(context.db, call.id)
  const results = call.results_published_at ? await rankingOf(context, call) : undefined
  return {
    theme: call.theme,
    submissions: submissions.length,
    participants: participants(submissions),
    published: results !== undefined,
    publishedAt: results?.publishedAt ?? null,
    ranking: (results?.ranking ?? []).map((entry) => ({
      rank: entry.rank,
      title: entry.submission.title,
      organisation: entry.submission.organisation,
      score: entry.juryScore,
      votes: entry.votes,
      pilot: entry.project,
    })),
  }
}

/** Counted as the challenge's KPI counts them: the distinct names teams show, plus submitters who named no team. */
function participants(submissions: readonly SubmissionRow[]): number {
  const named = new Set(
    submissions.flatMap((submission) => submission.team.map((member) => member.name.trim().toLowerCase())),
  )
  const alone = new Set(
    submissions
      .filter((submission) => submission.team.length === 0)
      .map((submission) => submission.submitted_by),
  )
  return named.size + alone.size
}
