import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { Language } from '../../../platform/text/localized.ts'
import { MAIL_MESSAGES } from '../mail-messages.ts'
import { checkPasswordRules, hashPassword } from '../passwords.ts'
import { hashSecret, newSecret } from '../secrets.ts'
import { insertDataUse } from '../store/consents.ts'
import { consumeMailToken, insertMailToken, type MailPurpose } from '../store/mail-tokens.ts'
import { selectOperatorId } from '../store/organisations.ts'
import {
  insertPerson,
  markEmailVerified,
  type PersonRow,
  selectPerson,
  selectPersonByEmail,
  setPasswordHash,
  updateProfile,
} from '../store/people.ts'
import { revokeAllSessions } from '../store/sessions.ts'
import type { RequestOrigin } from './sessions.ts'

const LINK_LIFETIME_MS: Record<MailPurpose, number> = {
  verify_email: 24 * 3600_000,
  reset_password: 3600_000,
}
const LINK_PATH: Record<MailPurpose, string> = {
  verify_email: '/account/verify-email',
  reset_password: '/account/reset-password',
}

export async function signUp(
  context: ModuleContext,
  input: { email: string; password: string; displayName: string; preferredLanguage: Language },
  origin: RequestOrigin,
): Promise<string> {
  const email = input.email.trim()
  checkPasswordRules(input.password, email)
  if (await selectPersonByEmail(context.db, email)) {
    throw new Problem(
      409,
      'EMAIL_TAKEN',
      'This email already has an account',
      'Sign in instead, or reset the password if it is forgotten.',
    )
  }
  const passwordHash = await hashPassword(input.password)
  const person = await context.db.transaction().execute(async (trx) => {
    const created = await insertPerson(trx, {
      email,
      passwordHash,
      displayName: input.displayName.trim(),
      preferredLanguage: input.preferredLanguage,
    })
    await insertDataUse(trx, {
      personId: created.id,
      organisationId: await selectOperatorId(trx),
      service: 'identity.accounts',
      kind: 'holds',
      dataCategories: ['name', 'email', 'preferred_language'],
      purpose: 'Your account on the city platform',
      lawfulBasis: 'contract',
    })
    await recordAudit(trx, {
      actor: { type: 'person', id: created.id },
      action: 'identity.account.create',
      target: { type: 'person', id: created.id },
      outcome: 'success',
      details: { assurance: 'low', method: 'self_registered' },
      requestId: origin.requestId,
      ip: origin.ip,
    })
    return created
  })
  await sendLink(context, person, 'verify_email')
  return person.id
}

async function sendLink(context: ModuleContext, person: PersonRow, purpose: MailPurpose): Promise<void> {
  const token = newSecret()
  await insertMailToken(context.db, {
    hash: hashSecret(token),
    personId: person.id,
    purpose,
    expiresAt: new Date(Date.now() + LINK_LIFETIME_MS[purpose]),
  })
  const link = `${context.settings.publicUrl}${LINK_PATH[purpose]}?token=${token}`
  const message = MAIL_MESSAGES[purpose][person.preferred_language](link, person.display_name)
  await context.mail.send({ to: person.email, subject: message.subject, text: message.text })
}

export async function resendVerification(context: ModuleContext, personId: string): Promise<void> {
  const person = await selectPerson(context.db, personId)
  if (!person || person.email_verified_at) return
  await sendLink(context, person, 'verify_email')
}

const invalidLink = () =>
  new Problem(
    400,
    'LINK_INVALID',
    'This link no longer works',
    'It was already used or has expired; ask for a new one.',
  )

export async function verifyEmail(
  context: ModuleContext,
  token: string,
  origin: RequestOrigin,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const personId = await consumeMailToken(trx, hashSecret(token), 'verify_email')
    if (!personId) throw invalidLink()
    await markEmailVerified(trx, personId)
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: 'identity.email.verify',
      outcome: 'success',
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}

/** Always answers the same, so the form does not tell who has an account. */
export async function requestPasswordReset(
  context: ModuleContext,
  email: string,
  origin: RequestOrigin,
): Promise<void> {
  const person = await selectPersonByEmail(context.db, email)
  await recordAudit(context.db, {
    actor: person ? { type: 'person', id: person.id } : { type: 'anonymous' },
    action: 'identity.password.reset_request',
    outcome: person ? 'success' : 'failure',
    requestId: origin.requestId,
    ip: origin.ip,
  })
  if (person) await sendLink(context, person, 'reset_password')
}

/** Sets the new password and ends every session: whoever knew the old one is signed out. */
export async function resetPassword(
  context: ModuleContext,
  token: string,
  password: string,
  origin: RequestOrigin,
): Promise<void> {
  const passwordHash = await context.db.transaction().execute(async (trx) => {
    const personId = await consumeMailToken(trx, hashSecret(token), 'reset_password')
    if (!personId) throw invalidLink()
    const person = await selectPerson(trx, personId)
    if (!person) throw invalidLink()
    checkPasswordRules(password, person.email)
    const hashed = await hashPassword(password)
    await setPasswordHash(trx, personId, hashed)
    // Opening the link proves the mailbox too.
    await markEmailVerified(trx, personId)
    await revokeAllSessions(trx, personId)
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: 'identity.password.reset',
      outcome: 'success',
      requestId: origin.requestId,
      ip: origin.ip,
    })
    return hashed
  })
  if (!passwordHash) throw invalidLink()
}

export async function changeProfile(
  context: ModuleContext,
  personId: string,
  profile: { displayName?: string | undefined; preferredLanguage?: Language | undefined },
): Promise<void> {
  await updateProfile(context.db, personId, {
    displayName: profile.displayName?.trim(),
    preferredLanguage: profile.preferredLanguage,
  })
}
