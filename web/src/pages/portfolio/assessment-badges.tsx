import type { Project } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

const verdictOf = (passes: boolean | null) => (passes === null ? 'none' : passes ? 'met' : 'short')

/** The verdicts of the three assessments every project carries: met, falls short, or not yet assessed. */
export function AssessmentBadges({ assessments }: { assessments: Project['assessments'] }) {
  const { t } = usePortfolioWords()
  return (
    <ul className="assessments">
      {(['impact', 'security', 'gdpr'] as const).map((kind) => {
        const verdict = verdictOf(assessments[kind])
        return (
          <li key={kind} className={`assessment assessment--${verdict}`}>
            <span className="assessment__name">{t(`assessments.${kind}`)}</span>
            <span className={`verdict verdict--${verdict}`}>
              <span aria-hidden="true">{verdict === 'met' ? '✓ ' : verdict === 'short' ? '✗ ' : '○ '}</span>
              {t(`assessments.${verdict}`)}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
