import { getJson } from '../../api.ts'

/** The same text in Romanian (always) and, where written, English and Hungarian. */
export type LocalizedText = { ro: string; en?: string; hu?: string }

export type KpiStatus = 'met' | 'on_track' | 'at_risk' | 'missed' | 'unknown'
export type Trend = 'improving' | 'worsening' | 'steady'
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly'
type DatedValue = { value: number; date: string }

/** A KPI as GET /api/strategy/dashboard and /kpis/:slug give it (src/modules/strategy/schemas.ts). */
export type Kpi = {
  slug: string
  name: LocalizedText
  description: LocalizedText
  unit: string
  direction: 'higher' | 'lower'
  baseline: DatedValue | null
  target: DatedValue | null
  frequency: Frequency
  owner: { slug: string; name: LocalizedText }
  objectives: string[]
  coreProjects: string[]
  isoTheme: string | null
  visibility: 'public' | 'internal'
  source: 'metric' | 'manual'
  metric: string | null
  sourceNote: LocalizedText | null
  latest: { period: string; value: number; recordedAt: string } | null
  /** Value ÷ target (inverted where lower is better): 1 is on target. */
  score: number | null
  status: KpiStatus
  trend: Trend | null
  projected: number | null
  dueBy: string
  overdue: boolean
}

export type SeriesPoint = { period: string; value: number; score: number | null }

export type ObjectiveScore = {
  key: string
  code: string | null
  title: LocalizedText
  score: number | null
  /** The score at the start of the chosen period, when one was chosen. */
  previousScore: number | null
  kpis: string[]
}

export type Dashboard = {
  period: { from: string | null; to: string }
  city: { score: number | null; previousScore: number | null }
  objectives: ObjectiveScore[]
  kpis: Kpi[]
  series: { slug: string; points: SeriesPoint[] }[]
}

export type Measurement = {
  period: string
  value: number
  source: 'metric' | 'manual'
  evidence: string | null
  note: string | null
  recordedAt: string
  score: number | null
  superseded: boolean
}

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
