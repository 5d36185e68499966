import '../strategy/strategy.css'
import type { ReactNode } from 'react'
import { Link, Route, Routes, useLocation } from 'react-router'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { NotFoundPage } from '../not-found-page.tsx'
import { type StrategyAccess, strategyAccess } from '../strategy/strategy-access.ts'
import { useStrategyWords } from '../strategy/strategy-words.ts'
import { StaffPage } from './parts.tsx'
import { StrategyKpiFormPage } from './strategy-kpi-form-page.tsx'
import { StrategyManagementPage } from './strategy-management-page.tsx'

type Need = 'measureKpis' | 'defineKpis'

/** Shows the page only to someone whose roles allow it; others read why not. The server checks anyway. */
function Allowed({ need, children }: { need: Need; children: (access: StrategyAccess) => ReactNode }) {
  const { t } = useStrategyWords()
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
  const access = strategyAccess(state.account)
  if (!access[need])
    return (
      <StaffPage title={t('gate.notAllowedTitle')}>
        <div className="problem" role="alert">
          <p>{t(`gate.needs.${need}`)}</p>
        </div>
        <p>
          <Link to="/strategy">{t('gate.strategy')}</Link>
        </p>
      </StaffPage>
    )
  return children(access)
}

/** /staff/strategy/* — the management dashboard and the KPI definitions, for those who answer for KPIs. */
export function StrategyStaffRoutes() {
  return (
    <Routes>
      <Route
        index
        element={
          <Allowed need="measureKpis">{(access) => <StrategyManagementPage access={access} />}</Allowed>
        }
      />
      <Route path="kpis/new" element={<Allowed need="defineKpis">{() => <StrategyKpiFormPage />}</Allowed>} />
      <Route
        path="kpis/:slug/edit"
        element={<Allowed need="defineKpis">{() => <StrategyKpiFormPage />}</Allowed>}
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
