import type { Dashboard, Kpi, Measurement } from '../../../../src/modules/strategy/schemas.ts'
import type { LocalizedText } from '../../../../src/platform/text/localized.ts'
import { getJson } from '../../api.ts'

// The server's schemas are the one source of these shapes (src/modules/strategy/schemas.ts).
export type { Dashboard, Kpi, LocalizedText, Measurement }
export type KpiStatus = Kpi['status']
export type Trend = NonNullable<Kpi['trend']>
export type Frequency = Kpi['frequency']
export type SeriesPoint = Dashboard['series'][number]['points'][number]
export type ObjectiveScore = Dashboard['objectives'][number]
export type StrategyElement = { key: string; kind: string; code: string | null; title: LocalizedText }

/** What the dashboard shows: an objective and a period, as the address's query keeps them. */
export type DashboardFilter = { objective?: string; from?: string; to?: string }

export function dashboardQuery(filter: DashboardFilter): string {
  const query = new URLSearchParams()
  if (filter.objective) query.set('objective', filter.objective)
  if (filter.from) query.set('from', filter.from)
  if (filter.to) query.set('to', filter.to)
  const text = query.toString()
  return text ? `?${text}` : ''
}

export const getDashboard = (filter: DashboardFilter, signal: AbortSignal) =>
  getJson<Dashboard>(`/api/strategy/dashboard${dashboardQuery(filter)}`, signal)

export const getKpiHistory = (slug: string, signal: AbortSignal) =>
  getJson<{ kpi: Kpi; measurements: Measurement[] }>(`/api/strategy/kpis/${encodeURIComponent(slug)}`, signal)

export const getElements = (kind: string, signal: AbortSignal) =>
  getJson<{ elements: StrategyElement[] }>(`/api/strategy?kind=${kind}`, signal).then(
    (answer) => answer.elements,
  )

/** The open-data files of the KPIs (CC-BY 4.0). */
export const EXPORTS = [
  { file: 'kpis.csv', href: '/api/strategy/export/kpis.csv' },
  { file: 'kpis.json', href: '/api/strategy/export/kpis.json' },
  { file: 'kpi-measurements.csv', href: '/api/strategy/export/measurements.csv' },
  { file: 'kpi-measurements.json', href: '/api/strategy/export/measurements.json' },
] as const
