import type { Project } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

/** The project's kind and status in words, and whether it is at risk. */
export function ProjectBadges({ project }: { project: Project }) {
  const { t, word } = usePortfolioWords()
  return (
    <p className="project-badges">
      <span className={`tag tag--kind tag--${project.kind}`}>{word('kinds', project.kind)}</span>
      <span className={`tag tag--status tag--${project.status}`}>{word('statuses', project.status)}</span>
      {project.pilot && <span className="tag tag--stage">{word('pilotStages', project.pilot.stage)}</span>}
      {project.atRisk && (
        <span className="tag tag--risk" title={t('risk.hint')}>
          <span aria-hidden="true">⚠ </span>
          {t('risk.label')}
        </span>
      )}
    </p>
  )
}

/** A period's bound: a whole year as the year, otherwise the month and year. */
function useBound() {
  const { language } = usePortfolioWords()
  return (value: string, edge: 'start' | 'end') => {
    const whole = edge === 'start' ? value.endsWith('-01-01') : value.endsWith('-12-31')
    const date = new Date(`${value}T12:00:00Z`)
    return whole
      ? value.slice(0, 4)
      : new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
  }
}

/** "2022–2027", "since March 2021", or the period as the strategy wrote it when it gave no dates. */
export function PeriodText({ period }: { period: Project['period'] }) {
  const { t } = usePortfolioWords()
  const bound = useBound()
  if (period.start && period.end)
    return <>{t('period.between', { start: bound(period.start, 'start'), end: bound(period.end, 'end') })}</>
  if (period.start) return <>{t('period.from', { start: bound(period.start, 'start') })}</>
  if (period.end) return <>{t('period.until', { end: bound(period.end, 'end') })}</>
  if (period.text) return <>{period.text}</>
  return <>{t('period.unknown')}</>
}
