import { renderInstance } from '../entity-output.ts'
import type { TermMap } from '../json-ld/term-map.ts'
import type { AttributeInstance, AttributeKind } from '../model.ts'
import type { AggregateRow } from './temporal-aggregation.ts'
import type { HistoryInstance } from './temporal-history.ts'
import { SIMPLIFIED_MEMBERS } from './temporal-input.ts'
import type { TemporalView, TimeProperty } from './temporal-query.ts'
import type { TemporalEntityRow } from './temporal-store.ts'

export const INSTANCE_ID_PREFIX = 'urn:ngsi-ld:AttributeInstance:'
const NGSI_LD_NULL = 'urn:ngsi-ld:null'

type Deletion = { type: string; deletedAt: string; datasetId?: string }
const isDeletion = (instance: HistoryInstance['instance']): instance is Deletion => 'deletedAt' in instance

/** Rows of one entity, grouped per series (attribute, datasetId) in the order the store gave them. */
function bySeries<T extends { attribute: string; dataset_id: string }>(
  rows: readonly T[],
): Map<string, T[][]> {
  const attributes = new Map<string, Map<string, T[]>>()
  for (const row of rows) {
    const series = attributes.get(row.attribute) ?? new Map<string, T[]>()
    attributes.set(row.attribute, series)
    const list = series.get(row.dataset_id)
    if (list) list.push(row)
    else series.set(row.dataset_id, [row])
  }
  return new Map([...attributes].map(([attribute, series]) => [attribute, [...series.values()]]))
}

function entityMembers(entity: TemporalEntityRow, terms: TermMap): Record<string, unknown> {
  const types = entity.types.map((type) => terms.compact(type))
  return { id: entity.id, type: types.length === 1 ? types[0] : types }
}

function systemMembers(entity: TemporalEntityRow, view: TemporalView): Record<string, unknown> {
  if (!view.sysAttrs) return {}
  return {
    createdAt: entity.created_at,
    ...(entity.modified_at ? { modifiedAt: entity.modified_at } : {}),
    ...(entity.deleted_at ? { deletedAt: entity.deleted_at } : {}),
  }
}

/**
 * NGSI-LD 4.5.7: every instance with its instanceId and the query's time property (observedAt
 * falls back to when the instance was written, the instant the history is ordered by). A deletion
 * shows as an instance whose value is NGSI-LD Null with its deletedAt.
 */
function renderNormalized(
  row: HistoryInstance,
  terms: TermMap,
  view: TemporalView,
  timeproperty: TimeProperty,
): Record<string, unknown> {
  const instanceId = `${INSTANCE_ID_PREFIX}${row.id}`
  if (isDeletion(row.instance))
    return {
      type: row.instance.type,
      value: NGSI_LD_NULL,
      ...(row.dataset_id ? { datasetId: row.dataset_id } : {}),
      instanceId,
      deletedAt: row.instance.deletedAt,
    }
  const out = renderInstance(row.instance, terms, {
    format: 'normalized',
    sysAttrs: view.sysAttrs,
  }) as Record<string, unknown>
  out.instanceId = instanceId
  out[timeproperty] ??= row.at
  return out
}

/** NGSI-LD 4.5.9: `values` (`objects`, `languageMaps`…) as [value, time] pairs; deletions are left out. */
function renderSimplified(series: HistoryInstance[], terms: TermMap): Record<string, unknown> | undefined {
  const kept = series.filter((row) => !isDeletion(row.instance))
  const first = kept[0]?.instance as AttributeInstance | undefined
  if (!first) return undefined
  const shape = SIMPLIFIED_MEMBERS[first.type as AttributeKind] ?? SIMPLIFIED_MEMBERS.Property
  const pairs = kept.map((row) => {
    const instance = row.instance as AttributeInstance
    const own = SIMPLIFIED_MEMBERS[instance.type] ?? shape
    let value = instance[own.member]
    if (own.member === 'vocab')
      value = Array.isArray(value)
        ? value.map((item) => terms.compact(String(item)))
        : terms.compact(String(value))
    return [value, row.at]
  })
  return {
    type: first.type,
    ...(series[0]?.dataset_id ? { datasetId: series[0].dataset_id } : {}),
    [shape.list]: pairs,
  }
}

/** NGSI-LD 4.5.19: per method, [value, periodStart, periodEnd] triples; periods without a value are left out. */
function renderAggregated(series: AggregateRow[], view: TemporalView): Record<string, unknown> {
  const first = series[0] as AggregateRow
  const out: Record<string, unknown> = {
    type: first.kind,
    ...(first.dataset_id ? { datasetId: first.dataset_id } : {}),
  }
  for (const method of view.aggregation?.methods ?? [])
    out[method] = series
      .filter((row) => row.values[method] !== null && row.values[method] !== undefined)
      .map((row) => [row.values[method], row.start, row.end])
  return out
}

export function renderTemporalEntity(
  entity: TemporalEntityRow,
  history: { instances?: readonly HistoryInstance[]; aggregates?: readonly AggregateRow[] },
  terms: TermMap,
  view: TemporalView,
  timeproperty: TimeProperty,
): Record<string, unknown> {
  const out = entityMembers(entity, terms)
  if (view.format === 'aggregatedValues') {
    for (const [attribute, series] of bySeries(history.aggregates ?? [])) {
      const rendered = series.map((rows) => renderAggregated(rows, view))
      out[terms.compact(attribute)] = rendered.length === 1 ? rendered[0] : rendered
    }
  } else if (view.format === 'temporalValues') {
    for (const [attribute, series] of bySeries(history.instances ?? [])) {
      const rendered = series.flatMap((rows) => renderSimplified(rows, terms) ?? [])
      if (rendered.length > 0) out[terms.compact(attribute)] = rendered.length === 1 ? rendered[0] : rendered
    }
  } else {
    for (const [attribute, series] of bySeries(history.instances ?? []))
      out[terms.compact(attribute)] = series
        .flat()
        .map((row) => renderNormalized(row, terms, view, timeproperty))
  }
  return { ...out, ...systemMembers(entity, view) }
}
