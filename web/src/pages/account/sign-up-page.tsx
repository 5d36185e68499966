import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { FormField, SubmitButton } from '../../components/form-field.tsx'
import { type Language, languages } from '../../i18n/i18n.ts'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { FormProblem } from './problem.tsx'

export function SignUpPage() {
  const { t, i18n } = useTranslation('account')
  const { send } = useSession()
  const [displayName, setDisplayName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [language, setLanguage] = useState<Language>((i18n.resolvedLanguage as Language | undefined) ?? 'ro')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const { run, busy, error } = useAction()
  useDocumentTitle(sentTo ? t('signUp.sentTitle') : t('signUp.title'))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await send('/api/account/sign-up', 'POST', {
        displayName: displayName.trim(),
        email: email.trim(),
        password,
        preferredLanguage: language,
      })
      setSentTo(email.trim())
    })
  }

  if (sentTo)
    return (
      <div className="page page--narrow">
        <h1>{t('signUp.sentTitle')}</h1>
        <p className="lead">{t('signUp.sentText', { email: sentTo })}</p>
        <p>{t('signUp.sentHint')}</p>
        <p>
          <Link to="/account/sign-in">{t('signUp.toSignIn')}</Link>
        </p>
      </div>
    )

  return (
    <div className="page page--narrow">
      <h1>{t('signUp.title')}</h1>
      <p className="lead">{t('signUp.intro')}</p>
      <form className="form" onSubmit={submit}>
        <FormField
          label={t('fields.name')}
          name="name"
          autoComplete="name"
          required
          maxLength={120}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <FormField
          label={t('fields.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
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
        <div className="form-field">
          <label htmlFor="sign-up-language">{t('fields.language')}</label>
          <select
            id="sign-up-language"
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {languages.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <FormProblem error={error} />
        <SubmitButton busy={busy} label={t('signUp.submit')} />
      </form>
      <p>
        {t('signUp.haveAccount')} <Link to="/account/sign-in">{t('signUp.toSignIn')}</Link>
      </p>
    </div>
  )
}
