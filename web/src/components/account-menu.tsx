import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { useSession } from '../session.tsx'

/** The header's way into the account: "Sign in" when signed out; the person's name and "Sign out" when in. */
export function AccountMenu() {
  const { t } = useTranslation('account')
  const { state, send, refresh } = useSession()
  const navigate = useNavigate()
  const { pathname, search } = useLocation()

  if (state.status === 'loading') return null
  if (state.status === 'anonymous') {
    const onAccountPage = pathname.startsWith('/account')
    const target = onAccountPage
      ? '/account/sign-in'
      : `/account/sign-in?return=${encodeURIComponent(pathname + search)}`
    return (
      <div className="account-menu">
        <Link to={target}>{t('header.signIn')}</Link>
      </div>
    )
  }

  const signOut = async () => {
    try {
      await send('/api/account/sign-out', 'POST')
    } finally {
      await navigate('/')
      await refresh()
    }
  }

  return (
    <div className="account-menu">
      <Link to="/account" className="account-menu__name">
        <span className="visually-hidden">{t('header.accountOf')} </span>
        {state.account.displayName}
      </Link>
      <button type="button" className="button--secondary" onClick={() => void signOut()}>
        {t('header.signOut')}
      </button>
    </div>
  )
}
