import { type ComponentType, lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A section of the site whose code is downloaded only when someone opens it: `load` imports the
 * module whose default export is the section's routes. Until it has come, a loading line.
 */
export function lazySection(load: () => Promise<{ default: ComponentType }>) {
  const Section = lazy(load)
  return function LazySection() {
    const { t } = useTranslation()
    return (
      <Suspense
        fallback={
          <p className="loading" role="status">
            {t('status.loading')}
          </p>
        }
      >
        <Section />
      </Suspense>
    )
  }
}
