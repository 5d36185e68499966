import { fileURLToPath } from 'node:url'
import type { CetateModule } from '../../platform/module.ts'
import { parseWith } from '../../platform/validation/parse.ts'
import { identityRoutes } from './routes.ts'
import { PackOrganisationsSchema } from './schemas.ts'
import { importOrganisations } from './service.ts'
import { countOrganisations } from './store.ts'

/** Who takes part: organisations now; accounts, roles and sign-on build on them. */
export const identityModule: CetateModule = {
  name: 'identity',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: identityRoutes,
  measurements: [
    {
      name: 'identity.organisations',
      description: 'Organisations taking part in the platform',
      unit: 'organisation',
      measure: countOrganisations,
    },
  ],
  async demo(context, pack) {
    const file = pack.manifest.organisations
    if (typeof file !== 'string') return undefined
    const organisations = parseWith(PackOrganisationsSchema, await pack.readJson(file), file)
    return { summary: `${await importOrganisations(context, organisations)} organisations` }
  },
}

export type { Organisation } from './schemas.ts'
export { findOrganisation, getOrganisation, listOrganisations } from './service.ts'
