import type { Kpi } from '../strategy/strategy-api.ts'
import { useStrategyWords } from '../strategy/strategy-words.ts'

/** A value with its unit, the reader's way. */
export function useValueText() {
  const { formats } = useStrategyWords()
  return (value: number, unit: string) => `${formats.number.format(value)} ${unit}`.trim()
}

/** Where the KPI stands: met, on track, at risk…, and its score as a share of the target. */
export function KpiStatus({ kpi }: { kpi: Kpi }) {
  const { t, word, formats } = useStrategyWords()
  return (
    <>
      <span className={`kpi-status kpi-status--${kpi.status}`}>{word('statuses', kpi.status)}</span>
      {kpi.score !== null && (
        <span className="kpi-score">
          {' '}
          {t('kpi.ofTarget', { percent: formats.percent.format(kpi.score) })}
        </span>
      )}
    </>
  )
}

/** Whether a job measures it from a platform metric or a person enters it with evidence, visibly. */
export function KpiSource({ kpi }: { kpi: Kpi }) {
  const { t } = useStrategyWords()
  return kpi.source === 'metric' ? (
    <>
      {t('kpi.automatic')} <code className="identifier">{kpi.metric}</code>
    </>
  ) : (
    <span className="kpi-manual">{t('kpi.manual')}</span>
  )
}
