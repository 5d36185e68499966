import type { AssuranceLevel } from '../../../platform/access/access.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { passwordMatches } from '../passwords.ts'
import { hashSecret, newSecret } from '../secrets.ts'
import { SESSION_DAYS } from '../session-cookie.ts'
import { clearFailedSignIns, recordFailedSignIn, selectPersonByEmail } from '../store/people.ts'
import {
  insertSession,
  revokeAllSessions,
  revokeSession,
  selectLiveSession,
  touchSession,
} from '../store/sessions.ts'

const IDLE_MINUTES = 7 * 24 * 60
const TOUCH_AFTER_MS = 5 * 60_000
export const FAILED_SIGN_IN_LIMIT = 5
export const LOCK_MINUTES = 15

export interface RequestOrigin {
  ip: string
  userAgent: string
  requestId: string
}

export interface OpenedSession {
  /** The cookie value; only its hash is stored. */
  secret: string
  csrfToken: string
  personId: string
}

export interface IdentifiedSession {
  id: string
  personId: string
  csrfToken: string
  assurance: AssuranceLevel
}

export async function identifySession(
  context: ModuleContext,
  secret: string,
): Promise<IdentifiedSession | undefined> {
  const id = hashSecret(secret)
  const session = await selectLiveSession(context.db, id, IDLE_MINUTES)
  if (!session) return undefined
  if (Date.now() - session.last_seen_at.getTime() > TOUCH_AFTER_MS) await touchSession(context.db, id)
  return {
    id,
    personId: session.person_id,
    csrfToken: session.csrf_token,
    assurance: session.assurance_level,
  }
}

const wrongCredentials = () =>
  new Problem(
    401,
    'SIGN_IN_FAILED',
    'Email or password is wrong',
    'Check both and try again, or reset your password.',
  )

/** Signs a person in with email and password and opens a new session. */
export async function signIn(
  context: ModuleContext,
  credentials: { email: string; password: string },
  origin: RequestOrigin,
  previousSecret: string | undefined,
): Promise<OpenedSession> {
  const person = await selectPersonByEmail(context.db, credentials.email)
  const audit = { action: 'identity.sign_in', requestId: origin.requestId, ip: origin.ip }
  if (person?.locked_until && person.locked_until > new Date()) {
    await recordAudit(context.db, {
      ...audit,
      actor: { type: 'person', id: person.id },
      outcome: 'denied',
      details: { reason: 'locked' },
    })
    throw new Problem(
      429,
      'ACCOUNT_LOCKED',
      'Too many failed sign-ins',
      `Try again after ${person.locked_until.toISOString()}, or reset your password now.`,
      {
        retryAfter: person.locked_until.toISOString(),
      },
    )
  }
  const matches = await passwordMatches(person?.password_hash ?? null, credentials.password)
  if (!person || !matches) {
    const lockedUntil = person
      ? await recordFailedSignIn(context.db, person.id, FAILED_SIGN_IN_LIMIT, LOCK_MINUTES)
      : null
    await recordAudit(context.db, {
      ...audit,
      actor: person ? { type: 'person', id: person.id } : { type: 'anonymous' },
      outcome: 'failure',
      details: { reason: person ? 'wrong_password' : 'unknown_email', locked: Boolean(lockedUntil) },
    })
    throw wrongCredentials()
  }
  return openSession(context, person.id, 'password', origin, previousSecret)
}

/**
 * Opens a new session after a successful sign-in. A new session is always a new random secret,
 * so a session planted before sign-in is never promoted (no fixation); the one it replaces ends.
 */
export async function openSession(
  context: ModuleContext,
  personId: string,
  method: 'password' | 'passkey',
  origin: RequestOrigin,
  previousSecret: string | undefined,
): Promise<OpenedSession> {
  const opened: OpenedSession = { secret: newSecret(), csrfToken: newSecret(24), personId }
  await context.db.transaction().execute(async (trx) => {
    if (previousSecret) await revokeSession(trx, personId, hashSecret(previousSecret))
    await clearFailedSignIns(trx, personId)
    await insertSession(trx, {
      idHash: hashSecret(opened.secret),
      personId,
      csrfToken: opened.csrfToken,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600_000),
      userAgent: origin.userAgent.slice(0, 300),
      ip: origin.ip,
    })
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: 'identity.sign_in',
      outcome: 'success',
      details: { method },
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
  return opened
}

export async function signOut(
  context: ModuleContext,
  personId: string,
  sessionId: string,
  origin: RequestOrigin,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    await revokeSession(trx, personId, sessionId)
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: 'identity.sign_out',
      outcome: 'success',
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}

export async function endSession(
  context: ModuleContext,
  personId: string,
  sessionId: string,
  origin: RequestOrigin,
): Promise<void> {
  const ended = await context.db.transaction().execute(async (trx) => {
    const revoked = await revokeSession(trx, personId, sessionId)
    if (revoked) {
      await recordAudit(trx, {
        actor: { type: 'person', id: personId },
        action: 'identity.session.revoke',
        target: { type: 'session', id: sessionId.slice(0, 12) },
        outcome: 'success',
        requestId: origin.requestId,
        ip: origin.ip,
      })
    }
    return revoked
  })
  if (!ended)
    throw new Problem(
      404,
      'SESSION_NOT_FOUND',
      'No such session',
      'That session has already ended or is not yours.',
    )
}

export async function endOtherSessions(
  context: ModuleContext,
  personId: string,
  keep: string,
  origin: RequestOrigin,
): Promise<number> {
  return context.db.transaction().execute(async (trx) => {
    const count = await revokeAllSessions(trx, personId, keep)
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: 'identity.session.revoke_others',
      outcome: 'success',
      details: { count },
      requestId: origin.requestId,
      ip: origin.ip,
    })
    return count
  })
}
