import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Navigate, NavLink, Outlet, useLocation } from 'react-router'
import { useSession } from '../../session.tsx'

const sections: { path: string; label: ParseKeys<'account'> }[] = [
  { path: '/account', label: 'area.overview' },
  { path: '/account/sessions', label: 'area.sessions' },
  { path: '/account/passkeys', label: 'area.passkeys' },
  { path: '/account/api-keys', label: 'area.apiKeys' },
  { path: '/account/my-data', label: 'area.myData' },
  { path: '/account/delete', label: 'area.delete' },
]

/** The signed-in part of the account: its sections, or the way to sign in first. */
export function AccountArea() {
  const { t } = useTranslation('account')
  const { state } = useSession()
  const { pathname, search } = useLocation()

  if (state.status === 'loading')
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    )
  if (state.status === 'anonymous')
    return <Navigate to={`/account/sign-in?return=${encodeURIComponent(pathname + search)}`} replace />
  return (
    <div className="account">
      <nav className="account-nav" aria-label={t('area.navLabel')}>
        <ul>
          {sections.map((section) => (
            <li key={section.path}>
              <NavLink to={section.path} end className="account-nav__link">
                {t(section.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="account__content">
        <Outlet />
      </div>
    </div>
  )
}
