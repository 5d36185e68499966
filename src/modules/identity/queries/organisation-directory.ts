import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { selectOrganisations } from '../store/organisations.ts'

export interface OrganisationName {
  id: string
  slug: string
  name: LocalizedText
}

/** Every organisation by id and by slug, read once: for modules that name owners in lists. */
export async function organisationDirectory(context: Pick<ModuleContext, 'db'>) {
  const organisations: OrganisationName[] = (await selectOrganisations(context.db, {})).map(
    ({ id, slug, names }) => ({ id, slug, name: names }),
  )
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]))
  const bySlug = new Map(organisations.map((organisation) => [organisation.slug, organisation]))
  return {
    byId: (id: string) => byId.get(id),
    bySlug: (slug: string) => bySlug.get(slug),
  }
}
export type OrganisationDirectory = Awaited<ReturnType<typeof organisationDirectory>>
