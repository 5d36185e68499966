import type { Actor } from '../../platform/access/access.ts'
import { Problem } from '../../platform/http/problem.ts'
import type { ModuleContext } from '../../platform/module.ts'
import { can } from './permissions.ts'
import { selectOrganisation } from './store/organisations.ts'

/** The organisation, if the caller may manage its members; otherwise it is as if it did not exist. */
export async function managedOrganisation(context: ModuleContext, actor: Actor, slug: string) {
  const organisation = await selectOrganisation(context.db, slug)
  if (
    !organisation ||
    !(await can(context.db, actor, 'identity.organisation.members', { organisationId: organisation.id }))
  ) {
    throw new Problem(
      404,
      'ORGANISATION_NOT_FOUND',
      'No such organisation',
      `No organisation "${slug}" whose members you manage.`,
    )
  }
  return organisation
}
