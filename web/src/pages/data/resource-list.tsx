import { useId } from 'react'
import { Link } from 'react-router'
import { DateTime } from '../../components/date-time.tsx'
import { type Dataset, datasetPath, type Resource, recordsPath } from './catalog-api.ts'
import { geoColumnsOf } from './geo-columns.ts'
import { useDataWords } from './words.ts'

/** Where a resource's file is: our download of an uploaded file, else its own address. */
const fileUrl = (resource: Resource) =>
  resource.kind === 'upload'
    ? `/api/catalog/resources/${encodeURIComponent(resource.id)}/download`
    : resource.url

/** A dataset's distributions: each one's format, size and downloads, the table's in three formats. */
export function ResourceList({ dataset, publisher }: { dataset: Dataset; publisher: boolean }) {
  const { t, text, bytes, formats } = useDataWords()
  const id = useId()
  return (
    <section aria-labelledby={`${id}-resources`}>
      <h2 id={`${id}-resources`}>{t('resources.heading')}</h2>
      {dataset.resources.length === 0 && <p className="notice">{t('resources.none')}</p>}
      <ul className="resources">
        {dataset.resources.map((resource) => {
          const title = text(resource.title)
          const description = text(resource.description)
          const geo = resource.datastore ? geoColumnsOf(resource.datastore.columns) : null
          return (
            <li key={resource.id} className="resource">
              <h3>
                {title} {resource.format && <span className="format">{resource.format}</span>}
              </h3>
              {description && <p>{description}</p>}
              <p className="resource__meta">
                <span>{t(`resources.kinds.${resource.kind}`)}</span>
                {resource.byteSize !== null && <span>{bytes(resource.byteSize)}</span>}
                {resource.datastore && (
                  <span>
                    {t('resources.rows', {
                      count: resource.datastore.rowCount,
                      rows: formats.integer.format(resource.datastore.rowCount),
                    })}
                  </span>
                )}
                <span>
                  {t('resources.modified')}: <DateTime value={resource.modifiedAt} dateOnly />
                </span>
              </p>
              <ul className="resource__links">
                {resource.kind === 'live' ? (
                  <>
                    {resource.liveType && (
                      <li>
                        <Link to={`/live?type=${encodeURIComponent(resource.liveType)}`}>
                          {t('resources.liveMap')}
                        </Link>
                      </li>
                    )}
                    <li>
                      <a href={resource.url}>{t('resources.liveApi')}</a>
                    </li>
                  </>
                ) : (
                  <li>
                    <a href={fileUrl(resource)} aria-label={t('resources.downloadNamed', { title })}>
                      {resource.kind === 'link' ? t('resources.open') : t('resources.download')}
                    </a>
                  </li>
                )}
                {resource.datastore &&
                  (['csv', 'json', ...(geo ? ['geojson'] : [])] as const).map((format) => (
                    <li key={format}>
                      <a
                        href={recordsPath(resource.id, `.${format}`)}
                        download
                        aria-label={t('resources.downloadAsNamed', { title, format: format.toUpperCase() })}
                      >
                        {t('resources.downloadAs', { format: format.toUpperCase() })}
                      </a>
                    </li>
                  ))}
                {publisher && resource.kind === 'upload' && (
                  <li>
                    <Link to={datasetPath.upload(dataset.name, resource.id)}>
                      {t('resources.replace', { title })}
                    </Link>
                  </li>
                )}
              </ul>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
