import { Link } from 'react-router'
import type { Kpi, SeriesPoint } from './dashboard-api.ts'
import { ScoreMeter, SourceBadge, StatusBadge, TrendText } from './kpi-parts.tsx'
import { LocalizedText } from './localized-text.tsx'
import { SeriesChart } from './series-chart.tsx'
import { useDashboardWords } from './words.ts'

/** The latest value with its period, or, where there is none, what it waits for. */
export function LatestValue({ kpi }: { kpi: Kpi }) {
  const { t, valueWithUnit, period } = useDashboardWords()
  if (!kpi.latest)
    return (
      <p className={`kpi-value kpi-value--awaiting kpi-value--${kpi.source}`}>
        {t(kpi.source === 'manual' ? 'kpi.awaitingManual' : 'kpi.awaitingMetric')}
      </p>
    )
  return (
    <p className="kpi-value">
      <span className="kpi-value__figure">{valueWithUnit(kpi.latest.value, kpi.unit)}</span>{' '}
      <span className="kpi-value__period">
        {t('kpi.period', { period: period(kpi.latest.period, kpi.frequency) })}
      </span>
    </p>
  )
}

export function TargetText({ kpi }: { kpi: Kpi }) {
  const { t, valueWithUnit, day } = useDashboardWords()
  if (!kpi.target) return <>{t('kpi.noTarget')}</>
  return (
    <>{t('kpi.targetBy', { value: valueWithUnit(kpi.target.value, kpi.unit), date: day(kpi.target.date) })}</>
  )
}

/** One KPI on the dashboard: its name (a heading, linking to its page), figures, status, trend and source. */
export function KpiCard({ kpi, points }: { kpi: Kpi; points: SeriesPoint[] }) {
  const { t, kpiName, day } = useDashboardWords()
  const name = kpiName(kpi)
  return (
    <li className={`kpi-card kpi-card--${kpi.source}`}>
      <h3 className="kpi-card__name">
        <Link to={`/dashboard/kpi/${encodeURIComponent(kpi.slug)}`}>
          <LocalizedText text={kpi.name} />
        </Link>
      </h3>
      <p className="kpi-card__badges">
        <SourceBadge kpi={kpi} />
        <StatusBadge status={kpi.status} />
      </p>
      <LatestValue kpi={kpi} />
      {kpi.overdue && (
        <p className="kpi-overdue">
          <span aria-hidden="true">⚠ </span>
          {t('kpi.overdue', { date: day(kpi.dueBy) })}
        </p>
      )}
      <dl className="kpi-facts">
        <div>
          <dt>{t('kpi.target')}</dt>
          <dd>
            <TargetText kpi={kpi} />
          </dd>
        </div>
        <div>
          <dt>{t('kpi.score')}</dt>
          <dd>
            <ScoreMeter score={kpi.score} />
          </dd>
        </div>
        <div>
          <dt>{t('kpi.trend')}</dt>
          <dd>
            <TrendText trend={kpi.trend} />
          </dd>
        </div>
      </dl>
      <KpiSource kpi={kpi} />
      <SeriesChart
        name={name}
        unit={kpi.unit}
        frequency={kpi.frequency}
        target={kpi.target?.value ?? null}
        points={points}
      />
    </li>
  )
}

/** Where the values come from: the metric an automatic KPI is measured from, or why one is entered by hand. */
function KpiSource({ kpi }: { kpi: Kpi }) {
  const { t } = useDashboardWords()
  return (
    <div className={`kpi-origin kpi-origin--${kpi.source}`}>
      <p className="kpi-origin__line">
        <SourceBadge kpi={kpi} long />
      </p>
      {kpi.source === 'manual' && kpi.sourceNote && (
        <p className="kpi-origin__why">
          <strong>{t('kpi.why')}:</strong> <LocalizedText text={kpi.sourceNote} />
        </p>
      )}
    </div>
  )
}
