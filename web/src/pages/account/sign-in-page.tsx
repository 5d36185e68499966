import { useTranslation } from 'react-i18next'
import { Link, Navigate, useSearchParams } from 'react-router'
import { useSession } from '../../session.tsx'
import { useDocumentTitle } from '../../use-document-title.ts'
import { safeReturnPath } from './return-path.ts'
import { SignInForm } from './sign-in-form.tsx'

export function SignInPage() {
  const { t } = useTranslation('account')
  const { state } = useSession()
  const [params] = useSearchParams()
  const target = safeReturnPath(params.get('return'))
  useDocumentTitle(t('signIn.title'))

  if (state.status === 'signed-in') return <Navigate to={target} replace />
  return (
    <div className="page page--narrow">
      <h1>{t('signIn.title')}</h1>
      <SignInForm onSignedIn={() => {}} />
      <ul className="link-list">
        <li>
          <Link to="/account/reset-password">{t('signIn.forgot')}</Link>
        </li>
        <li>
          {t('signIn.noAccount')} <Link to="/account/sign-up">{t('signIn.signUp')}</Link>
        </li>
      </ul>
    </div>
  )
}
