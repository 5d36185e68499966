import type { Database } from '../db/database.ts'
import { type AuditEntry, type AuditEvent, GENESIS_HASH } from './audit-entry.ts'
import { countEntries, insertEntry, lockChain, selectChainPage, selectLastLink } from './audit-store.ts'
import { entryHash } from './entry-hash.ts'

const SECRET_KEY = /pass(word)?|secret|token|api_?key|authorization|cookie/i

/**
 * Appends an entry. Given a transaction, the entry commits or rolls back with the action it
 * records; otherwise it commits on its own (for failures, which have nothing to roll back).
 */
export async function recordAudit(db: Database, event: AuditEvent): Promise<AuditEntry> {
  if (db.isTransaction) return append(db, event)
  return db.transaction().execute((trx) => append(trx, event))
}

async function append(trx: Database, event: AuditEvent): Promise<AuditEntry> {
  await lockChain(trx)
  const last = await selectLastLink(trx)
  const content: Omit<AuditEntry, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actorType: event.actor.type,
    actorId: event.actor.id ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    outcome: event.outcome,
    details: redact(event.details ?? {}),
    requestId: event.requestId ?? null,
    ip: event.ip ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  }
  const entry = { ...content, hash: entryHash(content) }
  await insertEntry(trx, entry)
  return entry
}

/** A careless caller must not put a credential into the permanent record. */
function redact(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, SECRET_KEY.test(key) ? '[redacted]' : value]),
  )
}

export type ChainCheck =
  | { intact: true; entries: number }
  | { intact: false; entries: number; brokenAt: number; reason: string }

/** Walks the whole chain; reports the first entry whose content or link does not hold. */
export async function verifyAuditChain(
  db: Database,
  onProgress: (checked: number, total: number) => void = () => {},
): Promise<ChainCheck> {
  const total = await countEntries(db)
  let previous = { seq: 0, hash: GENESIS_HASH }
  let checked = 0
  for (;;) {
    const page = await selectChainPage(db, previous.seq, 1000)
    if (page.length === 0) break
    for (const entry of page) {
      if (entry.seq !== previous.seq + 1) {
        return {
          intact: false,
          entries: total,
          brokenAt: previous.seq + 1,
          reason: `entry ${previous.seq + 1} is missing`,
        }
      }
      if (entry.prevHash !== previous.hash) {
        return {
          intact: false,
          entries: total,
          brokenAt: entry.seq,
          reason: 'it does not link to the entry before it',
        }
      }
      const { hash, ...content } = entry
      if (entryHash(content) !== hash) {
        return {
          intact: false,
          entries: total,
          brokenAt: entry.seq,
          reason: 'its content was changed after it was written',
        }
      }
      previous = entry
      checked++
    }
    onProgress(checked, total)
  }
  return { intact: true, entries: checked }
}
