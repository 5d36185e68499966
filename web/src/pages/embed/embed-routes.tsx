import { lazySection } from '../../components/lazy-section.tsx'

// Widgets other city sites frame: only the widget, without the site's header and menus.
export const EmbedRoutes = lazySection(() => import('./embed-app.tsx'))
