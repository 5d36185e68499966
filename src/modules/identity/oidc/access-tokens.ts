import type { Actor } from '../../../platform/access/access.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { selectPerson } from '../store/people.ts'
import { oidcProvider } from './provider.ts'
import { actionsOfScopes } from './scopes.ts'

/**
 * An access token the provider issued, used as a bearer credential on Cetate's own APIs. It acts
 * for its person, narrowed to the actions its `cetate:` scopes name. Expired and revoked tokens,
 * tokens of a removed client and of a deleted account are no credential.
 */
export async function identifyAccessToken(context: ModuleContext, token: string): Promise<Actor | undefined> {
  // Until the server listens there is no issuer, hence no token of ours.
  if (!context.settings.publicUrl) return undefined
  const provider = await oidcProvider(context)
  const accessToken = await provider.AccessToken.find(token)
  if (!accessToken?.accountId || !accessToken.clientId) return undefined
  if (!(await provider.Client.find(accessToken.clientId))) return undefined
  const person = await selectPerson(context.db, accessToken.accountId)
  if (!person) return undefined
  return {
    kind: 'person',
    personId: person.id,
    assurance: person.assurance_level,
    via: 'token',
    scopes: actionsOfScopes(accessToken.scope ?? ''),
  }
}
