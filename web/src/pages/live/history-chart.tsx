import 'uplot/dist/uPlot.min.css'
import { useCallback, useEffect, useId, useMemo, useRef } from 'react'
import uPlot from 'uplot'
import type { Aggregate } from './ngsi.ts'
import { ScrollRegion } from './parts.tsx'
import { useLiveWords } from './words.ts'

export type Range = '24h' | '7d'

const AVERAGE = '#0b5cad'
const MINIMUM = '#1e6b2f'
const MAXIMUM = '#b3261e'
const AXIS = '#4a5360'
const GRID = '#e3e7ec'

type Rows = { avg: Aggregate[]; min: Aggregate[]; max: Aggregate[] }

/**
 * One attribute's history as a uPlot chart (average per period, with the band between minimum and
 * maximum), followed by the same numbers in a table for those who cannot see the chart.
 */
export function HistoryChart({
  name,
  unit,
  rows,
  range,
  factor = 1,
}: {
  name: string
  unit: string | undefined
  rows: Rows
  range: Range
  /** Multiplies every value, e.g. 100 to show fractions as percentages. */
  factor?: number
}) {
  const { t, language, number } = useLiveWords()
  const id = useId()
  const holder = useRef<HTMLDivElement>(null)
  // Without aggregation the server's raw values stand in for all three series.
  const aggregated = rows.min !== rows.avg

  const table = useMemo(() => {
    const scaled = (value: number | null) => (value === null ? null : value * factor)
    const byStart = (list: Aggregate[]) => new Map(list.map(([value, start]) => [start, scaled(value)]))
    const minimum = byStart(rows.min)
    const maximum = byStart(rows.max)
    return rows.avg.map(([value, start, end]) => ({
      start,
      end,
      avg: scaled(value),
      min: minimum.get(start) ?? null,
      max: maximum.get(start) ?? null,
    }))
  }, [rows, factor])

  const formats = useMemo(
    () => ({
      tick:
        range === '24h'
          ? new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' })
          : new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric' }),
      full: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
      time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }),
    }),
    [language, range],
  )

  const withUnit = useCallback(
    (value: number | null | undefined) =>
      value == null ? '–' : unit ? `${number(value)} ${unit}` : number(value),
    [number, unit],
  )

  useEffect(() => {
    const element = holder.current
    if (!element || table.length === 0) return
    const xs = table.map((row) => Date.parse(row.start) / 1000)
    const series: uPlot.Series[] = [
      {
        label: t('chart.time'),
        value: (_, value) => (value == null ? '–' : formats.full.format(value * 1000)),
      },
      {
        label: aggregated ? t('chart.average') : t('chart.value'),
        stroke: AVERAGE,
        width: 2,
        points: { show: table.length < 60 },
        value: (_, value) => withUnit(value),
      },
    ]
    const data: uPlot.AlignedData = [xs, table.map((row) => row.avg)]
    if (aggregated) {
      series.push(
        {
          label: t('chart.minimum'),
          stroke: MINIMUM,
          width: 1.5,
          dash: [5, 4],
          value: (_, v) => withUnit(v),
        },
        {
          label: t('chart.maximum'),
          stroke: MAXIMUM,
          width: 1.5,
          dash: [5, 4],
          value: (_, v) => withUnit(v),
        },
      )
      data.push(
        table.map((row) => row.min),
        table.map((row) => row.max),
      )
    }
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 240),
      height: 240,
      series,
      bands: aggregated ? [{ series: [3, 2], fill: 'rgba(11, 92, 173, 0.12)' }] : undefined,
      scales: { x: { time: true } },
      axes: [
        {
          stroke: AXIS,
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID, width: 1 },
          values: (_, splits) => splits.map((split) => formats.tick.format(split * 1000)),
        },
        {
          stroke: AXIS,
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID, width: 1 },
          size: 56,
          values: (_, splits) => splits.map((split) => number(split)),
        },
      ],
      cursor: { drag: { x: false, y: false, setScale: false } },
      legend: { live: true },
    }
    const plot = new uPlot(options, data, element)
    const observer = new ResizeObserver(() => {
      const width = Math.max(element.clientWidth, 240)
      if (width !== plot.width) plot.setSize({ width, height: 240 })
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
      plot.destroy()
    }
  }, [table, aggregated, formats, number, withUnit, t])

  const period = (start: string, end: string) => {
    const from = Date.parse(start)
    const to = Date.parse(end)
    if (!aggregated || Number.isNaN(to) || to === from) return formats.full.format(from)
    return `${formats.full.format(from)} – ${formats.time.format(to)}`
  }

  const caption = aggregated
    ? t(range === '24h' ? 'chart.captionHourly' : 'chart.captionSixHourly', { name })
    : t(range === '24h' ? 'chart.captionRaw24h' : 'chart.captionRaw7d', { name })

  return (
    <section className="history" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>
        {name}
        {unit && <span className="history__unit"> ({unit})</span>}
      </h3>
      {table.length === 0 ? (
        <p className="notice">{t('chart.empty')}</p>
      ) : (
        <>
          <figure className="history__figure">
            <figcaption>{caption}</figcaption>
            <div className="history__plot" ref={holder} aria-hidden="true" />
          </figure>
          <details className="history__table">
            <summary>{t('chart.tableSummary', { name })}</summary>
            <ScrollRegion label={t('chart.tableLabel', { name })}>
              <table className="live-table live-table--numbers">
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{aggregated ? t('chart.period') : t('chart.time')}</th>
                    <th scope="col">{aggregated ? t('chart.average') : t('chart.value')}</th>
                    {aggregated && <th scope="col">{t('chart.minimum')}</th>}
                    {aggregated && <th scope="col">{t('chart.maximum')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {table.map((row) => (
                    <tr key={row.start}>
                      <th scope="row">{period(row.start, row.end)}</th>
                      <td>{withUnit(row.avg)}</td>
                      {aggregated && <td>{withUnit(row.min)}</td>}
                      {aggregated && <td>{withUnit(row.max)}</td>}
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
