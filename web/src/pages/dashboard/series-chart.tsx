import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react'
import { ScrollRegion } from '../live/parts.tsx'
import type { Frequency, SeriesPoint } from './dashboard-api.ts'
import type { PlotWords } from './series-plot.tsx'
import { useDashboardWords } from './words.ts'

// uPlot is fetched with the first chart that comes into view, not with the page.
const SeriesPlot = lazy(() => import('./series-plot.tsx'))

/** True once the element has come near the screen; charts further down cost nothing until then. */
function useSeen<T extends Element>() {
  const ref = useRef<T>(null)
  const [seen, setSeen] = useState(false)
  useEffect(() => {
    const element = ref.current
    if (!element || seen) return
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true)
      return
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true)
      },
      { rootMargin: '200px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [seen])
  return [ref, seen] as const
}

/**
 * A KPI's series as a small chart, and the same values in a table for those who cannot see it.
 * Shown from two values on; with fewer the figures beside it say everything.
 */
export function SeriesChart({
  name,
  unit,
  frequency,
  target,
  points,
}: {
  name: string
  unit: string
  frequency: Frequency
  target: number | null
  points: SeriesPoint[]
}) {
  const { t, language, number, percent, period, valueWithUnit } = useDashboardWords()
  const id = useId()
  const [figure, seen] = useSeen<HTMLElement>()
  const sorted = useMemo(() => [...points].sort((a, b) => a.period.localeCompare(b.period)), [points])
  const words = useMemo<PlotWords>(() => {
    const tick = new Intl.DateTimeFormat(language, { month: 'short', year: '2-digit', timeZone: 'UTC' })
    return {
      value: t('chart.value'),
      target: t('kpi.target'),
      periodLabel: t('chart.period'),
      tick: (seconds) => tick.format(seconds * 1000),
      number,
    }
  }, [t, language, number])

  if (sorted.length < 2) return null
  const caption = t('chart.caption', { name })
  const placeholder = (
    <div className="series__plot series__plot--waiting" aria-hidden="true">
      {t('chart.preparing')}
    </div>
  )
  return (
    <figure className="series" ref={figure} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="series__caption">
        {caption}
      </figcaption>
      {seen ? (
        <Suspense fallback={placeholder}>
          <SeriesPlot points={sorted} target={target} words={words} />
        </Suspense>
      ) : (
        placeholder
      )}
      <details className="series__table">
        <summary>{t('chart.tableSummary')}</summary>
        <ScrollRegion label={t('chart.tableLabel', { name })}>
          <table className="dashboard-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.period')}</th>
                <th scope="col">{t('chart.value')}</th>
                <th scope="col">{t('chart.score')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((point) => (
                <tr key={point.period}>
                  <th scope="row">{period(point.period, frequency)}</th>
                  <td>{valueWithUnit(point.value, unit)}</td>
                  <td>{point.score === null ? '–' : percent(point.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  )
}
