import { fileURLToPath } from 'node:url'
import type { CetateModule } from '../../platform/module.ts'
import { parseWith } from '../../platform/validation/parse.ts'
import { identityAccessControl } from './access-control.ts'
import { loadDemoPeople } from './demo-people.ts'
import { loadConsentPurposes } from './demo-purposes.ts'
import { loadDemoClients } from './oidc/demo-clients.ts'
import { identityRoutes } from './routes.ts'
import { PackOrganisationsSchema } from './schemas/organisations.ts'
import { importOrganisations } from './service.ts'
import { deleteExpiredRecords } from './store/expired.ts'
import { countOrganisations } from './store/organisations.ts'
import { countPeopleAtLevel } from './store/people.ts'

/** Who takes part and who may do what: organisations, people, sessions, roles and the access decision. */
export const identityModule: CetateModule = {
  name: 'identity',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: identityRoutes,
  accessControl: identityAccessControl,
  actions: [
    {
      name: 'identity.person.read',
      description: 'Find people and read their accounts (recorded in the audit log)',
    },
    { name: 'identity.person.verify', description: "Record a check of a person's identity document" },
    { name: 'identity.role.grant', description: 'Grant and revoke platform roles' },
    {
      name: 'identity.organisation.members',
      description: "Change an organisation's members and their roles",
    },
    {
      name: 'identity.oidc_client.manage',
      description: 'Register and remove the applications that use the city sign-on (OpenID Connect)',
    },
    { name: 'platform.audit.read', description: 'Read the audit log' },
    { name: 'platform.outbox.read', description: 'Read mail kept in the development outbox' },
  ],
  jobs: [
    {
      kind: 'identity.remove_expired',
      everyMs: 60 * 60_000,
      async run({ db }) {
        await deleteExpiredRecords(db)
      },
    },
  ],
  measurements: [
    {
      name: 'identity.organisations',
      description: 'Organisations taking part in the platform',
      unit: 'organisation',
      measure: countOrganisations,
    },
    {
      name: 'identity.people',
      description: 'People with an account',
      unit: 'person',
      measure: (db) => countPeopleAtLevel(db, ['low', 'substantial', 'high']),
    },
    {
      name: 'identity.people.verified',
      description: 'People whose identity was verified (eIDAS substantial or high)',
      unit: 'person',
      measure: (db) => countPeopleAtLevel(db, ['substantial', 'high']),
    },
  ],
  async demo(context, pack) {
    const file = pack.manifest.organisations
    if (typeof file !== 'string') return undefined
    const organisations = parseWith(PackOrganisationsSchema, await pack.readJson(file), file)
    const count = await importOrganisations(context, organisations)
    const purposes = await loadConsentPurposes(context, pack)
    const people = await loadDemoPeople(context, pack)
    const clients = await loadDemoClients(context, pack)
    return {
      summary: `${count} organisations, ${purposes} consent purposes, ${people.created} people, ${clients.created} sign-on clients`,
      notes: [...people.notes, ...clients.notes],
    }
  },
}

export { createApiKey } from './commands/api-keys.ts'
export { hasConsent, type PersonalDataUse, recordPersonalDataUse } from './commands/consents.ts'
export { rotateSigningKeys } from './oidc/signing-keys.ts'
export { can } from './permissions.ts'
export { type Colleague, colleaguesByIds, findColleagueByEmail, isMember } from './queries/colleagues.ts'
export {
  type OrganisationDirectory,
  type OrganisationName,
  organisationDirectory,
} from './queries/organisation-directory.ts'
export { type Addressee, displayNameOf, peopleWhoMay } from './queries/people-who-may.ts'
export type { Organisation } from './schemas/organisations.ts'
export { findOrganisation, getOrganisation, listOrganisations } from './service.ts'
