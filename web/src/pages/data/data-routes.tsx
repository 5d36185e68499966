import { lazySection } from '../../components/lazy-section.tsx'

// The data pages (tables, charts, maps, the publisher's forms) load only when someone opens them.
export const DataRoutes = lazySection(() => import('./data-app.tsx'))
