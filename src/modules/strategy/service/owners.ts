import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import { organisationDirectory } from '../../identity/index.ts'

/** The organisations KPIs belong to; one that disappeared shows as unknown rather than failing the page. */
export async function loadOwners(context: ModuleContext) {
  const directory = await organisationDirectory(context)
  return {
    byId(id: string): { slug: string; name: LocalizedText } {
      const owner = directory.byId(id)
      return owner ? { slug: owner.slug, name: owner.name } : { slug: 'unknown', name: { ro: '—' } }
    },
    bySlug: directory.bySlug,
  }
}
export type Owners = Awaited<ReturnType<typeof loadOwners>>
