import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { slugify } from '../../../platform/text/slug.ts'
import { currentPeriod, evaluateKpi, goalOf, groupByKpi, seriesOf } from '../evaluation.ts'
import { isoDate, periodStart } from '../periods.ts'
import type { Kpi, KpiCreate, KpiPatch, ManualMeasurement, Measurement } from '../schemas.ts'
import { score } from '../scores.ts'
import { selectElement } from '../store/elements.ts'
import {
  archiveKpi,
  insertKpi,
  type KpiDefinition,
  type KpiRow,
  selectKpi,
  selectKpis,
  slugTaken,
  updateKpi,
} from '../store/kpis.ts'
import { insertMeasurement, type MeasurementRow, selectMeasurements } from '../store/measurements.ts'
import { DEFINE_KPIS, kpiNotFound, MEASURE_KPIS, may, mayRead, notAllowed } from './access.ts'
import type { RequestFacts } from './elements.ts'
import { recordMetricValue } from './measuring.ts'
import { loadOwners, type Owners } from './owners.ts'

/** KPIs the caller may see (public ones, and internal ones of the office or their organisation). */
export async function listKpis(
  context: ModuleContext,
  actor: Actor,
  filter: { objective?: string | undefined; publicOnly?: boolean; until?: string | undefined } = {},
): Promise<Kpi[]> {
  const owners = await loadOwners(context)
  const rows = []
  for (const row of await selectKpis(context.db)) {
    if (filter.objective && !row.objective_keys.includes(filter.objective)) continue
    if (filter.publicOnly ? row.visibility !== 'public' : !(await mayRead(context, actor, row))) continue
    rows.push(row)
  }
  return evaluateRows(context, rows, owners, { until: filter.until })
}

export async function evaluateRows(
  context: ModuleContext,
  rows: readonly KpiRow[],
  owners: Owners,
  options: { until?: string | undefined; now?: Date; measurements?: Map<string, MeasurementRow[]> } = {},
): Promise<Kpi[]> {
  const measurements =
    options.measurements ??
    groupByKpi(
      await selectMeasurements(
        context.db,
        rows.map((row) => row.id),
      ),
    )
  const now = options.now ?? new Date()
  return rows.map((row) =>
    evaluateKpi(
      row,
      measurements.get(row.id) ?? [],
      owners.byId(row.owner_organisation_id),
      now,
      options.until,
    ),
  )
}

async function readableRow(context: ModuleContext, actor: Actor, slug: string): Promise<KpiRow> {
  const row = await selectKpi(context.db, slug)
  if (!row || !(await mayRead(context, actor, row))) throw kpiNotFound(slug)
  return row
}

export async function getKpi(
  context: ModuleContext,
  actor: Actor,
  slug: string,
): Promise<{ kpi: Kpi; measurements: Measurement[] }> {
  const row = await readableRow(context, actor, slug)
  const [kpi] = await evaluateRows(context, [row], await loadOwners(context))
  return { kpi: kpi!, measurements: await measurementsOf(context, row) }
}

/** The full history, newest first; values a later entry for the same period replaced are marked. */
export async function measurementsOf(context: ModuleContext, row: KpiRow): Promise<Measurement[]> {
  const rows = await selectMeasurements(context.db, [row.id])
  const kept = new Set(
    seriesOf(rows).map((entry) => `${entry.period}|${entry.recordedAt.getTime()}|${entry.value}`),
  )
  const goal = goalOf(row)
  return rows
    .map((entry) => ({
      period: entry.period_start,
      value: entry.value,
      source: entry.source,
      evidence: entry.evidence,
      note: entry.note,
      recordedAt: entry.recorded_at.toISOString(),
      score: score(goal, entry.value),
      superseded: !kept.has(`${entry.period_start}|${entry.recorded_at.getTime()}|${entry.value}`),
    }))
    .reverse()
}

