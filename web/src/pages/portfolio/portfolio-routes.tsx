import { lazySection } from '../../components/lazy-section.tsx'

// The portfolio's pages (map, lists, the challenge, the report) load only when someone opens them.
export const PortfolioRoutes = lazySection(() => import('./portfolio-app.tsx'))
