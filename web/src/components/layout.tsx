import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { license } from '../../../package.json'
import { navItems } from '../nav.ts'
import { StaffNavLink } from '../pages/staff/staff-nav-link.tsx'
import { useCityName, useSiteData } from '../site-data.tsx'
import { AccountMenu } from './account-menu.tsx'
import { LanguageSwitcher } from './language-switcher.tsx'

export function Layout() {
  const { t } = useTranslation()
  const { platform, city } = useSiteData()
  const cityName = useCityName()
  const main = useRef<HTMLElement>(null)
  const { pathname } = useLocation()
  const shownPath = useRef(pathname)

  // After navigating inside the app, move focus to the new page as a full page load would.
  useEffect(() => {
    if (shownPath.current === pathname) return
    shownPath.current = pathname
    main.current?.focus()
  }, [pathname])

  const attribution = city.status === 'ready' ? city.data?.areas.attribution : undefined
  const version = platform.status === 'ready' ? platform.data.version : undefined

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">Cetate</span>
            {cityName && <span className="brand__city">{cityName}</span>}
          </Link>
          <nav className="site-nav" aria-label={t('nav.label')}>
            <ul>
              {navItems.map((item) => (
                <li key={item.label}>
                  {'route' in item ? (
                    <NavLink to={item.route} end={item.route === '/'}>
                      {t(item.label)}
                    </NavLink>
                  ) : (
                    <a href={item.href}>{t(item.label)}</a>
                  )}
                </li>
              ))}
              <StaffNavLink />
            </ul>
          </nav>
          <LanguageSwitcher />
          <AccountMenu />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          {attribution && <p>{t('footer.mapData', { attribution })}</p>}
          <p>
            {version && <>{t('footer.version', { version })} · </>}
            {t('footer.licence', { licence: license })}
          </p>
        </div>
      </footer>
    </>
  )
}
