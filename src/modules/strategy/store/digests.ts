import { sql } from 'kysely'
import type { Database } from '../../../platform/db/database.ts'

/** Takes the week's digest for a person; false when it was already sent (or is being sent). */
export async function claimDigest(db: Database, week: string, personId: string): Promise<boolean> {
  const { rows } = await sql`INSERT INTO strategy.digests (week, person_id) VALUES (${week}, ${personId})
    ON CONFLICT DO NOTHING RETURNING person_id`.execute(db)
  return rows.length > 0
}

/** Gives the claim back when the mail could not be sent, so the job's retry sends it. */
export async function releaseDigest(db: Database, week: string, personId: string): Promise<void> {
  await sql`DELETE FROM strategy.digests WHERE week = ${week} AND person_id = ${personId}`.execute(db)
}
