import type { ReactNode } from 'react'
import type { PublicSubmission } from './challenge-api.ts'
import { LocalText } from './local-text.tsx'
import type { StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

/** The eligible submissions as anyone sees them: title, summary, team, objectives; `action` adds a button to each. */
export function SubmissionList({
  submissions,
  objectives,
  action,
}: {
  submissions: PublicSubmission[]
  objectives: Map<string, StrategyElement>
  action?: (submission: PublicSubmission) => ReactNode
}) {
  const { t } = usePortfolioWords()
  if (submissions.length === 0) return <p className="notice">{t('challenge.noSubmissions')}</p>
  return (
    <ul className="submission-list">
      {submissions.map((submission) => (
        <li key={submission.id} className="submission">
          <h3 className="submission__title">
            <LocalText value={submission.title} />
          </h3>
          <p>
            <LocalText value={submission.summary} />
          </p>
          <SubmissionTeam submission={submission} />
          <p className="muted">
            {t('fields.objectives')}:{' '}
            {submission.objectives.map((key) => objectives.get(key)?.code ?? key).join(', ')}
          </p>
          {action?.(submission)}
        </li>
      ))}
    </ul>
  )
}

export function SubmissionTeam({ submission }: { submission: PublicSubmission }) {
  const { t } = usePortfolioWords()
  const team = submission.team.map((member) => `${member.name} (${member.role})`).join(', ')
  return (
    <p className="submission__team">
      {submission.organisation && (
        <>
          <LocalText value={submission.organisation.name} />
          {team && ' · '}
        </>
      )}
      {team || (!submission.organisation && t('challenge.noTeam'))}
    </p>
  )
}
