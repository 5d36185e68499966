import { getJson } from '../../api.ts'

export type Localized = { ro: string; en?: string; hu?: string }

export type ElementKind =
  | 'vision'
  | 'principle'
  | 'strategic_factor'
  | 'transversal_objective'
  | 'objective'
  | 'direction_group'
  | 'direction'
  | 'priority_area'
  | 'core_project'
  | 'success_factor'

/** One element of the strategy (src/modules/strategy/schemas.ts, StrategyElement). */
export type Element = {
  key: string
  kind: ElementKind
  code: string | null
  parent: string | null
  position: number
  title: Localized
  summary: Localized
  objectives: string[]
  retired: boolean
  version: number
  changedAt: string
}

export type ElementVersion = {
  version: number
  code: string | null
  parent: string | null
  position: number
  title: Localized
  summary: Localized
  objectives: string[]
  retired: boolean
  changedAt: string
  /** Only for those who may edit the strategy. */
  changedBy: string | null
  note: string | null
}

export type FieldChange = { field: string; from: unknown; to: unknown }

export type Change = {
  key: string
  kind: string
  version: number
  changedAt: string
  changedBy: string | null
  note: string | null
  changes: FieldChange[]
}

export type DatedValue = { value: number; date: string }

export type KpiStatus = 'met' | 'on_track' | 'at_risk' | 'missed' | 'unknown'

/** A KPI with its latest value and score (StrategyKpi). */
export type Kpi = {
  slug: string
  name: Localized
  description: Localized
  unit: string
  direction: 'higher' | 'lower'
  baseline: DatedValue | null
  target: DatedValue | null
  frequency: string
  owner: { slug: string; name: Localized }
  objectives: string[]
  coreProjects: string[]
  isoTheme: string | null
  visibility: 'public' | 'internal'
  source: 'metric' | 'manual'
  metric: string | null
  /** Why it is measured automatically or by hand. */
  sourceNote: Localized | null
  latest: { period: string; value: number; recordedAt: string } | null
  score: number | null
  status: KpiStatus
  trend: 'improving' | 'worsening' | 'steady' | null
  projected: number | null
  dueBy: string
  overdue: boolean
  version: number
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

export type Management = {
  kpis: Kpi[]
  overdue: string[]
  atRisk: string[]
  counts: {
    total: number
    automatic: number
    manual: number
    overdue: number
    atRisk: number
    onTrack: number
  }
}

/** A measurement a module publishes (GET /api/metrics). */
export type Metric = {
  name: string
  description: string
  unit: string
  value: number | null
  measuredAt: string
  error?: string
}

export type OrganisationSummary = {
  slug: string
  name: string
  names: Partial<Record<string, string>>
}

const key = (value: string) => encodeURIComponent(value)

export const getStrategy = (asOf: string | undefined, signal: AbortSignal) =>
  getJson<{ asOf: string; elements: Element[] }>(
    `/api/strategy${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
    signal,
  )

export const getElementsOfKind = (kind: ElementKind, signal: AbortSignal) =>
  getJson<{ asOf: string; elements: Element[] }>(`/api/strategy?kind=${kind}`, signal)

export const getChanges = (from: string, signal: AbortSignal) =>
  getJson<{ from: string; to: string; changes: Change[] }>(
    `/api/strategy/changes?from=${encodeURIComponent(from)}`,
    signal,
  )

export const getElement = (elementKey: string, signal: AbortSignal) =>
  getJson<Element>(`/api/strategy/elements/${key(elementKey)}`, signal)

export const getVersions = (elementKey: string, signal: AbortSignal) =>
  getJson<{ items: ElementVersion[] }>(`/api/strategy/elements/${key(elementKey)}/versions`, signal)

export const getDiff = (elementKey: string, from: number, to: number, signal: AbortSignal) =>
  getJson<{ key: string; from: number; to: number; changes: FieldChange[] }>(
    `/api/strategy/elements/${key(elementKey)}/diff?from=${from}&to=${to}`,
    signal,
  )

export const getManagement = (signal: AbortSignal) => getJson<Management>('/api/strategy/management', signal)

export const getKpi = (slug: string, signal: AbortSignal) =>
  getJson<{ kpi: Kpi; measurements: Measurement[] }>(`/api/strategy/kpis/${key(slug)}`, signal)

export const getMetrics = (signal: AbortSignal) => getJson<{ items: Metric[] }>('/api/metrics', signal)

export const getOrganisations = (signal: AbortSignal) =>
  getJson<{ items: OrganisationSummary[] }>('/api/organisations', signal)

export const elementPath = (elementKey: string) => `/strategy/element/${key(elementKey)}`
