import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api.ts'
import { SectionPage, type SectionPageProps } from '../../components/section-page.tsx'
import { Working } from '../../components/working.tsx'
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

/** A page of the back office: the section's page frame. */
export function StaffPage(props: SectionPageProps) {
  return <SectionPage section="staff" {...props} />
}

/** Loading, or the problem, of a resource; null once it is ready. */
export function Pending({ resource }: { resource: Resource<unknown> }) {
  const { t } = useTranslation('staff')
  if (resource.status === 'loading') return <Working>{t('common.loading')}</Working>
  if (resource.status === 'error') return <ProblemAlert error={resource.error} />
  return null
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
