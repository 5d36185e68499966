import { Type } from 'typebox'
import type { DataPack, DemoOutcome, ModuleContext } from '../../../platform/module.ts'
import { LocalizedTextSchema } from '../../../platform/text/localized.ts'
import { parseWith } from '../../../platform/validation/parse.ts'
import { organisationDirectory } from '../../identity/index.ts'
import { measureAutomaticKpis } from '../../strategy/index.ts'
import { loadDemoChallenge } from '../challenge/demo-challenge.ts'
import { insertMilestone, insertUpdate } from '../store/project-parts.ts'
import { insertProject } from '../store/projects.ts'
import { FUNDING_SOURCES, PROJECT_KINDS, PROJECT_STATUSES } from '../vocabularies.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

const PackProjectsSchema = Type.Object({
  source: Type.String(),
  projects: Type.Array(
    Type.Object({
      slug: Type.String(),
      kind: Type.Enum(PROJECT_KINDS),
      status: Type.Enum(PROJECT_STATUSES),
      title: LocalizedTextSchema,
      need: LocalizedTextSchema,
      actors: Type.Array(Type.String()),
      owner: Nullable(Type.String()),
      partners: Type.Array(Type.String()),
      period: Type.Object({
        start: Nullable(Type.String()),
        end: Nullable(Type.String()),
        text: Nullable(Type.String()),
      }),
      funding: Type.Array(Type.Enum(FUNDING_SOURCES)),
      fundingNote: Nullable(Type.String()),
      budget: Nullable(Type.Number()),
      notes: Nullable(LocalizedTextSchema),
      objectives: Type.Array(Type.String()),
      directions: Type.Array(Type.String()),
      origin: Nullable(Type.Enum(['innovation_hub'])),
      annex: Nullable(Type.String()),
      link: Nullable(Type.String()),
      milestones: Type.Optional(
        Type.Array(
          Type.Object({ title: LocalizedTextSchema, weight: Type.Number(), progress: Type.Integer() }),
        ),
      ),
    }),
  ),
})

/**
 * The strategy's four core projects and the existing and planned projects of its annexes 5 and 6,
 * with the status the strategy gave them in 2021.
 */
export async function loadDemoProjects(
  context: ModuleContext,
  pack: DataPack,
): Promise<DemoOutcome | undefined> {
  const file = pack.manifest.projects
  if (typeof file !== 'string') return undefined
  const { source, projects } = parseWith(PackProjectsSchema, await pack.readJson(file), file)
  const organisations = await organisationDirectory(context)
  for (const project of projects) {
    const owner = project.owner ? organisations.bySlug(project.owner) : undefined
    if (project.owner && !owner)
      throw new Error(`${file}: "${project.slug}" names no organisation "${project.owner}"`)
    const id = await insertProject(context.db, {
      slug: project.slug,
      kind: project.kind,
      status: project.status,
      title: project.title,
      need: project.need,
      owner_organisation_id: owner?.id ?? null,
      actors: project.actors,
      partners: project.partners,
      start_date: project.period.start,
      end_date: project.period.end,
      period_text: project.period.text,
      funding: project.funding,
      funding_note: project.fundingNote,
      budget: project.budget,
      notes: project.notes,
      objective_keys: project.objectives,
      direction_keys: project.directions,
      origin: project.origin,
      pilot_stage: project.kind === 'pilot' ? 'proof_of_concept' : null,
      lon: null,
      lat: null,
      link: project.link,
      source_note: project.annex ? `${source}: annex ${project.annex}` : source,
    })
    for (const milestone of project.milestones ?? [])
      await insertMilestone(context.db, id, { ...milestone, dueDate: null })
    await insertUpdate(
      context.db,
      id,
      'note',
      project.annex
        ? {
            ro: `Din anexa ${project.annex} a strategiei (2021)`,
            en: `From annex ${project.annex} of the strategy (2021)`,
          }
        : { ro: 'Proiect-cheie al strategiei', en: 'A core project of the strategy' },
      null,
    )
  }
  const challenge = await loadDemoChallenge(context)
  // The strategy's KPIs on pilots and hubs' projects measure what was just loaded.
  await measureAutomaticKpis(context)
  const count = (kind: string) => projects.filter((project) => project.kind === kind).length
  const loaded = `${projects.length} projects (${count('core')} core, ${count('flexible')} flexible, ${count('pilot')} pilots)`
  return { summary: challenge ? `${loaded}, ${challenge.summary}` : loaded }
}
