import type Provider from 'oidc-provider'
import type { Actor } from '../../../../platform/access/access.ts'
import { Problem } from '../../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../../platform/module.ts'
import { getAccount } from '../../queries/account.ts'
import { atLeast } from '../acr.ts'
import { getInteraction, requiredLevel } from '../interaction.ts'
import { describeScope, SUPPORTED_SCOPES } from '../scopes.ts'

/** What the web page needs to ask the person: who asks, for what, and whether they can give it. */
export async function describeInteraction(
  context: ModuleContext,
  provider: Provider,
  uid: string,
  actor: Actor,
) {
  const interaction = await getInteraction(provider, uid)
  const clientId = String(interaction.params.client_id)
  const client = await provider.Client.find(clientId)
  if (!client)
    throw new Problem(404, 'OIDC_CLIENT_NOT_FOUND', 'No such application', 'The application was removed.')
  const requested = String(interaction.params.scope ?? '')
    .split(' ')
    .filter((scope) => SUPPORTED_SCOPES.includes(scope))
  const details = interaction.prompt.details as { missingOIDCClaims?: string[] }
  const account =
    actor.kind === 'person' && actor.via === 'session' ? await getAccount(context, actor.personId) : null
  const required = requiredLevel(interaction.params) ?? null
  return {
    uid,
    prompt: interaction.prompt.name === 'consent' ? ('consent' as const) : ('login' as const),
    client: { id: client.clientId, name: client.clientName ?? client.clientId },
    scopes: requested.map((name) => ({ name, description: describeScope(name) })),
    claims: details.missingOIDCClaims ?? [],
    signInNeeded: account === null,
    account: account && { displayName: account.displayName, email: account.email },
    assurance: {
      required,
      current: account?.assurance.level ?? null,
      sufficient: account ? !required || atLeast(account.assurance.level, required) : null,
      howToRaise:
        account && required && !atLeast(account.assurance.level, required)
          ? account.assurance.howToRaise
          : null,
    },
  }
}
