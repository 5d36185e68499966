import { useLocation } from 'react-router'
import { Done } from '../../components/done.tsx'
import { CatalogueSearch } from './catalogue-search.tsx'
import { DataPage } from './parts.tsx'
import { useDataWords } from './words.ts'

/** /data: the open data catalogue, searched with words and facets. */
export function CataloguePage() {
  const { t } = useDataWords()
  // After a dataset is deleted its page sends the publisher here, saying so.
  const { state } = useLocation() as { state: { deleted?: string } | null }
  return (
    <DataPage title={t('catalogue.title')} lead={t('catalogue.lead')}>
      {state?.deleted && <Done>{t('catalogue.deleted', { title: state.deleted })}</Done>}
      <CatalogueSearch />
    </DataPage>
  )
}
