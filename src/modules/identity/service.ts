import { Problem } from '../../platform/http/problem.ts'
import type { ModuleContext } from '../../platform/module.ts'
import type { Organisation, PackOrganisation } from './schemas/organisations.ts'
import { selectOrganisation, selectOrganisations, upsertOrganisation } from './store/organisations.ts'

export function listOrganisations(
  context: ModuleContext,
  filter: { kind?: string | undefined; parent?: string | undefined },
): Promise<Organisation[]> {
  return selectOrganisations(context.db, filter)
}

export function findOrganisation(context: ModuleContext, slug: string): Promise<Organisation | undefined> {
  return selectOrganisation(context.db, slug)
}

export async function getOrganisation(context: ModuleContext, slug: string): Promise<Organisation> {
  const organisation = await selectOrganisation(context.db, slug)
  if (!organisation) {
    throw new Problem(
      404,
      'ORGANISATION_NOT_FOUND',
      'No such organisation',
      `No organisation "${slug}"; GET /api/organisations lists them.`,
    )
  }
  return organisation
}

/** Loads a pack's organisations in one transaction; parents are written before their children. */
export async function importOrganisations(
  context: ModuleContext,
  organisations: readonly PackOrganisation[],
): Promise<number> {
  const slugs = new Set(organisations.map((organisation) => organisation.slug))
  if (slugs.size !== organisations.length) throw new Error('Two organisations in the pack share a slug')
  for (const organisation of organisations) {
    if (organisation.parent && !slugs.has(organisation.parent)) {
      throw new Error(
        `Organisation "${organisation.slug}" names a parent "${organisation.parent}" that the pack lacks`,
      )
    }
  }
  const ordered = parentsFirst(organisations)
  await context.db.transaction().execute(async (trx) => {
    for (const organisation of ordered) await upsertOrganisation(trx, organisation)
  })
  return ordered.length
}

function parentsFirst(organisations: readonly PackOrganisation[]): PackOrganisation[] {
  const bySlug = new Map(organisations.map((organisation) => [organisation.slug, organisation]))
  const ordered: PackOrganisation[] = []
  const placed = new Set<string>()
  const place = (organisation: PackOrganisation, depth: number): void => {
    if (placed.has(organisation.slug)) return
    if (depth > organisations.length)
      throw new Error(`Organisation "${organisation.slug}" is its own ancestor`)
    const parent = organisation.parent ? bySlug.get(organisation.parent) : undefined
    if (parent) place(parent, depth + 1)
    placed.add(organisation.slug)
    ordered.push(organisation)
  }
  for (const organisation of organisations) place(organisation, 0)
  return ordered
}
