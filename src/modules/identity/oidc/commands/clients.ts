import type { Actor } from '../../../../platform/access/access.ts'
import { auditActor } from '../../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../../platform/audit/audit-log.ts'
import { Problem } from '../../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../../platform/module.ts'
import type { RequestOrigin } from '../../commands/sessions.ts'
import { can } from '../../permissions.ts'
import { hashSecret, newSecret } from '../../secrets.ts'
import { API_SCOPES } from '../scopes.ts'
import { insertClient, markClientDeleted } from '../store/clients.ts'
import { deleteClientPayloads } from '../store/payloads.ts'

export const MANAGE_CLIENTS = 'identity.oidc_client.manage'
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

export interface NewClient {
  clientId?: string | undefined
  name: string
  redirectUris: readonly string[]
  postLogoutRedirectUris?: readonly string[] | undefined
  scopes?: readonly string[] | undefined
  public?: boolean | undefined
}

async function mayManage(context: ModuleContext, actor: Actor | 'system'): Promise<void> {
  if (actor !== 'system' && !(await can(context.db, actor, MANAGE_CLIENTS)))
    throw new Problem(403, 'FORBIDDEN', 'Not allowed', `Your roles do not allow "${MANAGE_CLIENTS}".`)
}

/**
 * A sign-in may only return to an address the administrator listed: over https, or over http to
 * this machine (for developers). An exact address, without a fragment, so nothing can be appended.
 */
export function checkRedirectUri(value: string): void {
  const url = URL.parse(value)
  const allowed =
    url &&
    !url.hash &&
    !value.includes('#') &&
    (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
  if (!allowed)
    throw new Problem(
      400,
      'OIDC_REDIRECT_URI_INVALID',
      'Not an address a sign-in may return to',
      `"${value}" must be an absolute https address without a fragment (http only for localhost).`,
    )
}

/** Registers a relying party; a confidential client's secret is returned this once and kept hashed. */
export async function registerClient(
  context: ModuleContext,
  actor: Actor | 'system',
  input: NewClient,
  origin: RequestOrigin,
): Promise<{ clientId: string; clientSecret: string | null }> {
  await mayManage(context, actor)
  for (const uri of [...input.redirectUris, ...(input.postLogoutRedirectUris ?? [])]) checkRedirectUri(uri)
  const unknown = (input.scopes ?? []).find((scope) => !(scope in API_SCOPES))
  if (unknown)
    throw new Problem(
      400,
      'OIDC_SCOPE_UNKNOWN',
      'No such scope',
      `"${unknown}" is not one of the API scopes: ${Object.keys(API_SCOPES).join(', ')}.`,
    )
  const clientId =
    input.clientId ??
    `app-${newSecret(9)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')}`
  const clientSecret = input.public ? null : newSecret()
  await context.db.transaction().execute(async (trx) => {
    const created = await insertClient(trx, {
      clientId,
      name: input.name,
      secretHash: clientSecret ? hashSecret(clientSecret) : null,
      redirectUris: input.redirectUris,
      postLogoutRedirectUris: input.postLogoutRedirectUris ?? [],
      scopes: input.scopes ?? [],
      createdBy: actor !== 'system' && actor.kind === 'person' ? actor.personId : null,
    })
    if (!created)
      throw new Problem(
        409,
        'OIDC_CLIENT_EXISTS',
        'Client id taken',
        `A client "${clientId}" exists or existed.`,
      )
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'identity.oidc_client.create',
      target: { type: 'oidc_client', id: clientId },
      outcome: 'success',
      details: {
        name: input.name,
        public: Boolean(input.public),
        redirectUris: input.redirectUris,
        scopes: input.scopes ?? [],
      },
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
  return { clientId, clientSecret }
}

/** Removes a relying party; every token, code and grant it holds stops working at once. */
export async function deleteClient(
  context: ModuleContext,
  actor: Actor,
  clientId: string,
  origin: RequestOrigin,
): Promise<void> {
  await mayManage(context, actor)
  await context.db.transaction().execute(async (trx) => {
    if (!(await markClientDeleted(trx, clientId)))
      throw new Problem(404, 'OIDC_CLIENT_NOT_FOUND', 'No such client', `No client "${clientId}".`)
    await deleteClientPayloads(trx, clientId)
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'identity.oidc_client.delete',
      target: { type: 'oidc_client', id: clientId },
      outcome: 'success',
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}
