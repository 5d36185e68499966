import { usePortfolioWords } from './portfolio-words.ts'

/** A project's completion as a bar with the percentage in words; without milestones, says so. */
export function CompletionBar({ completion }: { completion: number | null }) {
  const { t, percent } = usePortfolioWords()
  if (completion === null) return <p className="completion completion--none">{t('completion.none')}</p>
  const rounded = Math.round(completion)
  return (
    <div className="completion">
      <div
        className="completion__bar"
        role="progressbar"
        aria-label={t('completion.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rounded}
        aria-valuetext={percent(rounded)}
      >
        <span className="completion__fill" style={{ width: `${rounded}%` }} />
      </div>
      <p className="completion__text">{t('completion.value', { percent: percent(rounded) })}</p>
    </div>
  )
}
