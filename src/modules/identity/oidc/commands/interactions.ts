import type Provider from 'oidc-provider'
import type { Actor } from '../../../../platform/access/access.ts'
import { recordAudit } from '../../../../platform/audit/audit-log.ts'
import { Problem } from '../../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../../platform/module.ts'
import type { RequestOrigin } from '../../commands/sessions.ts'
import { getAccount } from '../../queries/account.ts'
import { ACR_URIS, atLeast } from '../acr.ts'
import { finishStep, getInteraction, type OidcInteraction, requiredLevel } from '../interaction.ts'

type SessionPerson = Extract<Actor, { kind: 'person' }>

/** The provider's sign-in is the person's Cetate session: a token from an app cannot sign in. */
function sessionPerson(actor: Actor): SessionPerson {
  if (actor.kind !== 'person' || actor.via !== 'session')
    throw new Problem(
      403,
      'OIDC_SESSION_REQUIRED',
      'Sign in to Cetate first',
      'Sign in with /api/account/sign-in in this browser, then continue.',
    )
  return actor
}

function expectStep(interaction: OidcInteraction, step: 'login' | 'consent'): void {
  if (interaction.prompt.name !== step)
    throw new Problem(
      409,
      'OIDC_INTERACTION_STEP',
      'Not this step',
      `This sign-in request is waiting for "${interaction.prompt.name}", not "${step}".`,
    )
}

const audit = (origin: RequestOrigin) => ({ requestId: origin.requestId, ip: origin.ip })

/**
 * Signs the person into the relying party with their Cetate session. When the client demands a
 * higher level of assurance than the account has, the answer says how to raise it; nothing is
 * completed behind the person's back.
 */
export async function signInThroughOidc(
  context: ModuleContext,
  provider: Provider,
  uid: string,
  actor: Actor,
  origin: RequestOrigin,
): Promise<{ redirectTo: string }> {
  const person = sessionPerson(actor)
  const interaction = await getInteraction(provider, uid)
  expectStep(interaction, 'login')
  const clientId = String(interaction.params.client_id)
  const account = await getAccount(context, person.personId)
  const required = requiredLevel(interaction.params)
  const level = account.assurance.level
  if (required && !atLeast(level, required)) {
    await recordAudit(context.db, {
      actor: { type: 'person', id: person.personId },
      action: 'identity.oidc.sign_in',
      target: { type: 'oidc_client', id: clientId },
      outcome: 'denied',
      details: { reason: 'assurance_too_low', required, level },
      ...audit(origin),
    })
    throw new Problem(
      403,
      'OIDC_ASSURANCE_TOO_LOW',
      'A higher level of assurance is needed',
      `This application requires an account verified to "${required}"; yours is "${level}". ${account.assurance.howToRaise ?? ''}`.trim(),
      { required, current: level, howToRaise: account.assurance.howToRaise },
    )
  }
  const finished = await finishStep(interaction, {
    login: { accountId: person.personId, acr: ACR_URIS[level], amr: ['pwd'], remember: true },
  })
  await recordAudit(context.db, {
    actor: { type: 'person', id: person.personId },
    action: 'identity.oidc.sign_in',
    target: { type: 'oidc_client', id: clientId },
    outcome: 'success',
    details: { acr: ACR_URIS[level] },
    ...audit(origin),
  })
  return finished
}

/** The person's answer to the consent screen; a grant remembers what they agreed to share. */
export async function answerConsent(
  context: ModuleContext,
  provider: Provider,
  uid: string,
  actor: Actor,
  approve: boolean,
  origin: RequestOrigin,
): Promise<{ redirectTo: string }> {
  const person = sessionPerson(actor)
  const interaction = await getInteraction(provider, uid)
  expectStep(interaction, 'consent')
  if (interaction.session?.accountId !== person.personId)
    throw new Problem(
      409,
      'OIDC_ACCOUNT_MISMATCH',
      'Signed in as someone else',
      'This request was started by another account; go back to the application and start again.',
    )
  const clientId = String(interaction.params.client_id)
  const details = interaction.prompt.details as {
    missingOIDCScope?: string[]
    missingOIDCClaims?: string[]
    missingResourceScopes?: Record<string, string[]>
  }
  const event = {
    actor: { type: 'person' as const, id: person.personId },
    action: 'identity.oidc.consent',
    target: { type: 'oidc_client', id: clientId },
    ...audit(origin),
  }
  if (!approve) {
    await recordAudit(context.db, { ...event, outcome: 'denied' })
    return finishStep(interaction, {
      error: 'access_denied',
      error_description: 'The person declined to share this with the application.',
    })
  }
  const grant =
    (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
    new provider.Grant({ accountId: person.personId, clientId })
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '))
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims)
  for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {}))
    grant.addResourceScope(resource, scopes.join(' '))
  const grantId = await grant.save()
  await recordAudit(context.db, {
    ...event,
    outcome: 'success',
    details: { scopes: details.missingOIDCScope ?? [], claims: details.missingOIDCClaims ?? [] },
  })
  return finishStep(interaction, { consent: { grantId } })
}

/**
 * The person gives up. The relying party learns why: an account below the demanded level is
 * `unmet_authentication_requirements` (OpenID Connect Core 3.1.2.6), anything else `access_denied`.
 */
export async function abortInteraction(
  context: ModuleContext,
  provider: Provider,
  uid: string,
  actor: Actor,
  origin: RequestOrigin,
): Promise<{ redirectTo: string }> {
  const interaction = await getInteraction(provider, uid)
  const required = requiredLevel(interaction.params)
  const account =
    actor.kind === 'person' && actor.via === 'session' ? await getAccount(context, actor.personId) : undefined
  const tooLow = required && account && !atLeast(account.assurance.level, required)
  await recordAudit(context.db, {
    actor: account ? { type: 'person', id: account.id } : { type: 'anonymous' },
    action: 'identity.oidc.abort',
    target: { type: 'oidc_client', id: String(interaction.params.client_id) },
    outcome: 'denied',
    details: { step: interaction.prompt.name, reason: tooLow ? 'assurance_too_low' : 'cancelled' },
    ...audit(origin),
  })
  return finishStep(
    interaction,
    tooLow
      ? {
          error: 'unmet_authentication_requirements',
          error_description: `The account's level of assurance is ${account.assurance.level}; the application requires ${required}.`,
        }
      : { error: 'access_denied', error_description: 'The person cancelled the sign-in.' },
  )
}
