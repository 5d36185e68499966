import { sql } from 'kysely'
import type { AssuranceLevel } from '../../../platform/access/access.ts'
import type { Database } from '../../../platform/db/database.ts'

export interface SessionRow {
  id: string
  person_id: string
  csrf_token: string
  created_at: Date
  last_seen_at: Date
  expires_at: Date
  user_agent: string
  ip: string
}

export async function insertSession(
  db: Database,
  session: {
    idHash: string
    personId: string
    csrfToken: string
    expiresAt: Date
    userAgent: string
    ip: string
  },
): Promise<void> {
  await sql`INSERT INTO identity.sessions (id, person_id, csrf_token, expires_at, user_agent, ip)
    VALUES (${session.idHash}, ${session.personId}, ${session.csrfToken}, ${session.expiresAt},
      ${session.userAgent}, ${session.ip})`.execute(db)
}

export interface LiveSession {
  id: string
  person_id: string
  csrf_token: string
  assurance_level: AssuranceLevel
  last_seen_at: Date
}

/** A session that is neither revoked, expired, idle too long, nor of a deleted person. */
export async function selectLiveSession(
  db: Database,
  idHash: string,
  idleMinutes: number,
): Promise<LiveSession | undefined> {
  const { rows } =
    await sql<LiveSession>`SELECT s.id, s.person_id, s.csrf_token, p.assurance_level, s.last_seen_at
    FROM identity.sessions s JOIN identity.people p ON p.id = s.person_id
    WHERE s.id = ${idHash} AND s.revoked_at IS NULL AND s.expires_at > now()
      AND s.last_seen_at > now() - make_interval(mins => ${idleMinutes}) AND p.status = 'active'`.execute(db)
  return rows[0]
}

export async function touchSession(db: Database, idHash: string): Promise<void> {
  await sql`UPDATE identity.sessions SET last_seen_at = now() WHERE id = ${idHash}`.execute(db)
}

export async function selectSessions(db: Database, personId: string): Promise<SessionRow[]> {
  const { rows } =
    await sql<SessionRow>`SELECT id, person_id, csrf_token, created_at, last_seen_at, expires_at, user_agent, ip
    FROM identity.sessions WHERE person_id = ${personId} AND revoked_at IS NULL AND expires_at > now()
    ORDER BY last_seen_at DESC`.execute(db)
  return rows
}

export async function revokeSession(db: Database, personId: string, idHash: string): Promise<boolean> {
  const result = await sql`UPDATE identity.sessions SET revoked_at = now()
    WHERE id = ${idHash} AND person_id = ${personId} AND revoked_at IS NULL`.execute(db)
  return Number(result.numAffectedRows ?? 0) > 0
}

export async function revokeAllSessions(db: Database, personId: string, except?: string): Promise<number> {
  const result = await sql`UPDATE identity.sessions SET revoked_at = now()
    WHERE person_id = ${personId} AND revoked_at IS NULL AND id <> ${except ?? ''}`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
