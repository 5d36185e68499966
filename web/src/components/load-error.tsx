import { useTranslation } from 'react-i18next'
import { ApiError } from '../api.ts'

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  const requestId = error instanceof ApiError ? error.requestId : undefined
  return (
    <div className="load-error" role="alert">
      <p>{t('status.error')}</p>
      {requestId && <p className="load-error__reference">{t('status.reference', { requestId })}</p>}
      <button type="button" onClick={onRetry}>
        {t('status.retry')}
      </button>
    </div>
  )
}
