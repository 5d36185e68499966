import './staff.css'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Route, Routes } from 'react-router'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { NotFoundPage } from '../not-found-page.tsx'
import { AuditPage } from './audit-page.tsx'
import { OrganisationPage } from './organisation-page.tsx'
import { OrganisationsPage } from './organisations-page.tsx'
import { OutboxPage } from './outbox-page.tsx'
import { StaffPage } from './parts.tsx'
import { PeoplePage } from './people-page.tsx'
import { PersonPage } from './person-page.tsx'
import { PortfolioStaffRoutes } from './portfolio-staff-routes.tsx'
import { SignOnClientsPage } from './sign-on-clients-page.tsx'
import { type StaffAccess, staffAccess } from './staff-access.ts'
import { StaffIndexPage } from './staff-index-page.tsx'
import { StrategyStaffRoutes } from './strategy-staff-routes.tsx'

type Need = 'any' | 'people' | 'organisations' | 'signOnClients' | 'audit' | 'outbox'

const allows: Record<Need, (access: StaffAccess, roles: string[]) => boolean> = {
  any: (access, roles) => roles.length > 0 || access.ownedOrganisations.length > 0,
  people: (access) => access.readPeople,
  organisations: (access) => access.manageAllOrganisations || access.ownedOrganisations.length > 0,
  signOnClients: (access) => access.manageSignOnClients,
  audit: (access) => access.readAudit,
  outbox: (access) => access.readOutbox,
}

/** Shows the page only to someone whose roles allow it; others read why not. The server checks anyway. */
function Allowed({ need, children }: { need: Need; children: (access: StaffAccess) => ReactNode }) {
  const { t } = useTranslation('staff')
  const { state } = useSession()
  if (state.status === 'loading')
    return (
      <div className="page section-page staff">
        <Working>{t('common.loading')}</Working>
      </div>
    )
  if (state.status === 'anonymous') {
    return (
      <StaffPage title={t('gate.signInTitle')}>
        <p className="notice">{t('gate.signIn')}</p>
      </StaffPage>
    )
  }
  const access = staffAccess(state.account)
  if (!allows[need](access, state.account.platformRoles)) {
    return (
      <StaffPage title={t('gate.notAllowedTitle')}>
        <div className="problem" role="alert">
          <p>{t(`gate.needs.${need}`)}</p>
          <p>{t('gate.askAdministrator')}</p>
        </div>
        <p>
          <Link to="/">{t('gate.home')}</Link>
        </p>
      </StaffPage>
    )
  }
  return children(access)
}

export default function StaffApp() {
  return (
    <Routes>
      <Route index element={<Allowed need="any">{(access) => <StaffIndexPage access={access} />}</Allowed>} />
      <Route path="people" element={<Allowed need="people">{() => <PeoplePage />}</Allowed>} />
      <Route
        path="people/:id"
        element={<Allowed need="people">{(access) => <PersonPage access={access} />}</Allowed>}
      />
      <Route
        path="organisations"
        element={<Allowed need="organisations">{(access) => <OrganisationsPage access={access} />}</Allowed>}
      />
      <Route
        path="organisations/:slug"
        element={<Allowed need="organisations">{(access) => <OrganisationPage access={access} />}</Allowed>}
      />
      <Route
        path="sign-on-clients"
        element={<Allowed need="signOnClients">{() => <SignOnClientsPage />}</Allowed>}
      />
      <Route
        path="audit"
        element={<Allowed need="audit">{(access) => <AuditPage access={access} />}</Allowed>}
      />
      <Route path="outbox" element={<Allowed need="outbox">{() => <OutboxPage />}</Allowed>} />
      <Route path="strategy/*" element={<StrategyStaffRoutes />} />
      <Route path="portfolio/*" element={<PortfolioStaffRoutes />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
