import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { managedOrganisation } from '../managed-organisation.ts'
import type { MembershipRole } from '../roles.ts'
import { selectPersonByEmail } from '../store/people.ts'
import { setMembership } from './roles.ts'
import type { RequestOrigin } from './sessions.ts'

/**
 * An owner adds someone by their exact address (owners cannot search people). An address without
 * an account is told plainly: the person signs up first.
 */
export async function addMemberByEmail(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  input: { email: string; role: MembershipRole },
  origin: RequestOrigin,
): Promise<{ personId: string }> {
  await managedOrganisation(context, actor, slug)
  const person = await selectPersonByEmail(context.db, input.email.trim())
  if (!person) {
    throw new Problem(
      404,
      'PERSON_NOT_FOUND',
      'No account with that address',
      'Ask the person to create an account first, then add them.',
    )
  }
  await setMembership(context, actor, slug, person.id, input.role, origin)
  return { personId: person.id }
}
