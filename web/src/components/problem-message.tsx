import { useTranslation } from 'react-i18next'

/** An error answer shown next to the form or action it belongs to, announced as it appears. */
export function ProblemMessage({ message, requestId }: { message: string; requestId?: string }) {
  const { t } = useTranslation()
  return (
    <div className="problem-message" role="alert">
      <p>{message}</p>
      {requestId && <p className="problem-message__reference">{t('status.reference', { requestId })}</p>}
    </div>
  )
}
