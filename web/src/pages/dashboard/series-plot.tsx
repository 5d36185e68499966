import 'uplot/dist/uPlot.min.css'
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import type { SeriesPoint } from './dashboard-api.ts'

const VALUE = '#0b5cad'
const TARGET = '#1e6b2f'
const AXIS = '#4a5360'
const GRID = '#e3e7ec'
const HEIGHT = 180

export type PlotWords = {
  value: string
  target: string
  periodLabel: string
  tick: (seconds: number) => string
  number: (value: number) => string
}

const MAX_TICKS = 6

function ticksOf(xs: number[]): number[] {
  if (xs.length <= MAX_TICKS) return xs
  const step = (xs.length - 1) / (MAX_TICKS - 1)
  return Array.from({ length: MAX_TICKS }, (_, index) => xs[Math.round(index * step)]!)
}

/** A KPI's values over time, with its target as a dashed line; hidden from screen readers, who get the table. */
export default function SeriesPlot({
  points,
  target,
  words,
}: {
  points: SeriesPoint[]
  target: number | null
  words: PlotWords
}) {
  const holder = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const element = holder.current
    if (!element) return
    const xs = points.map((point) => Date.parse(`${point.period}T00:00:00Z`) / 1000)
    const series: uPlot.Series[] = [
      { label: words.periodLabel, value: (_, x) => (x == null ? '–' : words.tick(x)) },
      { label: words.value, stroke: VALUE, width: 2, points: { show: true }, value: (_, v) => show(v) },
    ]
    const data: uPlot.AlignedData = [xs, points.map((point) => point.value)]
    if (target !== null) {
      series.push({ label: words.target, stroke: TARGET, width: 1.5, dash: [6, 4], value: (_, v) => show(v) })
      data.push(points.map(() => target))
    }
    function show(value: number | null | undefined) {
      return value == null ? '–' : words.number(value)
    }
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 200),
        height: HEIGHT,
        series,
        scales: { x: { time: true } },
        axes: [
          {
            stroke: AXIS,
            grid: { stroke: GRID, width: 1 },
            ticks: { stroke: GRID, width: 1 },
            // Ticks at the periods measured (at most six), not at uPlot's own steps that repeat a month.
            splits: () => ticksOf(xs),
            values: (_, splits) => splits.map((split) => words.tick(split)),
          },
          {
            stroke: AXIS,
            grid: { stroke: GRID, width: 1 },
            ticks: { stroke: GRID, width: 1 },
            size: 48,
            values: (_, splits) => splits.map((split) => words.number(split)),
          },
        ],
        cursor: { drag: { x: false, y: false, setScale: false } },
        legend: { show: false },
      },
      data,
      element,
    )
    const observer = new ResizeObserver(() => {
      const width = Math.max(element.clientWidth, 200)
      if (width !== plot.width) plot.setSize({ width, height: HEIGHT })
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
      plot.destroy()
    }
  }, [points, target, words])

  return <div className="series__plot" ref={holder} aria-hidden="true" />
}
