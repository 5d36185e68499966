import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { can } from '../permissions.ts'
import { hashSecret, newSecret } from '../secrets.ts'
import { insertApiKey, revokeApiKey, selectKey } from '../store/api-keys.ts'
import { selectOrganisation } from '../store/organisations.ts'
import type { RequestOrigin } from './sessions.ts'

/** Keys are recognisable in a header, a log line or a leaked file by their prefix. */
export const API_KEY_PREFIX = 'ck_'
const SCOPE = /^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/

export interface NewApiKey {
  name: string
  scopes: readonly string[]
  organisation?: string | undefined
  expiresInDays?: number | undefined
}

export interface CreatedApiKey {
  id: string
  /** Shown once; only its hash is kept. */
  key: string
}

/** The system (the command line) acts with every right; anyone else only within their own. */
async function mayGrant(
  context: ModuleContext,
  actor: Actor | 'system',
  scope: string,
  organisationId?: string,
): Promise<boolean> {
  return actor === 'system' || can(context.db, actor, scope, { organisationId })
}

export async function createApiKey(
  context: ModuleContext,
  actor: Actor | 'system',
  input: NewApiKey,
  origin: RequestOrigin,
): Promise<CreatedApiKey> {
  if (input.scopes.length === 0)
    throw new Problem(
      400,
      'SCOPES_REQUIRED',
      'A key needs at least one scope',
      'Name the actions the key may perform, e.g. catalog.dataset.read.',
    )
  const malformed = input.scopes.find((scope) => !SCOPE.test(scope))
  if (malformed)
    throw new Problem(
      400,
      'SCOPE_INVALID',
      'A scope is not an action',
      `"${malformed}" is not an action name or pattern such as catalog.* .`,
    )
  let organisationId: string | null = null
  if (input.organisation) {
    const organisation = await selectOrganisation(context.db, input.organisation)
    if (!organisation)
      throw new Problem(
        404,
        'ORGANISATION_NOT_FOUND',
        'No such organisation',
        `No organisation "${input.organisation}".`,
      )
    organisationId = organisation.id
    if (!(await mayGrant(context, actor, 'identity.api_key.create', organisationId))) {
      throw new Problem(
        403,
        'FORBIDDEN',
        'Not allowed',
        `Only an owner of ${organisation.name} or an administrator may create its keys.`,
      )
    }
  }
  const personId = organisationId
    ? null
    : actor !== 'system' && actor.kind === 'person'
      ? actor.personId
      : null
  if (!organisationId && !personId) {
    throw new Problem(
      400,
      'OWNER_REQUIRED',
      'A key belongs to a person or an organisation',
      'Sign in to create a personal key, or name an organisation.',
    )
  }
  for (const scope of input.scopes) {
    if (!(await mayGrant(context, actor, scope, organisationId ?? undefined))) {
      throw new Problem(
        403,
        'SCOPE_NOT_YOURS',
        'A key cannot do more than its maker',
        `You may not "${scope}" yourself, so no key of yours may.`,
      )
    }
  }
  const key = `${API_KEY_PREFIX}${newSecret()}`
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 24 * 3600_000) : null
  const id = await context.db.transaction().execute(async (trx) => {
    const created = await insertApiKey(trx, {
      prefix: key.slice(0, 10),
      hash: hashSecret(key),
      name: input.name,
      personId,
      organisationId,
      scopes: input.scopes,
      createdBy: actor !== 'system' && actor.kind === 'person' ? actor.personId : null,
      expiresAt,
    })
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'identity.api_key.create',
      target: { type: 'api_key', id: created },
      outcome: 'success',
      details: {
        name: input.name,
        scopes: input.scopes,
        organisation: input.organisation ?? null,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
      requestId: origin.requestId,
      ip: origin.ip,
    })
    return created
  })
  return { id, key }
}

export async function revokeKey(
  context: ModuleContext,
  actor: Actor,
  id: string,
  origin: RequestOrigin,
): Promise<void> {
  const key = await selectKey(context.db, id)
  const mine = actor.kind === 'person' && key?.person_id === actor.personId
  const allowed =
    key &&
    (mine ||
      (await can(context.db, actor, 'identity.api_key.revoke', {
        organisationId: key.organisation_id ?? undefined,
      })))
  if (!key || !allowed)
    throw new Problem(
      404,
      'API_KEY_NOT_FOUND',
      'No such key',
      'There is no key with that id that you may revoke.',
    )
  await context.db.transaction().execute(async (trx) => {
    if (!(await revokeApiKey(trx, id)))
      throw new Problem(409, 'API_KEY_REVOKED', 'Already revoked', 'This key was revoked before.')
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'identity.api_key.revoke',
      target: { type: 'api_key', id },
      outcome: 'success',
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}
