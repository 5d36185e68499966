import { useCallback } from 'react'
import { useParams } from 'react-router'
import { Fact } from '../../components/fact.tsx'
import { useResource } from '../../use-resource.ts'
import { getOrganisation } from './catalog-api.ts'
import { CatalogueSearch } from './catalogue-search.tsx'
import { DataPage, Pending } from './parts.tsx'
import { useDataWords } from './words.ts'

/** /data/organisations/:slug — a publisher and the datasets it publishes. */
export function OrganisationPage() {
  const { slug = '' } = useParams()
  const { t, organisationName } = useDataWords()
  const load = useCallback((signal: AbortSignal) => getOrganisation(slug, signal), [slug])
  const [organisation, reload] = useResource(load)
  const back = { to: '/data', label: t('organisation.back') }

  if (organisation.status !== 'ready')
    return (
      <DataPage title={t('organisation.title')} back={back}>
        <Pending resource={organisation} onRetry={() => void reload()} />
      </DataPage>
    )
  const data = organisation.data
  return (
    <DataPage title={organisationName(data)} back={back} lead={t('organisation.lead')}>
      {data.website && (
        <dl className="facts">
          <Fact term={t('organisation.website')}>
            <a href={data.website}>{data.website}</a>
          </Fact>
        </dl>
      )}
      <CatalogueSearch organisation={data.slug} />
    </DataPage>
  )
}
