import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'

// The live data pages (map, charts) load only when someone opens them.
const LiveApp = lazy(() => import('./live-app.tsx'))

export function LiveRoutes() {
  const { t } = useTranslation('live')
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      }
    >
      <LiveApp />
    </Suspense>
  )
}
