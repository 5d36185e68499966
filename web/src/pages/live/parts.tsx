import { type ReactNode, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError } from '../../api.ts'
import { useDocumentTitle } from '../../use-document-title.ts'

export function LivePage({
  title,
  back,
  lead,
  children,
}: {
  title: string
  back?: { to: string; label: string }
  lead?: ReactNode
  children: ReactNode
}) {
  useDocumentTitle(title)
  return (
    <div className="page live">
      {back && (
        <p className="live__back">
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
      <h1>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </div>
  )
}

/** Visible progress while a request runs; screen readers hear it too unless `quiet`. */
export function Working({ children, quiet = false }: { children: ReactNode; quiet?: boolean }) {
  return (
    <p className="working" role={quiet ? undefined : 'status'}>
      <span className="working__spinner" aria-hidden="true" />
      {children}
    </p>
  )
}

/** A polite confirmation after something was done. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p className="done" role="status">
      {children}
    </p>
  )
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

/** Runs one request at a time for a form or button: busy while it runs, the problem if it fails. */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await work()
      return true
    } catch (failure) {
      setError(failure)
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, run, setError }
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

/** A time in the reader's time zone and language. */
export function DateTime({ value }: { value: string }) {
  const { i18n } = useTranslation()
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return <>{value}</>
  const text = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date)
  return <time dateTime={date.toISOString()}>{text}</time>
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
