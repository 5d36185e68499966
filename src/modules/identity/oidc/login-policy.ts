import { parseCookie } from 'cookie'
import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider'
import type { ModuleContext } from '../../../platform/module.ts'
import { identifySession } from '../commands/sessions.ts'
import { SESSION_COOKIE } from '../session-cookie.ts'
import { atLeast, demandedLevel, levelOfAcr } from './acr.ts'

const { Check, base } = interactionPolicy

export function requestedAcr(ctx: KoaContextWithOIDC) {
  return demandedLevel(ctx.oidc.claims.id_token?.acr as { value?: unknown; values?: unknown } | undefined)
}

/**
 * The default policy, with two changes to login:
 * - the provider's sign-in is the person's Cetate session: once that ends (sign-out, expiry,
 *   revocation), relying parties must ask again;
 * - `acr` values are ordered eIDAS levels: a demand (acr_values or an acr claim request) is met
 *   by that level or a higher one, never silently by a lower one. The default exact-match checks
 *   would send a "high" account round the interaction forever when "substantial" was asked.
 */
export function loginPolicy(context: ModuleContext) {
  const policy = base()
  const login = policy.get('login')!
  login.checks.remove('essential_acrs')
  login.checks.remove('essential_acr')
  login.checks.add(
    new Check(
      'cetate_session_ended',
      'the person is no longer signed in to Cetate',
      'login_required',
      async (ctx) => {
        const accountId = ctx.oidc.session?.accountId
        if (!accountId) return Check.NO_NEED_TO_PROMPT
        const cookies = ctx.req.headers.cookie
        const secret = cookies ? parseCookie(cookies)[SESSION_COOKIE] : undefined
        const session = secret ? await identifySession(context, secret) : undefined
        return session?.personId === accountId ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT
      },
    ),
  )
  login.checks.add(
    new Check(
      'assurance_too_low',
      'the account does not have the level of assurance the client requires',
      'unmet_authentication_requirements',
      (ctx) => {
        const required = requestedAcr(ctx)
        if (!required) return Check.NO_NEED_TO_PROMPT
        const current = ctx.oidc.acr ? levelOfAcr(ctx.oidc.acr) : undefined
        return current && atLeast(current, required) ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT
      },
      (ctx) => ({ requiredLevel: requestedAcr(ctx) }),
    ),
  )
  return policy
}
