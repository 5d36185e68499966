import { Route, Routes } from 'react-router'
import { Layout } from './components/layout.tsx'
import { AboutPage } from './pages/about-page.tsx'
import { AccountRoutes } from './pages/account/account-routes.tsx'
import { DashboardRoutes } from './pages/dashboard/dashboard-routes.tsx'
import { DataRoutes } from './pages/data/data-routes.tsx'
import { HomePage } from './pages/home-page.tsx'
import { LiveRoutes } from './pages/live/live-routes.tsx'
import { NotFoundPage } from './pages/not-found-page.tsx'
import { PortfolioRoutes } from './pages/portfolio/portfolio-routes.tsx'
import { StaffRoutes } from './pages/staff/staff-routes.tsx'
import { StrategyRoutes } from './pages/strategy/strategy-routes.tsx'

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="about" element={<AboutPage />} />
        <Route path="account/*" element={<AccountRoutes />} />
        <Route path="data/*" element={<DataRoutes />} />
        <Route path="live/*" element={<LiveRoutes />} />
        <Route path="dashboard/*" element={<DashboardRoutes />} />
        <Route path="strategy/*" element={<StrategyRoutes />} />
        <Route path="projects/*" element={<PortfolioRoutes />} />
        <Route path="staff/*" element={<StaffRoutes />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
