import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import type { Criterion } from './challenge-schemas.ts'

export interface ChallengeRow {
  id: string
  year: number
  theme: LocalizedText
  description: LocalizedText
  objective_keys: string[]
  criteria: Criterion[]
  submissions_open: Date
  submissions_close: Date
  evaluation_close: Date
  public_vote: boolean
  voting_open: Date | null
  voting_close: Date | null
  results_at: Date
  results_published_at: Date | null
}

/** What the office writes; the store writes these columns and nothing else. */
export type ChallengeDefinition = Omit<ChallengeRow, 'id' | 'results_published_at'>

export interface SubmissionRow {
  id: string
  challenge_id: string
  title: LocalizedText
  summary: LocalizedText
  objective_keys: string[]
  team: { name: string; role: string }[]
  budget_asked: number
  pilot_plan: LocalizedText
  submitted_by: string
  organisation_id: string | null
  eligibility: 'pending' | 'eligible' | 'ineligible'
  eligibility_reason: string | null
  project_id: string | null
  project_slug: string | null
  created_at: Date
  updated_at: Date
}

export type SubmissionContent = Pick<
  SubmissionRow,
  'title' | 'summary' | 'objective_keys' | 'team' | 'budget_asked' | 'pilot_plan' | 'organisation_id'
>

const json = (value: unknown) => JSON.stringify(value)

const challengeColumns = sql`id, year, theme, description, objective_keys, criteria, submissions_open,
  submissions_close, evaluation_close, public_vote, voting_open, voting_close, results_at, results_published_at`

export async function selectChallenges(db: Database): Promise<ChallengeRow[]> {
  const { rows } = await sql<ChallengeRow>`SELECT ${challengeColumns} FROM portfolio.challenges
    ORDER BY year DESC`.execute(db)
  return rows
}

export async function selectChallenge(db: Database, year: number): Promise<ChallengeRow | undefined> {
  const { rows } = await sql<ChallengeRow>`SELECT ${challengeColumns} FROM portfolio.challenges
    WHERE year = ${year}`.execute(db)
  return rows[0]
}

export async function insertChallenge(db: Database, call: ChallengeDefinition): Promise<string> {
  const { rows } = await sql<{ id: string }>`INSERT INTO portfolio.challenges (year, theme, description,
      objective_keys, criteria, submissions_open, submissions_close, evaluation_close, public_vote, voting_open,
      voting_close, results_at)
    VALUES (${call.year}, ${json(call.theme)}::jsonb, ${json(call.description)}::jsonb,
      ${call.objective_keys}::text[], ${json(call.criteria)}::jsonb, ${call.submissions_open},
      ${call.submissions_close}, ${call.evaluation_close}, ${call.public_vote}, ${call.voting_open},
      ${call.voting_close}, ${call.results_at})
    ON CONFLICT (year) DO NOTHING
    RETURNING id`.execute(db)
  return rows[0]?.id ?? ''
}

export async function updateChallenge(db: Database, id: string, call: ChallengeDefinition): Promise<void> {
  await sql`UPDATE portfolio.challenges SET theme = ${json(call.theme)}::jsonb,
      description = ${json(call.description)}::jsonb, objective_keys = ${call.objective_keys}::text[],
      criteria = ${json(call.criteria)}::jsonb, submissions_open = ${call.submissions_open},
      submissions_close = ${call.submissions_close}, evaluation_close = ${call.evaluation_close},
      public_vote = ${call.public_vote}, voting_open = ${call.voting_open}, voting_close = ${call.voting_close},
      results_at = ${call.results_at}
    WHERE id = ${id}`.execute(db)
}

/** Freezes the ranking: the service refuses every change to a call once this is set. */
export async function markResultsPublished(db: Database, id: string): Promise<boolean> {
  const result = await sql`UPDATE portfolio.challenges SET results_published_at = now()
    WHERE id = ${id} AND results_published_at IS NULL`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

const submissionColumns = sql`s.id, s.challenge_id, s.title, s.summary, s.objective_keys, s.team,
  s.budget_asked::float8 AS budget_asked, s.pilot_plan, s.submitted_by, s.organisation_id, s.eligibility,
  s.eligibility_reason, s.project_id, p.slug AS project_slug, s.created_at, s.updated_at`

export async function selectSubmissions(db: Database, challengeId: string): Promise<SubmissionRow[]> {
  const { rows } = await sql<SubmissionRow>`SELECT ${submissionColumns} FROM portfolio.submissions s
    LEFT JOIN portfolio.projects p ON p.id = s.project_id
    WHERE s.challenge_id = ${challengeId} ORDER BY s.created_at, s.id`.execute(db)
  return rows
}

export async function selectSubmission(
  db: Database,
  challengeId: string,
  id: string,
): Promise<SubmissionRow | undefined> {
  const { rows } = await sql<SubmissionRow>`SELECT ${submissionColumns} FROM portfolio.submissions s
    LEFT JOIN portfolio.projects p ON p.id = s.project_id
    WHERE s.challenge_id = ${challengeId} AND s.id = ${id}`.execute(db)
  return rows[0]
}

export async function insertSubmission(
  db: Database,
  challengeId: string,
  submittedBy: string,
  content: SubmissionContent,
): Promise<string> {
  const { rows } = await sql<{ id: string }>`INSERT INTO portfolio.submissions (challenge_id, title, summary,
      objective_keys, team, budget_asked, pilot_plan, submitted_by, organisation_id)
    VALUES (${challengeId}, ${json(content.title)}::jsonb, ${json(content.summary)}::jsonb,
      ${content.objective_keys}::text[], ${json(content.team)}::jsonb, ${content.budget_asked},
      ${json(content.pilot_plan)}::jsonb, ${submittedBy}, ${content.organisation_id})
    RETURNING id`.execute(db)
  return rows[0]!.id
}

export async function updateSubmission(db: Database, id: string, content: SubmissionContent): Promise<void> {
  await sql`UPDATE portfolio.submissions SET title = ${json(content.title)}::jsonb,
      summary = ${json(content.summary)}::jsonb, objective_keys = ${content.objective_keys}::text[],
      team = ${json(content.team)}::jsonb, budget_asked = ${content.budget_asked},
      pilot_plan = ${json(content.pilot_plan)}::jsonb, organisation_id = ${content.organisation_id},
      updated_at = now()
    WHERE id = ${id}`.execute(db)
}

export async function deleteSubmission(db: Database, id: string): Promise<void> {
  await sql`DELETE FROM portfolio.submissions WHERE id = ${id}`.execute(db)
}

export async function setEligibility(
  db: Database,
  id: string,
  eligibility: 'eligible' | 'ineligible',
  reason: string,
): Promise<void> {
  await sql`UPDATE portfolio.submissions SET eligibility = ${eligibility}, eligibility_reason = ${reason}
    WHERE id = ${id}`.execute(db)
}

/** Links a submission to the pilot it became, unless another request linked it first. */
export async function linkProject(db: Database, id: string, projectSlug: string): Promise<boolean> {
  const result = await sql`UPDATE portfolio.submissions
    SET project_id = (SELECT p.id FROM portfolio.projects p WHERE p.slug = ${projectSlug})
    WHERE id = ${id} AND project_id IS NULL`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}
