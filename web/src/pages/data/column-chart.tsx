import 'uplot/dist/uPlot.min.css'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import uPlot from 'uplot'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import { type Column, getRecords, type Resource } from './catalog-api.ts'
import { isYearColumn } from './column-types.ts'
import type { Narrowing } from './datastore-preview.tsx'
import { ProblemAlert, ScrollRegion } from './parts.tsx'
import { useDataWords } from './words.ts'

/** The rows a chart draws at most; the table under it lists the same ones. */
const CHART_ROWS = 1000
const LINE = '#0b5cad'
const AXIS = '#4a5360'
const GRID = '#e3e7ec'
const ROW_ORDER = '_id'
const WHOLE_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 1_000_000,
]

const isNumeric = (column: Column) => column.type === 'integer' || column.type === 'number'
const isTime = (column: Column) => column.type === 'date' || column.type === 'timestamp'

/**
 * A numeric column the reader chooses, drawn against the row order, a date or another number
 * (uPlot); the rows it draws follow the table's narrowing, and are listed in a table for those who
 * cannot see the chart.
 */
export function ColumnChart({
  resource,
  columns,
  narrowing,
}: {
  resource: Resource
  columns: Column[]
  narrowing: Narrowing
}) {
  const { t, formats, language } = useDataWords()
  const id = useId()
  const numeric = columns.filter(isNumeric)
  const axes = columns.filter((column) => isTime(column) || isNumeric(column))
  const [x, setX] = useState((columns.find(isTime) ?? columns.find(isYearColumn))?.name ?? ROW_ORDER)
  const [y, setY] = useState((numeric.find((column) => column.name !== x) ?? numeric[0])?.name ?? '')
  const xColumn = columns.find((column) => column.name === x)
  const holder = useRef<HTMLDivElement>(null)

  const load = useCallback(
    (signal: AbortSignal) =>
      getRecords(
        resource.id,
        {
          sort: `${x} asc`,
          q: narrowing.q,
          filters: narrowing.filters,
          limit: CHART_ROWS,
          offset: 0,
        },
        signal,
      ),
    [resource.id, x, narrowing],
  )
  const [records, reload] = useResource(load, 'always')

  const points = useMemo(() => {
    if (records.status !== 'ready') return []
    const xOf = (record: Record<string, unknown>, index: number): number | null => {
      const value = x === ROW_ORDER ? (record._id ?? index + 1) : record[x]
      if (typeof value === 'number') return value
      if (typeof value === 'string' && xColumn && isTime(xColumn)) {
        const time = Date.parse(value)
        return Number.isNaN(time) ? null : time / 1000
      }
      return null
    }
    return records.data.records.flatMap((record, index) => {
      const at = xOf(record, index)
      const value = record[y]
      return at === null
        ? []
        : [
            {
              id: String(record._id ?? at),
              at,
              value: typeof value === 'number' ? value : null,
              label: record[x],
            },
          ]
    })
  }, [records, x, y, xColumn])

  const time = xColumn !== undefined && isTime(xColumn)
  // Row numbers and whole numbers along the axis get whole ticks only.
  const whole = x === ROW_ORDER || xColumn?.type === 'integer'
  const year = xColumn !== undefined && isYearColumn(xColumn)
  const xText = useCallback(
    (value: number) =>
      time
        ? new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(value * 1000)
        : year
          ? String(value)
          : formats.number.format(value),
    [time, year, formats, language],
  )

  useEffect(() => {
    const element = holder.current
    if (!element || points.length === 0) return
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 240),
      height: 260,
      scales: { x: { time } },
      series: [
        {
          label: x === ROW_ORDER ? t('chart.rowOrder') : x,
          value: (_, value) => (value == null ? '–' : xText(value)),
        },
        {
          label: y,
          stroke: LINE,
          width: 2,
          points: { show: points.length < 60 },
          value: (_, value) => (value == null ? '–' : formats.number.format(value)),
        },
      ],
      axes: [
        {
          stroke: AXIS,
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID, width: 1 },
          values: (_, splits) => splits.map(xText),
          ...(whole ? { incrs: WHOLE_STEPS } : {}),
        },
        {
          stroke: AXIS,
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID, width: 1 },
          // Wide enough for the longest label (large numbers would be cut otherwise).
          size: (_, labels) => Math.max(48, ...(labels ?? []).map((label) => label.length * 8 + 16)),
          values: (_, splits) => splits.map((split) => formats.number.format(split)),
        },
      ],
      cursor: { drag: { x: false, y: false, setScale: false } },
    }
    const plot = new uPlot(
      options,
      [points.map((point) => point.at), points.map((point) => point.value)],
      element,
    )
    const observer = new ResizeObserver(() => {
      const width = Math.max(element.clientWidth, 240)
      if (width !== plot.width) plot.setSize({ width, height: 260 })
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
      plot.destroy()
    }
  }, [points, time, whole, x, y, xText, formats, t])

  const xName = x === ROW_ORDER ? t('chart.rowOrder') : x
  const caption = t('chart.caption', { y, x: xName, count: points.length })

  return (
    <section className="chart" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('chart.heading')}</h3>
      <div className="chart__choices">
        <div className="field">
          <label htmlFor={`${id}-y`}>{t('chart.value')}</label>
          <select id={`${id}-y`} value={y} onChange={(event) => setY(event.target.value)}>
            {numeric.map((column) => (
              <option key={column.name} value={column.name}>
                {column.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-x`}>{t('chart.along')}</label>
          <select id={`${id}-x`} value={x} onChange={(event) => setX(event.target.value)}>
            <option value={ROW_ORDER}>{t('chart.rowOrder')}</option>
            {axes
              .filter((column) => column.name !== y)
              .map((column) => (
                <option key={column.name} value={column.name}>
                  {column.name}
                </option>
              ))}
          </select>
        </div>
      </div>
      {records.status === 'loading' && <Working quiet>{t('common.loading')}</Working>}
      {records.status === 'error' && (
        <ProblemAlert error={records.error} lead={t('chart.failed')} onRetry={() => void reload()} />
      )}
      {records.status === 'ready' && points.length === 0 && <p className="notice">{t('chart.empty')}</p>}
      {points.length > 0 && (
        <>
          <figure className="chart__figure">
            <figcaption>{caption}</figcaption>
            <div className="chart__plot" ref={holder} aria-hidden="true" />
          </figure>
          <details className="chart__table">
            <summary>{t('chart.tableSummary', { y })}</summary>
            <ScrollRegion label={t('chart.tableLabel', { y })}>
              <table className="data-table">
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{xName}</th>
                    <th scope="col" className="numeric">
                      {y}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((point) => (
                    <tr key={point.id}>
                      <th scope="row">{time ? String(point.label) : xText(point.at)}</th>
                      <td className="numeric">
                        {point.value === null ? '–' : formats.number.format(point.value)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        </>
      )}
    </section>
  )
}
