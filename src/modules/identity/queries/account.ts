import type { Actor, AssuranceLevel } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { RequestOrigin } from '../commands/sessions.ts'
import { selectIdentityChecks } from '../store/identity-checks.ts'
import { searchPeople, selectPerson } from '../store/people.ts'
import { selectStanding } from '../store/roles.ts'
import { selectSessions } from '../store/sessions.ts'

const HOW_TO_RAISE: Record<AssuranceLevel, string | null> = {
  low: 'Bring an identity card or passport to a City Hall counter: a clerk checks it and raises your account to "substantial".',
  substantial:
    'A clerk can raise your account to "high" after checking your document in person with the stricter procedure.',
  high: null,
}

export async function getAccount(context: ModuleContext, personId: string) {
  const person = await selectPerson(context.db, personId)
  if (!person) throw new Problem(404, 'PERSON_NOT_FOUND', 'No such account', 'The account was deleted.')
  const standing = await selectStanding(context.db, personId)
  return {
    id: person.id,
    email: person.email,
    emailVerified: person.email_verified_at !== null,
    displayName: person.display_name,
    preferredLanguage: person.preferred_language,
    assurance: {
      level: person.assurance_level,
      method: person.assurance_method,
      howToRaise: HOW_TO_RAISE[person.assurance_level],
    },
    platformRoles: standing.platformRoles,
    memberships: standing.memberships.map((m) => ({ organisation: m.organisationSlug, role: m.role })),
  }
}

export async function listSessions(context: ModuleContext, personId: string, currentId: string | undefined) {
  const sessions = await selectSessions(context.db, personId)
  return sessions.map((session) => ({
    id: session.id,
    current: session.id === currentId,
    createdAt: session.created_at.toISOString(),
    lastSeenAt: session.last_seen_at.toISOString(),
    expiresAt: session.expires_at.toISOString(),
    userAgent: session.user_agent,
    ip: session.ip,
  }))
}

/** Staff reading personal data is itself recorded. */
export async function findPeople(
  context: ModuleContext,
  actor: Actor,
  query: string,
  limit: number,
  origin: RequestOrigin,
) {
  const rows = await searchPeople(context.db, query, limit)
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'identity.person.read',
    outcome: 'success',
    details: { search: query, results: rows.length },
    requestId: origin.requestId,
    ip: origin.ip,
  })
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    assuranceLevel: row.assurance_level,
    emailVerified: row.email_verified_at !== null,
    createdAt: row.created_at.toISOString(),
  }))
}

export async function getPersonForStaff(
  context: ModuleContext,
  actor: Actor,
  personId: string,
  origin: RequestOrigin,
) {
  const account = await getAccount(context, personId)
  const checks = await selectIdentityChecks(context.db, personId)
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'identity.person.read',
    target: { type: 'person', id: personId },
    outcome: 'success',
    requestId: origin.requestId,
    ip: origin.ip,
  })
  return {
    ...account,
    identityChecks: checks.map((check) => ({
      level: check.level,
      documentType: check.document_type,
      documentReference: check.document_reference,
      checkedAt: check.checked_at.toISOString(),
      clerk: check.clerk_name,
    })),
  }
}
