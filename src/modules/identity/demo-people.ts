import { randomBytes } from 'node:crypto'
import { Type } from 'typebox'
import type { DataPack, ModuleContext } from '../../platform/module.ts'
import { parseWith } from '../../platform/validation/parse.ts'
import { hashPassword } from './passwords.ts'
import { MEMBERSHIP_ROLE_NAMES, PLATFORM_ROLE_NAMES } from './roles.ts'
import { insertDataUse } from './store/consents.ts'
import { selectOperatorId, selectOrganisation } from './store/organisations.ts'
import { insertPerson, markEmailVerified, selectPersonByEmail, setAssurance } from './store/people.ts'
import { insertPlatformRole, upsertMembership } from './store/roles.ts'

const PackPeopleSchema = Type.Array(
  Type.Object(
    {
      email: Type.String({ format: 'email' }),
      displayName: Type.String({ minLength: 1 }),
      preferredLanguage: Type.Enum(['ro', 'en', 'hu']),
      assurance: Type.Enum(['low', 'substantial', 'high']),
      platformRoles: Type.Optional(Type.Array(Type.Enum(PLATFORM_ROLE_NAMES))),
      memberships: Type.Optional(
        Type.Array(Type.Object({ organisation: Type.String(), role: Type.Enum(MEMBERSHIP_ROLE_NAMES) })),
      ),
    },
    { additionalProperties: false },
  ),
)

/** A readable password made fresh for each demo, printed once and never stored in clear. */
function newDemoPassword(): string {
  return randomBytes(12).toString('base64url')
}

/**
 * The pack's demo people. Each new account gets a generated password that is printed once; an
 * account that already exists keeps its password.
 */
export async function loadDemoPeople(
  context: ModuleContext,
  pack: DataPack,
): Promise<{ created: number; notes: string[] }> {
  const file = pack.manifest.people
  if (typeof file !== 'string') return { created: 0, notes: [] }
  const people = parseWith(PackPeopleSchema, await pack.readJson(file), file)
  const notes: string[] = []
  let created = 0
  for (const person of people) {
    if (await selectPersonByEmail(context.db, person.email)) continue
    const password = newDemoPassword()
    const passwordHash = await hashPassword(password)
    await context.db.transaction().execute(async (trx) => {
      const row = await insertPerson(trx, {
        email: person.email,
        passwordHash,
        displayName: person.displayName,
        preferredLanguage: person.preferredLanguage,
      })
      await markEmailVerified(trx, row.id)
      await insertDataUse(trx, {
        personId: row.id,
        organisationId: await selectOperatorId(trx),
        service: 'identity.accounts',
        kind: 'holds',
        dataCategories: ['name', 'email', 'preferred_language'],
        purpose: 'Your account on the city platform',
        lawfulBasis: 'contract',
      })
      if (person.assurance !== 'low') await setAssurance(trx, row.id, person.assurance, 'demo')
      for (const role of person.platformRoles ?? []) await insertPlatformRole(trx, row.id, role, null)
      for (const membership of person.memberships ?? []) {
        const organisation = await selectOrganisation(trx, membership.organisation)
        if (!organisation)
          throw new Error(`${person.email} is a member of "${membership.organisation}", which the pack lacks`)
        await upsertMembership(trx, row.id, organisation.id, membership.role, null)
      }
    })
    created++
    const roles = person.platformRoles?.length
      ? person.platformRoles.join(', ')
      : `citizen, ${person.assurance}`
    notes.push(`${person.email} (${roles}): password ${password}`)
  }
  return { created, notes }
}
