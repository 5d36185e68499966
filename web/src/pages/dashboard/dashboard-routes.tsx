import { lazySection } from '../../components/lazy-section.tsx'

// The city dashboard (charts, tables) loads only when someone opens it.
export const DashboardRoutes = lazySection(() => import('./dashboard-app.tsx'))
