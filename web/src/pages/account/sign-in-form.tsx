import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormField, SubmitButton } from '../../components/form-field.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import type { Ceremony } from './account-api.ts'
import { FormProblem } from './problem.tsx'
import { choosePasskey, passkeysSupported } from './webauthn.ts'

/** Email and password, or a passkey; calls onSignedIn once the session is open and read. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation('account')
  const { send, refresh } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const byPassword = useAction()
  const byPasskey = useAction()
  const busy = byPassword.busy || byPasskey.busy

  const signIn = (event: FormEvent) => {
    event.preventDefault()
    byPasskey.setError(null)
    void byPassword.run(async () => {
      await send('/api/account/sign-in', 'POST', { email: email.trim(), password })
      await refresh()
      onSignedIn()
    })
  }

  const signInWithPasskey = () => {
    byPassword.setError(null)
    void byPasskey.run(async () => {
      const ceremony = await send<Ceremony>('/api/account/passkey-sign-in/options', 'POST')
      const response = await choosePasskey(ceremony.options)
      await send('/api/account/passkey-sign-in', 'POST', { challengeId: ceremony.challengeId, response })
      await refresh()
      onSignedIn()
    })
  }

  return (
    <div className="sign-in">
      <form className="form" onSubmit={signIn} aria-labelledby="sign-in-password-heading">
        <h2 id="sign-in-password-heading" className="form__heading">
          {t('signIn.withPassword')}
        </h2>
        <FormField
          label={t('fields.email')}
          type="email"
          name="email"
          autoComplete="username webauthn"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <FormField
          label={t('fields.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <FormProblem error={byPassword.error} />
        <SubmitButton busy={byPassword.busy} label={t('signIn.submit')} />
      </form>
      {passkeysSupported() && (
        <div className="sign-in__passkey">
          <p>{t('signIn.passkeyText')}</p>
          <FormProblem error={byPasskey.error} />
          <button type="button" className="button--secondary" disabled={busy} onClick={signInWithPasskey}>
            {byPasskey.busy ? `${t('signIn.withPasskey')}…` : t('signIn.withPasskey')}
          </button>
        </div>
      )}
    </div>
  )
}