async function definitionOf(
  context: ModuleContext,
  input: Omit<KpiCreate, 'slug'>,
  slug: string,
): Promise<KpiDefinition> {
  const owners = await loadOwners(context)
  const owner = owners.bySlug(input.owner)
  if (!owner)
    throw new Problem(
      400,
      'STRATEGY_OWNER_UNKNOWN',
      'No such organisation',
      `No organisation "${input.owner}"; GET /api/organisations lists them.`,
    )
  await checkElements(context, input.objectives ?? [], ['objective', 'transversal_objective'], 'objective')
  await checkElements(context, input.coreProjects ?? [], ['core_project'], 'core_project')
  if (input.metric && !context.metrics.find(input.metric))
    throw new Problem(
      400,
      'STRATEGY_METRIC_UNKNOWN',
      'No such platform metric',
      `The platform measures no "${input.metric}"; GET /api/metrics lists what it measures, or leave "metric" out to enter values by hand.`,
    )
  if (input.baseline && input.target && input.target.date <= input.baseline.date)
    throw new Problem(
      400,
      'STRATEGY_TARGET_BEFORE_BASELINE',
      'The target comes before the baseline',
      `The target date (${input.target.date}) must come after the baseline date (${input.baseline.date}).`,
    )
  return {
    slug,
    name: input.name,
    description: input.description,
    unit: input.unit,
    direction: input.direction,
    baseline_value: input.baseline?.value ?? null,
    baseline_date: input.baseline?.date ?? null,
    target_value: input.target?.value ?? null,
    target_date: input.target?.date ?? null,
    frequency: input.frequency,
    owner_organisation_id: owner.id,
    objective_keys: [...new Set(input.objectives ?? [])],
    core_project_keys: [...new Set(input.coreProjects ?? [])],
    iso_theme: input.isoTheme ?? null,
    visibility: input.visibility ?? 'public',
    metric_name: input.metric ?? null,
    source_note: input.sourceNote ?? null,
  }
}

async function checkElements(
  context: ModuleContext,
  keys: readonly string[],
  kinds: readonly string[],
  kindName: string,
): Promise<void> {
  for (const key of keys) {
    const element = await selectElement(context.db, key)
    if (!element || !kinds.includes(element.kind) || element.retired)
      throw new Problem(
        400,
        'STRATEGY_LINK_UNKNOWN',
        `No such ${kindName.replace('_', ' ')}`,
        `"${key}" is not a current ${kindName.replace('_', ' ')} of the strategy; GET /api/strategy?kind=${kindName} lists them.`,
      )
  }
}

export async function createKpi(
  context: ModuleContext,
  actor: Actor,
  input: KpiCreate,
  request: RequestFacts,
): Promise<Kpi> {
  if (!(await may(context, actor, DEFINE_KPIS))) throw notAllowed('define KPIs')
  const slug = input.slug ?? slugify(input.name.ro)
  const definition = await definitionOf(context, input, slug)
  if (await slugTaken(context.db, slug))
    throw new Problem(
      409,
      'STRATEGY_KPI_SLUG_TAKEN',
      'That name is taken',
      `Another KPI is called "${slug}"; give a different "slug".`,
    )
  await insertKpi(context.db, definition)
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'strategy.kpi.create',
    target: { type: 'kpi', id: slug },
    outcome: 'success',
    details: { metric: definition.metric_name, owner: input.owner, visibility: definition.visibility },
    requestId: request.requestId,
  })
  const row = (await selectKpi(context.db, slug))!
  // A KPI bound to a metric shows its first value at once rather than at the job's next run.
  if (row.metric_name) await recordMetricValue(context, row, new Date())
  return (await getKpi(context, actor, slug)).kpi
}

