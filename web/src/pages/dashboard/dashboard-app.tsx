import './dashboard.css'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../not-found-page.tsx'
import { DashboardPage } from './dashboard-page.tsx'
import { KpiPage } from './kpi-page.tsx'

export default function DashboardApp() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="kpi/:slug" element={<KpiPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
