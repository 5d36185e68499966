import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'

// The back office loads only when someone opens it, so citizens never download it.
const StaffApp = lazy(() => import('./staff-app.tsx'))

export function StaffRoutes() {
  const { t } = useTranslation('staff')
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      }
    >
      <StaffApp />
    </Suspense>
  )
}
