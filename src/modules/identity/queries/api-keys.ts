import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { can } from '../permissions.ts'
import { type ApiKeyRow, selectKeysOf } from '../store/api-keys.ts'
import { selectOrganisation } from '../store/organisations.ts'

function shape(row: ApiKeyRow) {
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    organisation: row.organisation_slug,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  }
}

export async function listMyKeys(context: ModuleContext, personId: string) {
  return (await selectKeysOf(context.db, { personId })).map(shape)
}

export async function listOrganisationKeys(context: ModuleContext, actor: Actor, slug: string) {
  const organisation = await selectOrganisation(context.db, slug)
  if (
    !organisation ||
    !(await can(context.db, actor, 'identity.api_key.read', { organisationId: organisation.id }))
  ) {
    throw new Problem(
      404,
      'ORGANISATION_NOT_FOUND',
      'No such organisation',
      `No organisation "${slug}" whose keys you may see.`,
    )
  }
  return (await selectKeysOf(context.db, { organisationId: organisation.id })).map(shape)
}
