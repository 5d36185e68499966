import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'
import type { Measurement } from '../../../platform/metrics/measurement.ts'

/** The latest call whose submissions have opened: the one a yearly KPI reads. */
async function latestCallId(db: Database): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`SELECT id FROM portfolio.challenges
    WHERE submissions_open <= now() ORDER BY year DESC LIMIT 1`.execute(db)
  return rows[0]?.id
}

async function countSubmissions(db: Database): Promise<number> {
  const id = await latestCallId(db)
  if (!id) return 0
  const { rows } = await sql<{ count: number }>`SELECT count(*)::int AS count FROM portfolio.submissions
    WHERE challenge_id = ${id}`.execute(db)
  return rows[0]!.count
}

/**
 * People taking part: the distinct names teams show, plus each submitter who named no team.
 * Submitters are not added to named teams, where they normally appear already.
 */
async function countParticipants(db: Database): Promise<number> {
  const id = await latestCallId(db)
  if (!id) return 0
  const { rows } = await sql<{ count: number }>`SELECT
      (SELECT count(DISTINCT lower(trim(member->>'name'))) FROM portfolio.submissions s,
        jsonb_array_elements(s.team) AS member WHERE s.challenge_id = ${id})
      + (SELECT count(DISTINCT s.submitted_by) FROM portfolio.submissions s
        WHERE s.challenge_id = ${id} AND jsonb_array_length(s.team) = 0) AS count`.execute(db)
  return Number(rows[0]!.count)
}

export const challengeMeasurements: readonly Measurement[] = [
  {
    name: 'portfolio.challenge.submissions',
    description: 'Submissions to the latest Cluj Digital Transformation Challenge',
    unit: 'submission',
    measure: countSubmissions,
  },
  {
    name: 'portfolio.challenge.participants',
    description:
      'People taking part in the latest challenge: the team members submissions name, and submitters who named no team',
    unit: 'person',
    measure: countParticipants,
  },
]
