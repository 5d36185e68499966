import type { Account } from 'oidc-provider'
import type { Database } from '../../../platform/db/database.ts'
import { selectPerson } from '../store/people.ts'

/**
 * The person behind a subject, for the provider's ID tokens and userinfo. `sub` is the person's
 * id; a deleted account is no account, so its refresh tokens and userinfo calls fail.
 */
export async function findAccount(db: Database, sub: string): Promise<Account | undefined> {
  const person = await selectPerson(db, sub)
  if (!person) return undefined
  return {
    accountId: person.id,
    claims: () => ({
      sub: person.id,
      name: person.display_name,
      locale: person.preferred_language,
      email: person.email,
      email_verified: person.email_verified_at !== null,
    }),
  }
}
