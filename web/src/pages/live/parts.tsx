import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api.ts'
import { SectionPage, type SectionPageProps } from '../../components/section-page.tsx'

/** A page of the live data: the section's page frame. */
export function LivePage(props: SectionPageProps) {
  return <SectionPage section="live" {...props} />
}

/**
 * The server's problem in its own words (the ProblemDetails `detail`), announced at once; a
 * failure to reach the server is said plainly. With `onRetry`, a button to try again.
 */
export function ProblemAlert({
  error,
  lead,
  onRetry,
}: {
  error: unknown
  lead?: string
  onRetry?: () => void
}) {
  const { t } = useTranslation('live')
  if (!error) return null
  const problem = error instanceof ApiError ? error : undefined
  const text = problem && problem.status > 0 ? problem.message : t('problems.unreachable')
  return (
    <div className="problem" role="alert">
      {lead && <p className="problem__lead">{lead}</p>}
      <p>{text}</p>
      {problem?.requestId && (
        <p className="problem__reference">{t('problems.reference', { requestId: problem.requestId })}</p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

/** The current time, renewed every `every` milliseconds, for "3 minutes ago". */
export function useNow(every: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every)
    return () => clearInterval(timer)
  }, [every])
  return now
}

/**
 * A region that scrolls sideways on narrow screens (a wide table, a long command): focusable, so
 * keyboard users can scroll it too, and named for screen readers.
 */
export function ScrollRegion({
  label,
  labelledBy,
  className = 'table-scroll',
  children,
}: {
  label?: string
  labelledBy?: string
  className?: string
  children: ReactNode
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className={className} tabIndex={0} aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </section>
  )
}
