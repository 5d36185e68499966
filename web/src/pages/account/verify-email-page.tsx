import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ApiError } from '../../api.ts'
import { useSession } from '../../session.tsx'
import { useDocumentTitle } from '../../use-document-title.ts'
import { FormProblem } from './problem.tsx'

type Outcome = { status: 'checking' } | { status: 'verified' } | { status: 'failed'; error: unknown }

export function VerifyEmailPage() {
  const { t } = useTranslation('account')
  const { send, refresh, state } = useSession()
  const [params] = useSearchParams()
  const token = params.get('token')
  const [outcome, setOutcome] = useState<Outcome>({ status: 'checking' })
  const tried = useRef<string | null>(null)
  useDocumentTitle(t('verify.title'))

  useEffect(() => {
    // A link works once: confirm it once, even when React runs effects twice.
    // Wait for the session: a signed-in browser sends its CSRF token with the confirmation.
    if (!token || state.status === 'loading' || tried.current === token) return
    tried.current = token
    send('/api/account/verify-email', 'POST', { token }).then(
      () => {
        setOutcome({ status: 'verified' })
        void refresh()
      },
      (error: unknown) => setOutcome({ status: 'failed', error }),
    )
  }, [token, send, refresh, state.status])

  const linkInvalid = outcome.status === 'failed' && outcome.error instanceof ApiError
  return (
    <div className="page page--narrow">
      <h1>{t('verify.title')}</h1>
      {!token ? (
        <p>{t('verify.noToken')}</p>
      ) : outcome.status === 'checking' ? (
        <p className="loading" role="status">
          {t('verify.checking')}
        </p>
      ) : outcome.status === 'verified' ? (
        <>
          <p className="notice notice--success" role="status">
            {t('verify.done')}
          </p>
          <p>
            {state.status === 'signed-in' ? (
              <Link to="/account">{t('verify.toAccount')}</Link>
            ) : (
              <Link to="/account/sign-in">{t('verify.toSignIn')}</Link>
            )}
          </p>
        </>
      ) : (
        <>
          <FormProblem error={outcome.error} />
          {linkInvalid && <p>{t('verify.askAgain')}</p>}
          <p>
            <Link to={state.status === 'signed-in' ? '/account' : '/account/sign-in'}>
              {state.status === 'signed-in' ? t('verify.toAccount') : t('verify.toSignIn')}
            </Link>
          </p>
        </>
      )}
    </div>
  )
}
