import { sql } from 'kysely'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { RequestOrigin } from '../commands/sessions.ts'
import { selectKeysOf } from '../store/api-keys.ts'
import { selectConsentHistory, selectDataUses, selectPurposeStates } from '../store/consents.ts'
import { selectIdentityChecks } from '../store/identity-checks.ts'
import { getAccount, listSessions } from './account.ts'

export async function listConsents(context: ModuleContext, personId: string) {
  return selectPurposeStates(context.db, personId)
}

export async function listDataUses(context: ModuleContext, personId: string) {
  return (await selectDataUses(context.db, personId)).map((use) => ({
    organisation: use.organisation,
    service: use.service,
    kind: use.kind,
    dataCategories: use.data_categories,
    purpose: use.purpose,
    lawfulBasis: use.lawful_basis,
    recordedAt: use.recorded_at.toISOString(),
  }))
}

/** Everything the platform holds about the person, as one JSON document (GDPR art. 15 and 20). */
export async function exportMyData(context: ModuleContext, personId: string, origin: RequestOrigin) {
  const { rows: auditRows } = await sql<{
    seq: number
    at: Date
    action: string
    outcome: string
    actor_type: string
    ip: string | null
  }>`
    SELECT seq, at, action, outcome, actor_type, ip FROM platform.audit_log
    WHERE actor_id = ${personId} OR target_id = ${personId} ORDER BY seq`.execute(context.db)
  const data = {
    exportedAt: new Date().toISOString(),
    account: await getAccount(context, personId),
    sessions: (await listSessions(context, personId, undefined)).map(
      ({ id: _id, current: _current, ...session }) => session,
    ),
    identityChecks: (await selectIdentityChecks(context.db, personId)).map((check) => ({
      level: check.level,
      documentType: check.document_type,
      documentReference: check.document_reference,
      checkedAt: check.checked_at.toISOString(),
      clerk: check.clerk_name,
    })),
    apiKeys: (await selectKeysOf(context.db, { personId })).map((key) => ({
      name: key.name,
      prefix: key.prefix,
      scopes: key.scopes,
      createdAt: key.created_at.toISOString(),
      revokedAt: key.revoked_at?.toISOString() ?? null,
    })),
    consents: await listConsents(context, personId),
    consentHistory: (await selectConsentHistory(context.db, personId)).map((event) => ({
      ...event,
      at: event.at.toISOString(),
    })),
    personalDataUses: await listDataUses(context, personId),
    activity: auditRows.map((row) => ({
      at: row.at.toISOString(),
      action: row.action,
      outcome: row.outcome,
      by: row.actor_type,
      ip: row.ip,
    })),
  }
  await recordAudit(context.db, {
    actor: { type: 'person', id: personId },
    action: 'identity.account.export',
    outcome: 'success',
    requestId: origin.requestId,
    ip: origin.ip,
  })
  return data
}
