import { sql } from 'kysely'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { passwordMatches } from '../passwords.ts'
import { selectPerson } from '../store/people.ts'
import { countPlatformRole, selectStanding } from '../store/roles.ts'
import { forgetUsableKeys } from '../store/usable-keys.ts'
import type { RequestOrigin } from './sessions.ts'

/** What stays after deletion, and why; shown before the person confirms and returned after. */
export const KEPT_AFTER_DELETION = [
  'The audit log entries about actions on your account stay, referring only to an anonymous id: the log is the platform’s tamper-evident security record and cannot be altered.',
  'Records of identity checks at the counter stay, referring only to that id: they are the evidence of who verified an identity and when.',
]

/**
 * Deletes an account: the person's details are erased and the row is kept only as an anonymous id
 * that the records above refer to. Sessions, keys, roles, memberships and the register go.
 */
export async function deleteAccount(
  context: ModuleContext,
  personId: string,
  password: string,
  origin: RequestOrigin,
): Promise<string[]> {
  const person = await selectPerson(context.db, personId)
  if (!person)
    throw new Problem(404, 'PERSON_NOT_FOUND', 'No such account', 'The account was already deleted.')
  if (!(await passwordMatches(person.password_hash, password))) {
    throw new Problem(
      403,
      'PASSWORD_WRONG',
      'The password is wrong',
      'Enter your current password to confirm the deletion.',
    )
  }
  const standing = await selectStanding(context.db, personId)
  if (
    standing.platformRoles.includes('administrator') &&
    (await countPlatformRole(context.db, 'administrator')) <= 1
  ) {
    throw new Problem(
      409,
      'LAST_ADMINISTRATOR',
      'The last administrator stays',
      'Make someone else an administrator before deleting this account.',
    )
  }
  await context.db.transaction().execute(async (trx) => {
    await sql`UPDATE identity.sessions SET revoked_at = now() WHERE person_id = ${personId} AND revoked_at IS NULL`.execute(
      trx,
    )
    await sql`UPDATE identity.api_keys SET revoked_at = now() WHERE person_id = ${personId} AND revoked_at IS NULL`.execute(
      trx,
    )
    await sql`DELETE FROM identity.platform_roles WHERE person_id = ${personId}`.execute(trx)
    await sql`DELETE FROM identity.memberships WHERE person_id = ${personId}`.execute(trx)
    await sql`DELETE FROM identity.consent_events WHERE person_id = ${personId}`.execute(trx)
    await sql`DELETE FROM identity.personal_data_uses WHERE person_id = ${personId}`.execute(trx)
    await sql`DELETE FROM identity.mail_tokens WHERE person_id = ${personId}`.execute(trx)
    await sql`UPDATE identity.people SET status = 'deleted', deleted_at = now(), updated_at = now(),
        email = ${`deleted-${personId}@invalid`}, display_name = '', password_hash = NULL, email_verified_at = NULL
      WHERE id = ${personId}`.execute(trx)
    await recordAudit(trx, {
      actor: { type: 'person', id: personId },
      action: 'identity.account.delete',
      target: { type: 'person', id: personId },
      outcome: 'success',
      requestId: origin.requestId,
      ip: origin.ip,
    })
  })
  forgetUsableKeys()
  return KEPT_AFTER_DELETION
}
