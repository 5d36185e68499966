import { useCallback, useId, useState } from 'react'
import { Link, useParams } from 'react-router'
import { ApiError } from '../../api.ts'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import { ApiSnippets } from './api-snippets.tsx'
import { type Dataset, getDataset } from './catalog-api.ts'
import { DatasetFacts } from './dataset-facts.tsx'
import { DatastorePreview } from './datastore-preview.tsx'
import { DataPage, ProblemAlert } from './parts.tsx'
import { mayPublishFor, usePublisherAccess } from './publisher-access.ts'
import { PublisherPanel } from './publisher-panel.tsx'
import { ResourceList } from './resource-list.tsx'
import { Reuses } from './reuses.tsx'
import { useDataWords } from './words.ts'

const back = (label: string) => ({ to: '/data', label })

/** /data/:name — a dataset: what it is, its files and tables, how to reach it by API, what was built on it. */
export function DatasetPage() {
  const { name = '' } = useParams()
  const { t } = useDataWords()
  const load = useCallback((signal: AbortSignal) => getDataset(name, signal), [name])
  const [dataset, reload] = useResource(load, 'reload')

  if (dataset.status === 'error' && dataset.error instanceof ApiError && dataset.error.status === 404)
    return (
      <DataPage title={t('dataset.notFoundTitle')} back={back(t('dataset.back'))}>
        <p>{t('dataset.notFound', { name })}</p>
      </DataPage>
    )
  if (dataset.status !== 'ready')
    return (
      <DataPage title={t('dataset.loadingTitle')} back={back(t('dataset.back'))}>
        {dataset.status === 'loading' ? (
          <Working>{t('common.loading')}</Working>
        ) : (
          <ProblemAlert error={dataset.error} lead={t('dataset.loadFailed')} onRetry={() => void reload()} />
        )}
      </DataPage>
    )
  return <DatasetView dataset={dataset.data} onChanged={reload} />
}

function DatasetView({ dataset, onChanged }: { dataset: Dataset; onChanged: () => Promise<void> }) {
  const { t, text } = useDataWords()
  const id = useId()
  const access = usePublisherAccess()
  const publisher = mayPublishFor(access, dataset.organisation.slug)
  const tables = dataset.resources.filter((resource) => resource.datastore)
  const [chosen, setChosen] = useState(tables[0]?.id)
  const table = tables.find((resource) => resource.id === chosen) ?? tables[0]
  const description = text(dataset.description)

  return (
    <DataPage title={text(dataset.title)} back={back(t('dataset.back'))}>
      {description && (
        <div className="dataset__description">
          {description.split(/\n{2,}/).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      )}
      {publisher && <PublisherPanel dataset={dataset} onChanged={onChanged} />}

      <DatasetFacts dataset={dataset} showStatus={publisher} />

      <ResourceList dataset={dataset} publisher={publisher} />

      {table?.datastore && (
        <section aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>{t('preview.heading')}</h2>
          {tables.length > 1 && (
            <div className="field field--inline">
              <label htmlFor={`${id}-table`}>{t('preview.table')}</label>
              <select id={`${id}-table`} value={table.id} onChange={(event) => setChosen(event.target.value)}>
                {tables.map((resource) => (
                  <option key={resource.id} value={resource.id}>
                    {text(resource.title)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <DatastorePreview key={table.id} resource={table} />
          <ApiSnippets resource={table} />
        </section>
      )}

      <Reuses dataset={dataset} />

      <p className="dataset__more">
        <Link to={`/data/organisations/${encodeURIComponent(dataset.organisation.slug)}`}>
          {t('dataset.moreFrom', { organisation: text(dataset.organisation.name) })}
        </Link>
      </p>
    </DataPage>
  )
}
