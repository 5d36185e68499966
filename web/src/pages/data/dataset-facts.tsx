import { Link } from 'react-router'
import { LICENCES } from '../../../../src/modules/catalog/vocabularies.ts'
import { DateTime } from '../../components/date-time.tsx'
import { Fact } from '../../components/fact.tsx'
import { useSiteData } from '../../site-data.tsx'
import type { Dataset } from './catalog-api.ts'
import { StatusBadge } from './parts.tsx'
import { useDataWords } from './words.ts'

/** A dataset's metadata (DCAT-AP's properties) as a list of facts. */
export function DatasetFacts({ dataset, showStatus }: { dataset: Dataset; showStatus: boolean }) {
  const { t, text, themeName, licenceName, frequencyName } = useDataWords()
  const { city } = useSiteData()
  const licence = LICENCES[dataset.licence]
  const areaSlug = dataset.spatial?.area
  const area =
    areaSlug && city.status === 'ready'
      ? city.data?.areas.features.find((feature) => feature.properties.slug === areaSlug)?.properties.name
      : undefined
  const { temporal, contactPoint } = dataset

  return (
    <dl className="facts facts--compact dataset__facts">
      <Fact term={t('dataset.publisher')}>
        <Link to={`/data/organisations/${encodeURIComponent(dataset.organisation.slug)}`}>
          {text(dataset.organisation.name)}
        </Link>
      </Fact>
      {showStatus && (
        <Fact term={t('dataset.status')}>
          <StatusBadge status={dataset.status} />{' '}
          {dataset.accessLevel === 'private' ? t('access.private') : t('access.open')}
        </Fact>
      )}
      {dataset.themes.length > 0 && (
        <Fact term={t('dataset.themes')}>{dataset.themes.map(themeName).join(', ')}</Fact>
      )}
      {dataset.keywords.length > 0 && (
        <Fact term={t('dataset.keywords')}>
          <ul className="keywords">
            {dataset.keywords.map((keyword) => (
              <li key={keyword}>
                <Link to={`/data?keyword=${encodeURIComponent(keyword)}`}>{keyword}</Link>
              </li>
            ))}
          </ul>
        </Fact>
      )}
      <Fact term={t('dataset.licence')}>
        {licence ? <a href={licence.url}>{licenceName(dataset.licence)}</a> : dataset.licence}
      </Fact>
      <Fact term={t('dataset.frequency')}>{frequencyName(dataset.frequency)}</Fact>
      {temporal && (temporal.start || temporal.end) && (
        <Fact term={t('dataset.temporal')}>
          {temporal.start ? <DateTime value={temporal.start} dateOnly /> : '…'} –{' '}
          {temporal.end ? <DateTime value={temporal.end} dateOnly /> : '…'}
        </Fact>
      )}
      {dataset.spatial && (
        <Fact term={t('dataset.spatial')}>
          {area ?? areaSlug ?? t('dataset.geometry', { type: dataset.spatial.geometry?.type ?? '' })}
        </Fact>
      )}
      {contactPoint && (
        <Fact term={t('dataset.contact')}>
          {contactPoint.name}
          {contactPoint.email && (
            <>
              {' · '}
              <a href={`mailto:${contactPoint.email}`}>{contactPoint.email}</a>
            </>
          )}
          {contactPoint.url && (
            <>
              {' · '}
              <a href={contactPoint.url}>{contactPoint.url}</a>
            </>
          )}
        </Fact>
      )}
      {dataset.version && <Fact term={t('dataset.version')}>{dataset.version}</Fact>}
      {dataset.issued && (
        <Fact term={t('dataset.issued')}>
          <DateTime value={dataset.issued} dateOnly />
        </Fact>
      )}
      <Fact term={t('dataset.modified')}>
        <DateTime value={dataset.modified} />
      </Fact>
      <Fact term={t('dataset.identifier')}>
        <code>{dataset.name}</code>
      </Fact>
    </dl>
  )
}
