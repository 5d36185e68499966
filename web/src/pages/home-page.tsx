import { useTranslation } from 'react-i18next'
import { LoadError } from '../components/load-error.tsx'
import { Neighbourhoods } from '../components/neighbourhoods.tsx'
import { useCityName, useSiteData } from '../site-data.tsx'
import { useDocumentTitle } from '../use-document-title.ts'

export function HomePage() {
  const { t } = useTranslation()
  const { city, retryCity } = useSiteData()
  const cityName = useCityName()
  useDocumentTitle(t('home.title'))

  return (
    <div className="page">
      <h1>{cityName ? t('home.heading', { city: cityName }) : t('home.headingGeneric')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">{t('home.areas.heading')}</h2>
        {city.status === 'loading' && (
          <p className="loading" role="status">
            {t('status.loading')}
          </p>
        )}
        {city.status === 'error' && <LoadError error={city.error} onRetry={retryCity} />}
        {city.status === 'ready' &&
          (city.data ? (
            <Neighbourhoods city={city.data.city} areas={city.data.areas} />
          ) : (
            <p className="notice">{t('home.noCity')}</p>
          ))}
      </section>
    </div>
  )
}
