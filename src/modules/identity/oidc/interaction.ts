import type Provider from 'oidc-provider'
import type { AssuranceLevel } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import { demandedLevel } from './acr.ts'

export type OidcInteraction = InstanceType<Provider['Interaction']>

export async function getInteraction(provider: Provider, uid: string): Promise<OidcInteraction> {
  const interaction = await provider.Interaction.find<OidcInteraction>(uid)
  if (!interaction)
    throw new Problem(
      404,
      'OIDC_INTERACTION_NOT_FOUND',
      'No such sign-in request',
      'This sign-in request has expired or was already finished; go back to the application and start again.',
    )
  return interaction
}

/** The level the relying party demanded, from the request's acr_values or its claims parameter. */
export function requiredLevel(params: Record<string, unknown>): AssuranceLevel | undefined {
  const fromValues = typeof params.acr_values === 'string' ? params.acr_values.split(' ') : []
  let fromClaims: unknown
  try {
    fromClaims =
      typeof params.claims === 'string'
        ? (JSON.parse(params.claims) as { id_token?: { acr?: unknown } }).id_token?.acr
        : undefined
  } catch {
    // The provider has already refused a malformed claims parameter; nothing to add here.
  }
  const claim = (fromClaims ?? {}) as { value?: unknown; values?: unknown }
  return demandedLevel({
    value: claim.value,
    values: [...fromValues, ...(Array.isArray(claim.values) ? claim.values : [])],
  })
}

/**
 * Records the outcome; the browser then goes to `returnTo`, where the provider resumes the
 * request. The resume cookie set when the request started ties that step to the same browser.
 */
export async function finishStep(
  interaction: OidcInteraction,
  result: Record<string, unknown>,
): Promise<{ redirectTo: string }> {
  interaction.result = 'error' in result ? result : { ...interaction.lastSubmission, ...result }
  await interaction.save(interaction.exp - Math.floor(Date.now() / 1000))
  return { redirectTo: interaction.returnTo }
}
