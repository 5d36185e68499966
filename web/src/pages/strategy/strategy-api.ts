import type {
  Element,
  ElementKind,
  ElementVersion,
  Kpi,
  Measurement,
} from '../../../../src/modules/strategy/schemas.ts'
import type { MeasuredValue } from '../../../../src/platform/metrics/measurement.ts'
import type { LocalizedText } from '../../../../src/platform/text/localized.ts'
import { getJson } from '../../api.ts'

// The server's schemas are the one source of these shapes (src/modules/strategy/schemas.ts).
export type { Element, ElementKind, ElementVersion, Kpi, Measurement }
export type Localized = LocalizedText
export type KpiStatus = Kpi['status']
export type DatedValue = NonNullable<Kpi['target']>
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
export type Metric = MeasuredValue

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
