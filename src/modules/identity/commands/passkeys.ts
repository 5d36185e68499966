import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { newSecret } from '../secrets.ts'
import {
  consumeChallenge,
  deletePasskey,
  insertChallenge,
  insertPasskey,
  selectPasskey,
  selectPasskeysOf,
  updatePasskeyUse,
} from '../store/passkeys.ts'
import { selectPerson } from '../store/people.ts'
import { type OpenedSession, openSession, type RequestOrigin } from './sessions.ts'

const CEREMONY_MS = 5 * 60_000

/** The relying party is the address people open; a passkey works only there. */
function relyingParty(context: ModuleContext): { id: string; origin: string } {
  const url = new URL(context.settings.publicUrl)
  return { id: url.hostname, origin: url.origin }
}

const ceremonyFailed = (detail: string) =>
  new Problem(400, 'PASSKEY_NOT_VERIFIED', 'The passkey could not be verified', detail)

export async function startPasskeyRegistration(context: ModuleContext, personId: string) {
  const person = await selectPerson(context.db, personId)
  if (!person) throw new Problem(404, 'PERSON_NOT_FOUND', 'No such account', 'The account was deleted.')
  const existing = await selectPasskeysOf(context.db, personId)
  const options = await generateRegistrationOptions({
    rpName: 'Cetate',
    rpID: relyingParty(context).id,
    userName: person.email,
    userDisplayName: person.display_name,
    userID: new TextEncoder().encode(person.id),
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: passkey.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    timeout: CEREMONY_MS,
  })
  const challengeId = newSecret(16)
  await insertChallenge(context.db, {
    id: challengeId,
    personId,
    purpose: 'register',
    challenge: options.challenge,
    expiresAt: new Date(Date.now() + CEREMONY_MS),
  })
  return { challengeId, options }
}

export async function finishPasskeyRegistration(
  context: ModuleContext,
  personId: string,
  input: { challengeId: string; name: string; response: RegistrationResponseJSON },
  origin: RequestOrigin,
): Promise<void> {
  const challenge = await consumeChallenge(context.db, input.challengeId, 'register', personId)
  if (!challenge) throw ceremonyFailed('The registration took too long or was already used; start again.')
  const party = relyingParty(context)
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
  }).catch((error: Error) => {
    throw ceremonyFailed(error.message)
  })
  if (!verification.verified) throw ceremonyFailed('The authenticator’s answer did not match the request.')
  const { credential } = verification.registrationInfo
  await context.db.transaction().execute(async (trx) => {
    await insertPasskey(trx, {
      id: credential.id,
      personId,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name: input.name,
    })
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: 'identity.passkey.add',
      target: { type: 'passkey', id: credential.id.slice(0, 16) },
      outcome: 'success',
      details: { name: input.name },
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}

export async function startPasskeySignIn(context: ModuleContext) {
  // No credentials listed: the authenticator offers the passkeys it holds for this site.
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(context).id,
    userVerification: 'preferred',
    timeout: CEREMONY_MS,
  })
  const challengeId = newSecret(16)
  await insertChallenge(context.db, {
    id: challengeId,
    personId: null,
    purpose: 'sign_in',
    challenge: options.challenge,
    expiresAt: new Date(Date.now() + CEREMONY_MS),
  })
  return { challengeId, options }
}

export async function finishPasskeySignIn(
  context: ModuleContext,
  input: { challengeId: string; response: AuthenticationResponseJSON },
  origin: RequestOrigin,
  previousSecret: string | undefined,
): Promise<OpenedSession> {
  const challenge = await consumeChallenge(context.db, input.challengeId, 'sign_in', null)
  if (!challenge) throw ceremonyFailed('The sign-in took too long or was already used; start again.')
  const passkey = await selectPasskey(context.db, input.response.id)
  const refuse = async (reason: string) => {
    await recordAudit(context.db, {
      actor: passkey ? { type: 'person', id: passkey.person_id } : { type: 'anonymous' },
      action: 'identity.sign_in',
      outcome: 'failure',
      details: { method: 'passkey', reason },
      requestId: origin.requestId,
      ip: origin.ip,
    })
    return new Problem(
      401,
      'SIGN_IN_FAILED',
      'The passkey was not accepted',
      'Use a passkey registered on this site, or sign in with your password.',
    )
  }
  if (!passkey) throw await refuse('unknown_passkey')
  const party = relyingParty(context)
  const verification = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    credential: {
      id: passkey.id,
      publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
      counter: passkey.counter,
      transports: passkey.transports,
    },
  }).catch(() => ({ verified: false as const, authenticationInfo: undefined }))
  if (!verification.verified || !verification.authenticationInfo) throw await refuse('signature_invalid')
  await updatePasskeyUse(context.db, passkey.id, verification.authenticationInfo.newCounter)
  return openSession(context, passkey.person_id, 'passkey', origin, previousSecret)
}

export async function listPasskeys(context: ModuleContext, personId: string) {
  return (await selectPasskeysOf(context.db, personId)).map((passkey) => ({
    id: passkey.id,
    name: passkey.name,
    createdAt: passkey.created_at.toISOString(),
    lastUsedAt: passkey.last_used_at?.toISOString() ?? null,
  }))
}

export async function removePasskey(
  context: ModuleContext,
  personId: string,
  id: string,
  origin: RequestOrigin,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    if (!(await deletePasskey(trx, personId, id))) {
      throw new Problem(
        404,
        'PASSKEY_NOT_FOUND',
        'No such passkey',
        'That passkey is not registered to your account.',
      )
    }
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: 'identity.passkey.remove',
      target: { type: 'passkey', id: id.slice(0, 16) },
      outcome: 'success',
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}
