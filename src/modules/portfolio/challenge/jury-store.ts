import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

export interface ConflictRow {
  submission_id: string
  person_id: string
  reason: string
}

export interface ScoreRow {
  submission_id: string
  person_id: string
  criterion: string
  score: number
  comment: string | null
}

export async function selectJurorIds(db: Database, challengeId: string): Promise<string[]> {
  const { rows } = await sql<{ person_id: string }>`SELECT person_id FROM portfolio.jurors
    WHERE challenge_id = ${challengeId} ORDER BY person_id`.execute(db)
  return rows.map((row) => row.person_id)
}

export async function isJuror(db: Database, challengeId: string, personId: string): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM portfolio.jurors
    WHERE challenge_id = ${challengeId} AND person_id = ${personId}`.execute(db)
  return rows.length > 0
}

export async function insertJuror(db: Database, challengeId: string, personId: string): Promise<boolean> {
  const result = await sql`INSERT INTO portfolio.jurors (challenge_id, person_id)
    VALUES (${challengeId}, ${personId}) ON CONFLICT DO NOTHING`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

/** Removes a juror and what they declared and scored in this call. */
export async function deleteJuror(db: Database, challengeId: string, personId: string): Promise<boolean> {
  await sql`DELETE FROM portfolio.scores WHERE person_id = ${personId}
    AND submission_id IN (SELECT id FROM portfolio.submissions WHERE challenge_id = ${challengeId})`.execute(
    db,
  )
  await sql`DELETE FROM portfolio.conflicts WHERE person_id = ${personId}
    AND submission_id IN (SELECT id FROM portfolio.submissions WHERE challenge_id = ${challengeId})`.execute(
    db,
  )
  const result = await sql`DELETE FROM portfolio.jurors
    WHERE challenge_id = ${challengeId} AND person_id = ${personId}`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

export async function selectConflicts(db: Database, challengeId: string): Promise<ConflictRow[]> {
  const { rows } = await sql<ConflictRow>`SELECT c.submission_id, c.person_id, c.reason
    FROM portfolio.conflicts c JOIN portfolio.submissions s ON s.id = c.submission_id
    WHERE s.challenge_id = ${challengeId} ORDER BY c.declared_at`.execute(db)
  return rows
}

/** A conflict voids what the juror scored on that submission before declaring it. */
export async function insertConflict(
  db: Database,
  submissionId: string,
  personId: string,
  reason: string,
): Promise<void> {
  await sql`INSERT INTO portfolio.conflicts (submission_id, person_id, reason)
    VALUES (${submissionId}, ${personId}, ${reason})
    ON CONFLICT (submission_id, person_id) DO UPDATE SET reason = EXCLUDED.reason`.execute(db)
  await sql`DELETE FROM portfolio.scores
    WHERE submission_id = ${submissionId} AND person_id = ${personId}`.execute(db)
}

export async function selectScores(
  db: Database,
  challengeId: string,
  personId?: string,
): Promise<ScoreRow[]> {
  const { rows } = await sql<ScoreRow>`SELECT sc.submission_id, sc.person_id, sc.criterion,
      sc.score::float8 AS score, sc.comment
    FROM portfolio.scores sc JOIN portfolio.submissions s ON s.id = sc.submission_id
    WHERE s.challenge_id = ${challengeId}
      ${personId ? sql`AND sc.person_id = ${personId}` : sql``}
    ORDER BY sc.submission_id, sc.person_id, sc.criterion`.execute(db)
  return rows
}

export async function upsertScore(
  db: Database,
  submissionId: string,
  personId: string,
  score: { criterion: string; score: number; comment: string | null },
): Promise<void> {
  await sql`INSERT INTO portfolio.scores (submission_id, person_id, criterion, score, comment)
    VALUES (${submissionId}, ${personId}, ${score.criterion}, ${score.score}, ${score.comment})
    ON CONFLICT (submission_id, person_id, criterion)
    DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, scored_at = now()`.execute(db)
}

/** One vote per person per call: false when this person has voted already. */
export async function insertVote(
  db: Database,
  challengeId: string,
  personId: string,
  submissionId: string,
): Promise<boolean> {
  const result = await sql`INSERT INTO portfolio.votes (challenge_id, person_id, submission_id)
    VALUES (${challengeId}, ${personId}, ${submissionId}) ON CONFLICT DO NOTHING`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

export async function selectVote(
  db: Database,
  challengeId: string,
  personId: string,
): Promise<{ submission_id: string; voted_at: Date } | undefined> {
  const { rows } = await sql<{ submission_id: string; voted_at: Date }>`SELECT submission_id, voted_at
    FROM portfolio.votes WHERE challenge_id = ${challengeId} AND person_id = ${personId}`.execute(db)
  return rows[0]
}

export async function selectVoteCounts(db: Database, challengeId: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ submission_id: string; votes: number }>`SELECT submission_id,
      count(*)::int AS votes
    FROM portfolio.votes WHERE challenge_id = ${challengeId} GROUP BY submission_id`.execute(db)
  return new Map(rows.map((row) => [row.submission_id, row.votes]))
}
