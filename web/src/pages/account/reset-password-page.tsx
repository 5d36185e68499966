import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { FormField, SubmitButton } from '../../components/form-field.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { FormProblem } from './problem.tsx'

export function ResetPasswordPage() {
  const [params] = useSearchParams()
  const token = params.get('token')
  return token ? <NewPassword token={token} /> : <AskForLink />
}

function AskForLink() {
  const { t } = useTranslation('account')
  const { send } = useSession()
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState(false)
  const { run, busy, error } = useAction()
  useDocumentTitle(t('reset.title'))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await send('/api/account/password-reset', 'POST', { email: email.trim() })
      setSent(true)
    })
  }

  return (
    <div className="page page--narrow">
      <h1>{t('reset.title')}</h1>
      {sent ? (
        <>
          <p className="notice notice--success" role="status">
            {t('reset.sent', { email: email.trim() })}
          </p>
          <p>
            <Link to="/account/sign-in">{t('reset.toSignIn')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('reset.intro')}</p>
          <form className="form" onSubmit={submit}>
            <FormField
              label={t('fields.email')}
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <FormProblem error={error} />
            <SubmitButton busy={busy} label={t('reset.submit')} />
          </form>
          <p>
            <Link to="/account/sign-in">{t('reset.toSignIn')}</Link>
          </p>
        </>
      )}
    </div>
  )
}

function NewPassword({ token }: { token: string }) {
  const { t } = useTranslation('account')
  const { send, refresh } = useSession()
  const [password, setPassword] = useState('')
  const [done, setDone] = useState(false)
  const { run, busy, error } = useAction()
  useDocumentTitle(t('reset.newTitle'))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await send('/api/account/password-reset/confirm', 'POST', { token, password })
      setDone(true)
      // Every session ended, this browser's too.
      await refresh()
    })
  }

  return (
    <div className="page page--narrow">
      <h1>{t('reset.newTitle')}</h1>
      {done ? (
        <>
          <p className="notice notice--success" role="status">
            {t('reset.done')}
          </p>
          <p>
            <Link to="/account/sign-in">{t('reset.toSignIn')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('reset.newIntro')}</p>
          <form className="form" onSubmit={submit}>
            <FormField
              label={t('fields.newPassword')}
              hint={t('fields.passwordRule')}
              type="password"
              name="new-password"
              autoComplete="new-password"
              required
              minLength={10}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <FormProblem error={error} />
            <SubmitButton busy={busy} label={t('reset.newSubmit')} />
          </form>
          <p>
            <Link to="/account/reset-password">{t('reset.askAgain')}</Link>
          </p>
        </>
      )}
    </div>
  )
}
