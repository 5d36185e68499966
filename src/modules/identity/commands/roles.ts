import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { can } from '../permissions.ts'
import type { MembershipRole, PlatformRole } from '../roles.ts'
import { selectOrganisation } from '../store/organisations.ts'
import { selectPerson } from '../store/people.ts'
import {
  countPlatformRole,
  deleteMembership,
  deletePlatformRole,
  insertPlatformRole,
  upsertMembership,
} from '../store/roles.ts'
import type { RequestOrigin } from './sessions.ts'

async function getPersonOrFail(context: ModuleContext, personId: string) {
  const person = await selectPerson(context.db, personId)
  if (!person)
    throw new Problem(404, 'PERSON_NOT_FOUND', 'No such person', `No active account has the id ${personId}.`)
  return person
}

export async function grantPlatformRole(
  context: ModuleContext,
  actor: Actor,
  personId: string,
  role: PlatformRole,
  origin: RequestOrigin,
): Promise<void> {
  await getPersonOrFail(context, personId)
  await context.db.transaction().execute(async (trx) => {
    const added = await insertPlatformRole(
      trx,
      personId,
      role,
      actor.kind === 'person' ? actor.personId : null,
    )
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'identity.role.grant',
      target: { type: 'person', id: personId },
      outcome: 'success',
      details: { role, changed: added },
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}

export async function revokePlatformRole(
  context: ModuleContext,
  actor: Actor,
  personId: string,
  role: PlatformRole,
  origin: RequestOrigin,
): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    if (role === 'administrator' && (await countPlatformRole(trx, 'administrator')) <= 1) {
      throw new Problem(
        409,
        'LAST_ADMINISTRATOR',
        'The last administrator stays',
        'Make someone else an administrator first, so the platform is never left without one.',
      )
    }
    const removed = await deletePlatformRole(trx, personId, role)
    if (!removed)
      throw new Problem(
        404,
        'ROLE_NOT_HELD',
        'The person does not have this role',
        `Nothing to revoke: the person is not ${role}.`,
      )
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: 'identity.role.revoke',
      target: { type: 'person', id: personId },
      outcome: 'success',
      details: { role },
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}

/** Adds a person to an organisation or changes their role there; owners of it and administrators may. */
export async function setMembership(
  context: ModuleContext,
  actor: Actor,
  organisationSlug: string,
  personId: string,
  role: MembershipRole | null,
  origin: RequestOrigin,
): Promise<void> {
  const organisation = await selectOrganisation(context.db, organisationSlug)
  if (!organisation)
    throw new Problem(
      404,
      'ORGANISATION_NOT_FOUND',
      'No such organisation',
      `No organisation "${organisationSlug}".`,
    )
  if (!(await can(context.db, actor, 'identity.organisation.members', { organisationId: organisation.id }))) {
    throw new Problem(
      403,
      'FORBIDDEN',
      'Not allowed',
      `Only an owner of ${organisation.name} or an administrator may change its members.`,
    )
  }
  await getPersonOrFail(context, personId)
  await context.db.transaction().execute(async (trx) => {
    if (role)
      await upsertMembership(
        trx,
        personId,
        organisation.id,
        role,
        actor.kind === 'person' ? actor.personId : null,
      )
    else if (!(await deleteMembership(trx, personId, organisation.id))) {
      throw new Problem(
        404,
        'MEMBERSHIP_NOT_FOUND',
        'Not a member',
        'The person is not a member of this organisation.',
      )
    }
    await recordAudit(trx, {
      actor: auditActor(actor),
      action: role ? 'identity.membership.set' : 'identity.membership.remove',
      target: { type: 'person', id: personId },
      outcome: 'success',
      details: { organisation: organisation.slug, role },
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
}
