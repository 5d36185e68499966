import './portfolio.css'
import type { ReactNode } from 'react'
import { Link, Route, Routes, useLocation } from 'react-router'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { NotFoundPage } from '../not-found-page.tsx'
import { StaffPage } from './parts.tsx'
import { type PortfolioAccess, portfolioAccess } from './portfolio-access.ts'
import { PortfolioChallengePage } from './portfolio-challenge-page.tsx'
import { PortfolioOverviewPage } from './portfolio-overview-page.tsx'
import { PortfolioProjectPage } from './portfolio-project-page.tsx'
import { useBoardWords } from './portfolio-words.ts'

/**
 * Shows the page to someone signed in whose roles allow it (`manage`), others read why not; jurors
 * need no role, the server knows whom the office appointed. The server checks anyway.
 */
function Allowed({
  manage,
  children,
}: {
  manage: boolean
  children: (access: PortfolioAccess) => ReactNode
}) {
  const { t } = useBoardWords()
  const { state } = useSession()
  const { pathname } = useLocation()
  if (state.status === 'loading')
    return (
      <div className="page section-page staff">
        <Working>{t('common.loading')}</Working>
      </div>
    )
  if (state.status === 'anonymous')
    return (
      <StaffPage title={t('gate.signInTitle')}>
        <p className="notice">{t('gate.signIn')}</p>
        <p>
          <Link to={`/account/sign-in?return=${encodeURIComponent(pathname)}`}>{t('gate.signInLink')}</Link>
        </p>
      </StaffPage>
    )
  const access = portfolioAccess(state.account)
  if (manage && !access.any)
    return (
      <StaffPage title={t('gate.notAllowedTitle')}>
        <div className="problem" role="alert">
          <p>{t('gate.needs')}</p>
        </div>
        <p>
          <Link to="/projects">{t('gate.public')}</Link>
        </p>
      </StaffPage>
    )
  return children(access)
}

/** /staff/portfolio/* — the office's and the board's portfolio: overview, a project, jury work. */
export function PortfolioStaffRoutes() {
  return (
    <Routes>
      <Route
        index
        element={<Allowed manage>{(access) => <PortfolioOverviewPage access={access} />}</Allowed>}
      />
      <Route
        path="projects/:slug"
        element={<Allowed manage>{(access) => <PortfolioProjectPage access={access} />}</Allowed>}
      />
      <Route
        path="challenge/:year"
        element={<Allowed manage={false}>{(access) => <PortfolioChallengePage access={access} />}</Allowed>}
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
