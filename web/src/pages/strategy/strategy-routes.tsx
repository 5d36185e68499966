import { lazySection } from '../../components/lazy-section.tsx'

// The strategy's pages load only when someone opens them.
export const StrategyRoutes = lazySection(() => import('./strategy-app.tsx'))
