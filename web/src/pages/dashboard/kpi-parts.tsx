import type { Kpi, KpiStatus, Trend } from './dashboard-api.ts'
import { useDashboardWords } from './words.ts'

/** A mark beside each status, so it is told by shape and word as well as by colour. */
const STATUS_MARKS: Record<KpiStatus, string> = {
  met: '✓',
  on_track: '↗',
  at_risk: '!',
  missed: '✕',
  unknown: '?',
}

const TREND_MARKS: Record<Trend, string> = { improving: '↗', worsening: '↘', steady: '→' }

export function StatusBadge({ status }: { status: KpiStatus }) {
  const { t } = useDashboardWords()
  return (
    <span className={`kpi-status kpi-status--${status}`}>
      <span aria-hidden="true">{STATUS_MARKS[status]} </span>
      {t(`status.${status}`)}
    </span>
  )
}

export function TrendText({ trend }: { trend: Trend | null }) {
  const { t } = useDashboardWords()
  if (!trend) return <span className="muted">{t('trend.none')}</span>
  return (
    <span className={`kpi-trend kpi-trend--${trend}`}>
      <span aria-hidden="true">{TREND_MARKS[trend]} </span>
      {t(`trend.${trend}`)}
    </span>
  )
}

/** Automatic or manual, always said: a manual KPI must never pass for a measured one. */
export function SourceBadge({ kpi, long = false }: { kpi: Kpi; long?: boolean }) {
  const { t } = useDashboardWords()
  const automatic = kpi.source === 'metric'
  return (
    <span className={`kpi-source kpi-source--${kpi.source}`}>
      {automatic
        ? t(long ? 'source.metricLong' : 'source.metric')
        : t(long ? 'source.manualLong' : 'source.manual')}
      {automatic && long && kpi.metric && (
        <>
          {' '}
          <code>{kpi.metric}</code>
        </>
      )}
    </span>
  )
}

/**
 * A score as a bar up to the target and in words ("39 % din țintă"); the bar is decoration, the
 * words say it all. Scores past the target fill the bar.
 */
export function ScoreMeter({ score, size = 'normal' }: { score: number | null; size?: 'normal' | 'large' }) {
  const { t, percent } = useDashboardWords()
  if (score === null) return <p className={`score score--${size} score--none`}>{t('score.none')}</p>
  const filled = Math.min(1, Math.max(0, score))
  return (
    <div className={`score score--${size}`}>
      <p className="score__text">{t('score.ofTarget', { percent: percent(score) })}</p>
      <div className="score__bar" aria-hidden="true">
        <span className="score__fill" style={{ width: `${filled * 100}%` }} />
      </div>
    </div>
  )
}

/** How the score moved since the start of the chosen period, in words with an arrow. */
export function ScoreChange({
  score,
  previous,
  from,
}: {
  score: number | null
  previous: number | null
  from: string | null
}) {
  const { t, day, number } = useDashboardWords()
  if (!from || score === null) return null
  const date = day(from)
  if (previous === null) return <p className="score-change muted">{t('score.noPrevious', { date })}</p>
  const points = Math.round((score - previous) * 100)
  if (points === 0) return <p className="score-change">{t('score.same', { date })}</p>
  const up = points > 0
  return (
    <p className={`score-change score-change--${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">{up ? '▲ ' : '▼ '}</span>
      {t(up ? 'score.up' : 'score.down', { points: number(Math.abs(points)), date })}
    </p>
  )
}
