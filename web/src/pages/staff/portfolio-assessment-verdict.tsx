import type { Assessment } from './portfolio-api.ts'
import { useBoardWords } from './portfolio-words.ts'

/** The server's verdict on the latest assessment of a kind, with what falls short, in its words. */
export function AssessmentVerdict({ latest }: { latest: Assessment | undefined }) {
  const { t, moment } = useBoardWords()
  if (!latest)
    return (
      <p>
        <span className="verdict verdict--none">{t('assessment.verdict.none')}</span>
      </p>
    )
  return (
    <div className={`assessment-verdict assessment-verdict--${latest.passes ? 'passes' : 'fails'}`}>
      <p>
        <strong>{latest.passes ? t('assessment.verdict.passes') : t('assessment.verdict.fails')}</strong>{' '}
        <span className="muted">({t('assessment.assessedAt', { at: moment(latest.assessedAt) })})</span>
      </p>
      {latest.findings.length > 0 && (
        <>
          <p>{t('assessment.findings')}</p>
          <ul>
            {latest.findings.map((finding) => (
              <li key={finding} lang="en">
                {finding}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
