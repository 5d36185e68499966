import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { listOrganisations } from '../../identity/index.ts'

export interface Owner {
  id: string
  slug: string
  name: LocalizedText
}

/** The organisations KPIs can belong to, by id and by slug. */
export async function loadOwners(context: ModuleContext) {
  const organisations = await listOrganisations(context, {})
  const owners: Owner[] = organisations.map(({ id, slug, names }) => ({ id, slug, name: names }))
  const byId = new Map(owners.map((owner) => [owner.id, owner]))
  const bySlug = new Map(owners.map((owner) => [owner.slug, owner]))
  return {
    byId(id: string): Pick<Owner, 'slug' | 'name'> {
      const owner = byId.get(id)
      return owner ? { slug: owner.slug, name: owner.name } : { slug: 'unknown', name: { ro: '—' } }
    },
    bySlug: (slug: string) => bySlug.get(slug),
  }
}
export type Owners = Awaited<ReturnType<typeof loadOwners>>
