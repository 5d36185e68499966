import { useTranslation } from 'react-i18next'
import { ApiError } from '../api.ts'

/** What went wrong with a request, said to the person, with the reference to quote and a retry. */
export function ProblemAlert({
  error,
  lead,
  onRetry,
}: {
  error: unknown
  lead?: string
  onRetry?: () => void
}) {
  const { t } = useTranslation()
  if (!error) return null
  const problem = error instanceof ApiError ? error : undefined
  const text = problem && problem.status > 0 ? problem.message : t('status.unreachable')
  return (
    <div className="problem" role="alert">
      {lead && <p className="problem__lead">{lead}</p>}
      <p>{text}</p>
      {problem?.requestId && (
        <p className="problem__reference">{t('status.reference', { requestId: problem.requestId })}</p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  )
}
