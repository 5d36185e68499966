import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api.ts'
import { ProblemMessage } from '../../components/problem-message.tsx'
import type { Resource } from '../../use-resource.ts'
import { useProblemText } from './problem.tsx'

/** A section's data once loaded; while loading, a status line; on failure, what went wrong and a retry. */
export function SectionLoading<T>({
  resource,
  onRetry,
  children,
}: {
  resource: Resource<T>
  onRetry: () => void
  children: (data: T) => ReactNode
}) {
  const { t } = useTranslation('account')
  const text = useProblemText()
  if (resource.status === 'loading')
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    )
  if (resource.status === 'error')
    return (
      <div>
        <ProblemMessage
          message={text(resource.error)}
          requestId={resource.error instanceof ApiError ? resource.error.requestId : undefined}
        />
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    )
  return <>{children(resource.data)}</>
}
