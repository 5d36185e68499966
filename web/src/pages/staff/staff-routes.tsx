import { lazySection } from '../../components/lazy-section.tsx'

// The back office loads only when someone opens it, so citizens never download it.
export const StaffRoutes = lazySection(() => import('./staff-app.tsx'))
