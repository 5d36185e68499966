import { type Static, Type } from 'typebox'
import type { DataPack, DemoOutcome, ModuleContext } from '../../../platform/module.ts'
import { LocalizedTextSchema } from '../../../platform/text/localized.ts'
import { parseWith } from '../../../platform/validation/parse.ts'
import { FREQUENCIES } from '../periods.ts'
import { ELEMENT_KINDS } from '../schemas.ts'
import { measureAutomaticKpis } from '../service/measuring.ts'
import { loadOwners } from '../service/owners.ts'
import { insertElement } from '../store/elements.ts'
import { insertKpi } from '../store/kpis.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

const PackStrategySchema = Type.Object({
  statedOn: Type.String({ format: 'date', description: 'The date of the document the elements come from' }),
  statedOnSource: Type.String(),
  elements: Type.Array(
    Type.Object({
      key: Type.String(),
      kind: Type.Enum(ELEMENT_KINDS),
      code: Nullable(Type.String()),
      parent: Nullable(Type.String()),
      title: LocalizedTextSchema,
      summary: LocalizedTextSchema,
      objectives: Type.Optional(Type.Array(Type.String())),
    }),
  ),
  kpis: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: LocalizedTextSchema,
      description: LocalizedTextSchema,
      unit: Type.String(),
      direction: Type.Enum(['higher', 'lower']),
      frequency: Type.Enum(FREQUENCIES),
      owner: Type.String(),
      objectives: Type.Array(Type.String()),
      coreProjects: Type.Array(Type.String()),
      isoTheme: Nullable(Type.String()),
      visibility: Type.Enum(['public', 'internal']),
      metric: Nullable(Type.String()),
      target: Nullable(Type.Object({ value: Type.Number(), date: Type.String({ format: 'date' }) })),
      why: LocalizedTextSchema,
    }),
  ),
})
export type PackStrategy = Static<typeof PackStrategySchema>

/**
 * The strategy's fact base (our own short wording of the Cluj strategy) and every KPI it proposes,
 * those with a platform metric measured at once from the demo's data.
 */
export async function loadDemoStrategy(
  context: ModuleContext,
  pack: DataPack,
): Promise<DemoOutcome | undefined> {
  const file = pack.manifest.strategy
  if (typeof file !== 'string') return undefined
  const strategy = parseWith(PackStrategySchema, await pack.readJson(file), file)
  const author = { personId: null, name: 'Cetate' }
  let position = 0
  for (const element of strategy.elements) {
    position += 1
    await insertElement(
      context.db,
      {
        key: element.key,
        kind: element.kind,
        code: element.code,
        parent: element.parent,
        position,
        title: element.title,
        summary: element.summary,
        objectives: element.objectives ?? [],
        retired: false,
      },
      author,
      strategy.statedOnSource,
      new Date(`${strategy.statedOn}T12:00:00Z`),
    )
  }
  const owners = await loadOwners(context)
  const keys = new Set(strategy.elements.map((element) => element.key))
  for (const kpi of strategy.kpis) {
    const owner = owners.bySlug(kpi.owner)
    if (!owner)
      throw new Error(`${file}: KPI "${kpi.slug}" names no organisation of the pack ("${kpi.owner}")`)
    for (const key of [...kpi.objectives, ...kpi.coreProjects])
      if (!keys.has(key)) throw new Error(`${file}: KPI "${kpi.slug}" links to "${key}", not in the strategy`)
    if (kpi.metric && !context.metrics.find(kpi.metric))
      throw new Error(`${file}: KPI "${kpi.slug}" names no platform metric "${kpi.metric}"`)
    await insertKpi(context.db, {
      slug: kpi.slug,
      name: kpi.name,
      description: kpi.description,
      unit: kpi.unit,
      direction: kpi.direction,
      baseline_value: null,
      baseline_date: null,
      target_value: kpi.target?.value ?? null,
      target_date: kpi.target?.date ?? null,
      frequency: kpi.frequency,
      owner_organisation_id: owner.id,
      objective_keys: kpi.objectives,
      core_project_keys: kpi.coreProjects,
      iso_theme: kpi.isoTheme,
      visibility: kpi.visibility,
      metric_name: kpi.metric,
      source_note: kpi.why,
    })
  }
  await measureAutomaticKpis(context)
  const automatic = strategy.kpis.filter((kpi) => kpi.metric).length
  return {
    summary: `${strategy.elements.length} elements and ${strategy.kpis.length} KPIs (${automatic} measured from platform metrics, ${strategy.kpis.length - automatic} entered by hand)`,
  }
}
