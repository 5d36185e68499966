import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { RequestOrigin } from '../commands/sessions.ts'
import { managedOrganisation } from '../managed-organisation.ts'
import { selectMembers } from '../store/roles.ts'

/** Owners and administrators see who belongs to the organisation; the reading is audited. */
export async function listMembers(context: ModuleContext, actor: Actor, slug: string, origin: RequestOrigin) {
  const organisation = await managedOrganisation(context, actor, slug)
  const members = await selectMembers(context.db, organisation.id)
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'identity.organisation.members_read',
    target: { type: 'organisation', id: organisation.slug },
    outcome: 'success',
    requestId: origin.requestId,
    ip: origin.ip,
  })
  return members.map((member) => ({
    personId: member.person_id,
    displayName: member.display_name,
    email: member.email,
    role: member.role,
    since: member.granted_at.toISOString(),
  }))
}
