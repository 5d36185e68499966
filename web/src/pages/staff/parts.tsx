import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError } from '../../api.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import type { Resource } from '../../use-resource.ts'

/** Problem codes the back office explains in the reader's language; others show the server's detail. */
const EXPLAINED = [
  'AUTH_REQUIRED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'LAST_ADMINISTRATOR',
  'SELF_VERIFICATION',
  'PERSON_NOT_FOUND',
  'ROLE_NOT_HELD',
  'ORGANISATION_NOT_FOUND',
  'MEMBERSHIP_NOT_FOUND',
  'API_KEY_REVOKED',
  'SCOPE_NOT_YOURS',
  'OIDC_CLIENT_EXISTS',
  'OIDC_CLIENT_NOT_FOUND',
] as const
type ExplainedCode = (typeof EXPLAINED)[number]

const isExplained = (code: string | undefined): code is ExplainedCode =>
  EXPLAINED.includes(code as ExplainedCode)

/**
 * The server's problem, next to the form or list it concerns, announced at once. `explain` words a
 * code for this place when the general explanation would mislead (e.g. an unknown address).
 */
export function ProblemAlert({
  error,
  explain = {},
}: {
  error: unknown
  explain?: Partial<Record<string, string>>
}) {
  const { t } = useTranslation('staff')
  if (!error) return null
  const problem = error instanceof ApiError ? error : undefined
  const local = problem?.code ? explain[problem.code] : undefined
  const text = local
    ? local
    : isExplained(problem?.code)
      ? t(`problems.${problem.code}`)
      : problem?.status === 0 || !problem
        ? t('problems.unreachable')
        : problem.message
  return (
    <div className="problem" role="alert">
      <p>{text}</p>
      {problem?.requestId && (
        <p className="problem__reference">{t('common.reference', { requestId: problem.requestId })}</p>
      )}
    </div>
  )
}

/** Visible progress while a request runs; screen readers hear it too. */
export function Working({ children }: { children: ReactNode }) {
  return (
    <p className="working" role="status">
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

export function StaffPage({
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
    <div className="page staff">
      {back && (
        <p className="staff__back">
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
      <h1>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
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

/** Loading, or the problem, of a resource; null once it is ready. */
export function Pending({ resource }: { resource: Resource<unknown> }) {
  const { t } = useTranslation('staff')
  if (resource.status === 'loading') return <Working>{t('common.loading')}</Working>
  if (resource.status === 'error') return <ProblemAlert error={resource.error} />
  return null
}

/** A time in the reader's time zone, written the way their language writes it. */
export function DateTime({ value, dateOnly = false }: { value: string; dateOnly?: boolean }) {
  const { i18n } = useTranslation()
  const date = new Date(value)
  const text = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'medium',
    ...(dateOnly ? {} : { timeStyle: 'medium' }),
  }).format(date)
  return <time dateTime={date.toISOString()}>{text}</time>
}

/** A secret the server shows once: kept in view with a copy button and a plain warning. */
export function SecretOnce({ label, value, warning }: { label: string; value: string; warning: string }) {
  const { t } = useTranslation('staff')
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<boolean | null>(null)
  const box = useRef<HTMLElement>(null)
  useEffect(() => {
    box.current?.focus()
  }, [])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
    } catch {
      input.current?.select()
      setCopied(false)
    }
  }

  return (
    <section className="secret" ref={box} tabIndex={-1} aria-labelledby={`${id}-warning`}>
      <p className="secret__warning" id={`${id}-warning`}>
        <strong>{t('secret.once')}</strong> {warning}
      </p>
      <label htmlFor={id}>{label}</label>
      <div className="secret__value">
        <input
          id={id}
          ref={input}
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.target.select()}
        />
        <button type="button" onClick={copy}>
          {t('secret.copy')}
        </button>
      </div>
      <p role="status" className="secret__copied">
        {copied === true && t('secret.copied')}
        {copied === false && t('secret.copyByHand')}
      </p>
    </section>
  )
}