export async function changeKpi(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  patch: KpiPatch,
  request: RequestFacts,
): Promise<Kpi> {
  if (!(await may(context, actor, DEFINE_KPIS))) throw notAllowed('change KPIs')
  const row = await readableRow(context, actor, slug)
  const { kpi } = await getKpi(context, actor, slug)
  const { version, ...changes } = patch
  const merged = {
    name: kpi.name,
    description: kpi.description,
    unit: kpi.unit,
    direction: kpi.direction,
    baseline: kpi.baseline,
    target: kpi.target,
    frequency: kpi.frequency,
    owner: kpi.owner.slug,
    objectives: kpi.objectives,
    coreProjects: kpi.coreProjects,
    isoTheme: kpi.isoTheme,
    visibility: kpi.visibility,
    metric: kpi.metric,
    sourceNote: kpi.sourceNote,
    ...changes,
  }
  const definition = await definitionOf(context, merged, slug)
  if (!(await updateKpi(context.db, row.id, version, definition)))
    throw new Problem(
      409,
      'STRATEGY_VERSION_CONFLICT',
      'Someone changed it meanwhile',
      `KPI "${slug}" is at version ${row.version}, not ${version}; reload it, then make your change again.`,
    )
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'strategy.kpi.update',
    target: { type: 'kpi', id: slug },
    outcome: 'success',
    details: { fields: Object.keys(changes) },
    requestId: request.requestId,
  })
  const updated = (await selectKpi(context.db, slug))!
  if (updated.metric_name && updated.metric_name !== row.metric_name)
    await recordMetricValue(context, updated, new Date())
  return (await getKpi(context, actor, slug)).kpi
}

export async function removeKpi(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  request: RequestFacts,
): Promise<void> {
  if (!(await may(context, actor, DEFINE_KPIS))) throw notAllowed('remove KPIs')
  const row = await readableRow(context, actor, slug)
  await archiveKpi(context.db, row.id)
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'strategy.kpi.archive',
    target: { type: 'kpi', id: slug },
    outcome: 'success',
    requestId: request.requestId,
  })
}

/** A value entered by hand: only for KPIs without a metric, only with evidence, never for a future period. */
export async function recordManualValue(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  input: ManualMeasurement,
  request: RequestFacts,
): Promise<{ kpi: Kpi; measurements: Measurement[] }> {
  const row = await readableRow(context, actor, slug)
  if (!(await may(context, actor, MEASURE_KPIS, row.owner_organisation_id)))
    throw notAllowed(`enter values for "${slug}"`)
  if (row.metric_name)
    throw new Problem(
      409,
      'STRATEGY_KPI_AUTOMATIC',
      'This KPI is measured automatically',
      `"${slug}" is measured from the platform metric "${row.metric_name}" by a job; unbind the metric to enter values by hand.`,
    )
  const evidence = input.evidence?.trim() ?? ''
  if (evidence.length < 5)
    throw new Problem(
      400,
      'STRATEGY_EVIDENCE_REQUIRED',
      'Say where the value comes from',
      'A value entered by hand needs "evidence": a link to, or a reference of, the document it comes from (a report, a register, an attendance list).',
    )
  const now = new Date()
  const period = input.period
    ? periodStart(row.frequency, new Date(`${input.period}T00:00:00Z`))
    : currentPeriod(row, now)
  if (period > currentPeriod(row, now))
    throw new Problem(
      400,
      'STRATEGY_PERIOD_IN_FUTURE',
      'That period has not begun',
      `The ${row.frequency} period of ${input.period} starts on ${period}, after today (${isoDate(now)}).`,
    )
  const personId = actor.kind === 'person' ? actor.personId : actor.kind === 'api_key' ? actor.personId : null
  await insertMeasurement(context.db, {
    kpi_id: row.id,
    period_start: period,
    value: input.value,
    source: 'manual',
    evidence,
    note: input.note?.trim() || null,
    entered_by: personId,
  })
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'strategy.kpi.measure',
    target: { type: 'kpi', id: slug },
    outcome: 'success',
    details: { period, value: input.value },
    requestId: request.requestId,
  })
  return getKpi(context, actor, slug)
}
