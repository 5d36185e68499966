import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import { license } from '../../../package.json'
import { useCityName } from '../site-data.tsx'
import { useDocumentTitle } from '../use-document-title.ts'

const standards: { name: string; description: ParseKeys }[] = [
  { name: 'NGSI-LD', description: 'about.standards.ngsiLd' },
  { name: 'CKAN API · DCAT-AP', description: 'about.standards.ckan' },
  { name: 'Open311 GeoReport v2', description: 'about.standards.open311' },
  { name: 'OpenID Connect', description: 'about.standards.oidc' },
  { name: 'OpenAPI', description: 'about.standards.openApi' },
]

export function AboutPage() {
  const { t } = useTranslation()
  const cityName = useCityName()
  useDocumentTitle(t('about.title'))

  return (
    <div className="page page--prose">
      <h1>{t('about.heading')}</h1>
      <p className="lead">
        {t('about.intro')} {cityName && t('about.servesCity', { city: cityName })}
      </p>

      <h2>{t('about.partsHeading')}</h2>
      <h3>{t('about.udpHeading')}</h3>
      <p>{t('about.udpText')}</p>
      <h3>{t('about.icpHeading')}</h3>
      <p>{t('about.icpText')}</p>

      <h2>{t('about.standardsHeading')}</h2>
      <p>{t('about.standardsIntro')}</p>
      <dl className="standards">
        {standards.map((standard) => (
          <div key={standard.name}>
            <dt lang="en">{standard.name}</dt>
            <dd>{t(standard.description)}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href="/api/docs">{t('nav.apiDocs')}</a>
      </p>

      <h2>{t('about.openHeading')}</h2>
      <p>{t('about.openText', { licence: license })}</p>
    </div>
  )
}
