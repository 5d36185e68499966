import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { remembered } from '../dashboard-cache.ts'
import { goalOf, groupByKpi, seriesOf } from '../evaluation.ts'
import { isoDate } from '../periods.ts'
import type { Dashboard, Kpi } from '../schemas.ts'
import { rollUp, score } from '../scores.ts'
import { selectElementsAsOf } from '../store/elements.ts'
import { selectKpis } from '../store/kpis.ts'
import { selectMeasurements } from '../store/measurements.ts'
import { DEFINE_KPIS, MEASURE_KPIS, may } from './access.ts'
import { evaluateRows } from './kpis.ts'
import { loadOwners } from './owners.ts'

/**
 * The city dashboard: public KPIs only, whoever asks (it is what the city shows, not what the
 * caller may see), scored as of the period's end and compared with its start.
 */
export function cityDashboard(
  context: ModuleContext,
  query: { objective?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<Dashboard> {
  const key = JSON.stringify([query.objective, query.from, query.to ?? isoDate(new Date())])
  return remembered(key, () => computeDashboard(context, query))
}

async function computeDashboard(
  context: ModuleContext,
  query: { objective?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<Dashboard> {
  const to = query.to ?? isoDate(new Date())
  if (query.from && query.from > to)
    throw new Problem(
      400,
      'STRATEGY_SPAN_REVERSED',
      'The period ends before it starts',
      'Give "to" after "from".',
    )
  const elements = await selectElementsAsOf(context.db, undefined)
  const objectives = elements.filter(
    (element) => ['objective', 'transversal_objective'].includes(element.kind) && !element.retired,
  )
  if (query.objective && !objectives.some((objective) => objective.key === query.objective))
    throw new Problem(
      400,
      'STRATEGY_OBJECTIVE_UNKNOWN',
      'No such objective',
      `"${query.objective}" is not an objective; GET /api/strategy?kind=objective lists them.`,
    )
  const rows = (await selectKpis(context.db)).filter(
    (row) =>
      row.visibility === 'public' && (!query.objective || row.objective_keys.includes(query.objective)),
  )
  const owners = await loadOwners(context)
  const measurements = groupByKpi(
    await selectMeasurements(
      context.db,
      rows.map((row) => row.id),
    ),
  )
  const kpis = await evaluateRows(context, rows, owners, { until: to, measurements })
  const before = query.from
    ? await evaluateRows(context, rows, owners, { until: dayBefore(query.from), measurements })
    : []
  const scoreOf = (list: Kpi[], slug: string) => list.find((kpi) => kpi.slug === slug)?.score ?? null
  const series = rows.map((row) => {
    const goal = goalOf(row)
    const points = seriesOf(measurements.get(row.id) ?? [])
      .filter((entry) => (!query.from || entry.period >= query.from) && entry.period <= to)
      .map((entry) => ({ period: entry.period, value: entry.value, score: score(goal, entry.value) }))
    return { slug: row.slug, points: thin(points, SERIES_POINTS) }
  })
  const shown = objectives.filter((objective) => !query.objective || objective.key === query.objective)
  return {
    period: { from: query.from ?? null, to },
    city: {
      score: rollUp(kpis.map((kpi) => kpi.score)),
      previousScore: query.from ? rollUp(before.map((kpi) => kpi.score)) : null,
    },
    objectives: shown.map((objective) => {
      const slugs = kpis.filter((kpi) => kpi.objectives.includes(objective.key)).map((kpi) => kpi.slug)
      return {
        key: objective.key,
        code: objective.code,
        title: objective.title,
        score: rollUp(slugs.map((slug) => scoreOf(kpis, slug))),
        previousScore: query.from ? rollUp(slugs.map((slug) => scoreOf(before, slug))) : null,
        kpis: slugs,
      }
    }),
    kpis,
    series,
  }
}

/** A chart on a phone shows the shape of a year in this many points; the KPI's page has every value. */
const SERIES_POINTS = 60

/** At most `most` points, evenly spaced, always keeping the first and the latest. */
export function thin<T>(points: readonly T[], most: number): T[] {
  if (points.length <= most) return [...points]
  const step = (points.length - 1) / (most - 1)
  return Array.from({ length: most }, (_, index) => points[Math.round(index * step)]!)
}

function dayBefore(day: string): string {
  return isoDate(new Date(`${day}T00:00:00Z`).getTime() - 86_400_000)
}

/** The KPIs someone answers for: all of them for the office, their organisations' for department heads. */
export async function answerableKpis(context: ModuleContext, actor: Actor): Promise<Kpi[]> {
  const everywhere = await may(context, actor, DEFINE_KPIS)
  const rows = []
  for (const row of await selectKpis(context.db)) {
    if (everywhere || (await may(context, actor, MEASURE_KPIS, row.owner_organisation_id))) rows.push(row)
  }
  return evaluateRows(context, rows, await loadOwners(context))
}

export function needingAttention(kpis: readonly Kpi[]) {
  return {
    overdue: kpis.filter((kpi) => kpi.overdue),
    atRisk: kpis.filter((kpi) => kpi.status === 'at_risk' || kpi.status === 'missed'),
  }
}

export async function managementDashboard(context: ModuleContext, actor: Actor) {
  const kpis = await answerableKpis(context, actor)
  const { overdue, atRisk } = needingAttention(kpis)
  return {
    kpis,
    overdue: overdue.map((kpi) => kpi.slug),
    atRisk: atRisk.map((kpi) => kpi.slug),
    counts: {
      total: kpis.length,
      automatic: kpis.filter((kpi) => kpi.source === 'metric').length,
      manual: kpis.filter((kpi) => kpi.source === 'manual').length,
      overdue: overdue.length,
      atRisk: atRisk.length,
      onTrack: kpis.filter((kpi) => kpi.status === 'met' || kpi.status === 'on_track').length,
    },
  }
}
