import { lazySection } from '../../components/lazy-section.tsx'

// The live data pages (map, charts) load only when someone opens them.
export const LiveRoutes = lazySection(() => import('./live-app.tsx'))
