import { sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { AuditEntry } from './audit-entry.ts'

// Any fixed number; appends from every node queue on it so the chain stays one line.
const APPEND_LOCK = 7_302_022

interface AuditRow {
  seq: number
  at: Date
  actor_type: AuditEntry['actorType']
  actor_id: string | null
  action: string
  target_type: string | null
  target_id: string | null
  outcome: AuditEntry['outcome']
  details: Record<string, unknown>
  request_id: string | null
  ip: string | null
  prev_hash: string
  hash: string
}

export async function lockChain(trx: Database): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx)
}

export async function selectLastLink(trx: Database): Promise<{ seq: number; hash: string } | undefined> {
  const { rows } = await sql<{ seq: number; hash: string }>`
    SELECT seq, hash FROM platform.audit_log ORDER BY seq DESC LIMIT 1`.execute(trx)
  return rows[0]
}

export async function insertEntry(trx: Database, entry: AuditEntry): Promise<void> {
  await sql`INSERT INTO platform.audit_log (seq, at, actor_type, actor_id, action, target_type, target_id,
      outcome, details, request_id, ip, prev_hash, hash)
    VALUES (${entry.seq}, ${entry.at}, ${entry.actorType}, ${entry.actorId}, ${entry.action}, ${entry.targetType},
      ${entry.targetId}, ${entry.outcome}, ${JSON.stringify(entry.details)}::jsonb, ${entry.requestId}, ${entry.ip},
      ${entry.prevHash}, ${entry.hash})`.execute(trx)
}

export interface AuditFilter {
  actorType?: string | undefined
  actorId?: string | undefined
  action?: string | undefined
  targetType?: string | undefined
  targetId?: string | undefined
  outcome?: string | undefined
  from?: string | undefined
  to?: string | undefined
  /** Entries older than this sequence number (keyset paging, newest first). */
  before?: number | undefined
  limit: number
}

export async function selectEntries(db: Database, filter: AuditFilter): Promise<AuditEntry[]> {
  const { rows } = await sql<AuditRow>`
    SELECT * FROM platform.audit_log
    WHERE (${filter.actorType ?? null}::text IS NULL OR actor_type = ${filter.actorType ?? null})
      AND (${filter.actorId ?? null}::text IS NULL OR actor_id = ${filter.actorId ?? null})
      AND (${filter.action ?? null}::text IS NULL OR action = ${filter.action ?? null}
        OR action LIKE ${`${filter.action ?? ''}.%`})
      AND (${filter.targetType ?? null}::text IS NULL OR target_type = ${filter.targetType ?? null})
      AND (${filter.targetId ?? null}::text IS NULL OR target_id = ${filter.targetId ?? null})
      AND (${filter.outcome ?? null}::text IS NULL OR outcome = ${filter.outcome ?? null})
      AND (${filter.from ?? null}::timestamptz IS NULL OR at >= ${filter.from ?? null}::timestamptz)
      AND (${filter.to ?? null}::timestamptz IS NULL OR at < ${filter.to ?? null}::timestamptz)
      AND (${filter.before ?? null}::bigint IS NULL OR seq < ${filter.before ?? null}::bigint)
    ORDER BY seq DESC LIMIT ${filter.limit}`.execute(db)
  return rows.map(toEntry)
}

/** Entries after a sequence number, oldest first: the verifier walks the chain page by page. */
export async function selectChainPage(db: Database, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const { rows } = await sql<AuditRow>`
    SELECT * FROM platform.audit_log WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`.execute(db)
  return rows.map(toEntry)
}

export async function countEntries(db: Database): Promise<number> {
  const { rows } = await sql<{ count: number }>`SELECT count(*) AS count FROM platform.audit_log`.execute(db)
  return rows[0]?.count ?? 0
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    details: row.details,
    requestId: row.request_id,
    ip: row.ip,
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}
