import {
  type FormEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react'
import { Link, useSearchParams } from 'react-router'
import { DateTime } from '../../components/date-time.tsx'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import {
  type Dataset,
  datasetPath,
  FACETS,
  type FacetName,
  type FacetValue,
  getOrganisations,
  type SearchResult,
  SORTS,
  searchDatasets,
} from './catalog-api.ts'
import { ProblemAlert, StatusBadge } from './parts.tsx'
import { usePublisherAccess } from './publisher-access.ts'
import { type DataWords, useDataWords } from './words.ts'

const PAGE_SIZE = 20
/** Facet values shown before "show more". */
const FACET_SHOWN = 8

const listOf = (value: string | null) => (value ? value.split(',').filter(Boolean) : [])

/**
 * The catalogue's search: words, facets as checkbox groups, sorting and paging, all kept in the
 * page's address so a search can be shared. `organisation` fixes the publisher (its own page).
 */
export function CatalogueSearch({ organisation }: { organisation?: string }) {
  const words = useDataWords()
  const { t, language, formats } = words
  const [params, setParams] = useSearchParams()
  const access = usePublisherAccess()
  const id = useId()

  const text = params.get('q') ?? ''
  // What is typed; the address changes (and the search runs) when it is submitted.
  const [draft, setDraft] = useState(text)
  useEffect(() => setDraft(text), [text])
  const sort = params.get('sort') ?? (text ? 'relevance' : 'modified')
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
  const mine = params.get('mine') === 'true'

  const query = useMemo(() => {
    const query = new URLSearchParams({ lang: language, limit: String(PAGE_SIZE) })
    if (text) query.set('q', text)
    for (const facet of FACETS) {
      const chosen = facet === 'organisation' && organisation ? organisation : params.get(facet)
      if (chosen) query.set(facet, chosen)
    }
    query.set('sort', sort)
    query.set('offset', String((page - 1) * PAGE_SIZE))
    if (mine) query.set('mine', 'true')
    return query.toString()
  }, [params, text, sort, page, mine, organisation, language])

  const load = useCallback(
    (signal: AbortSignal) => searchDatasets(new URLSearchParams(query), signal),
    [query],
  )
  const [result, reload] = useResource(load, 'always')
  const [organisations] = useResource(getOrganisations)

  const last = useRef<SearchResult | null>(null)
  if (result.status === 'ready') last.current = result.data
  const data = result.status === 'ready' ? result.data : last.current
  const busy = result.status === 'loading'

  const organisationNames = useMemo(() => {
    const names = new Map<string, string>()
    if (organisations.status === 'ready')
      for (const item of organisations.data.items) names.set(item.slug, words.organisationName(item))
    return names
  }, [organisations, words])

  const change = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    if (!('page' in changes)) next.delete('page')
    setParams(next)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = draft.trim()
    change({ q: value || null, sort: value && !params.get('sort') ? null : params.get('sort') })
  }

  const toggle = (facet: FacetName, value: string, checked: boolean) => {
    const chosen = listOf(params.get(facet)).filter((item) => item !== value)
    if (checked) chosen.push(value)
    change({ [facet]: chosen.join(',') || null })
  }

  const chosenFacets = FACETS.filter((facet) => !(facet === 'organisation' && organisation)).flatMap(
    (facet) => listOf(params.get(facet)).map((value) => ({ facet, value })),
  )
  const facetLabel = (facet: FacetName, value: string) =>
    facet === 'organisation'
      ? (organisationNames.get(value) ?? value)
      : facet === 'theme'
        ? words.themeName(value)
        : facet === 'licence'
          ? words.licenceName(value)
          : value

  const pages = data ? Math.max(1, Math.ceil(data.count / PAGE_SIZE)) : 1
  const narrow = useNarrow()
  const shownFacets = FACETS.filter((facet) => !(facet === 'organisation' && organisation))
  const refinable =
    data !== null && shownFacets.some((facet) => data.facets[facet].length > 0 || params.has(facet))
  const facetGroups =
    data &&
    shownFacets.map((facet) => (
      <Facet
        key={facet}
        facet={facet}
        values={data.facets[facet]}
        chosen={listOf(params.get(facet))}
        label={(value) => facetLabel(facet, value)}
        onToggle={(value, checked) => toggle(facet, value, checked)}
        words={words}
      />
    ))

  return (
    <div className="catalogue">
      <search className="catalogue__search" aria-label={t('search.label')}>
        <form onSubmit={submit} className="catalogue__form">
          <label htmlFor={`${id}-q`}>{t('search.words')}</label>
          <div className="catalogue__row">
            <input
              id={`${id}-q`}
              type="search"
              name="q"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-describedby={`${id}-q-hint`}
            />
            <button type="submit">{t('search.submit')}</button>
          </div>
          <p className="hint" id={`${id}-q-hint`}>
            {t('search.hint')}
          </p>
        </form>
        {access && (access.everywhere || access.organisations.length > 0) && (
          <div className="catalogue__publisher">
            <label className="check">
              <input
                type="checkbox"
                checked={mine}
                onChange={(event) => change({ mine: event.target.checked ? 'true' : null })}
              />
              {t('search.mine')}
            </label>
            <Link className="button-link" to="/data/publish">
              {t('search.publish')}
            </Link>
          </div>
        )}
      </search>

      <div className={refinable ? 'catalogue__layout' : undefined}>
        {refinable && (
          <aside className="catalogue__facets" aria-labelledby={`${id}-facets`}>
            {narrow ? (
              <details className="catalogue__refine" open={chosenFacets.length > 0}>
                <summary>
                  <h2 id={`${id}-facets`} className="catalogue__facets-heading">
                    {t('search.refine')}
                    {chosenFacets.length > 0 && ` (${formats.integer.format(chosenFacets.length)})`}
                  </h2>
                </summary>
                {facetGroups}
              </details>
            ) : (
              <>
                <h2 id={`${id}-facets`} className="catalogue__facets-heading">
                  {t('search.refine')}
                </h2>
                {facetGroups}
              </>
            )}
          </aside>
        )}

        <section className="catalogue__results" aria-labelledby={`${id}-results`} aria-busy={busy}>
          <div className="catalogue__bar">
            <h2 id={`${id}-results`} className="catalogue__count">
              <span role="status">{data ? t('search.count', { count: data.count }) : ''}</span>
            </h2>
            <div className="catalogue__sort">
              <label htmlFor={`${id}-sort`}>{t('search.sort')}</label>
              <select
                id={`${id}-sort`}
                value={sort}
                onChange={(event) => change({ sort: event.target.value })}
              >
                {SORTS.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`search.sorts.${choice}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {chosenFacets.length > 0 && (
            <ul className="catalogue__chosen" aria-label={t('search.chosen')}>
              {chosenFacets.map(({ facet, value }) => (
                <li key={`${facet}:${value}`}>
                  <button type="button" className="chip" onClick={() => toggle(facet, value, false)}>
                    {t('search.remove', { name: facetLabel(facet, value) })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {busy && <Working quiet>{t('search.searching')}</Working>}
          {result.status === 'error' && (
            <ProblemAlert error={result.error} lead={t('search.failed')} onRetry={() => void reload()} />
          )}
          {data && data.items.length === 0 && <p className="notice">{t('search.none')}</p>}
          {data && data.items.length > 0 && (
            <ol className="dataset-list">
              {data.items.map((dataset) => (
                <DatasetCard
                  key={dataset.id}
                  dataset={dataset}
                  organisationName={organisationNames.get(dataset.organisation.slug)}
                  words={words}
                />
              ))}
            </ol>
          )}
          {data && pages > 1 && (
            <nav className="pager" aria-label={t('search.pages')}>
              <button
                type="button"
                className="button--secondary"
                disabled={page <= 1}
                onClick={() => change({ page: page > 2 ? String(page - 1) : null })}
              >
                {t('search.previous')}
              </button>
              <span>
                {t('search.page', {
                  page: formats.integer.format(page),
                  pages: formats.integer.format(pages),
                })}
              </span>
              <button
                type="button"
                className="button--secondary"
                disabled={page >= pages}
                onClick={() => change({ page: String(page + 1) })}
              >
                {t('search.next')}
              </button>
            </nav>
          )}
        </section>
      </div>
    </div>
  )
}

const NARROW = '(max-width: 48rem)'

/** Whether the screen is a phone's: the facets then fold away above the results instead of beside them. */
function useNarrow(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(NARROW)
      query.addEventListener('change', changed)
      return () => query.removeEventListener('change', changed)
    },
    () => window.matchMedia(NARROW).matches,
  )
}

function Facet({
  facet,
  values,
  chosen,
  label,
  onToggle,
  words,
}: {
  facet: FacetName
  values: FacetValue[]
  chosen: string[]
  label: (value: string) => string
  onToggle: (value: string, checked: boolean) => void
  words: DataWords
}) {
  const { t, formats } = words
  // Chosen values stay listed even when the other choices leave none of them.
  const listed = [
    ...values,
    ...chosen
      .filter((value) => !values.some((item) => item.value === value))
      .map((value) => ({ value, count: 0 })),
  ]
  if (listed.length === 0) return null
  const first = listed.slice(0, FACET_SHOWN)
  const more = listed.slice(FACET_SHOWN)
  const item = ({ value, count }: FacetValue) => (
    <li key={value}>
      <label className="check">
        <input
          type="checkbox"
          checked={chosen.includes(value)}
          onChange={(event) => onToggle(value, event.target.checked)}
        />
        <span>
          {label(value)} <span className="facet__count">({formats.integer.format(count)})</span>
        </span>
      </label>
    </li>
  )
  return (
    <fieldset className="facet">
      <legend>{t(`facets.${facet}`)}</legend>
      <ul className="plain-list">{first.map(item)}</ul>
      {more.length > 0 && (
        <details className="facet__more" open={more.some((value) => chosen.includes(value.value))}>
          <summary>{t('search.more', { count: more.length })}</summary>
          <ul className="plain-list">{more.map(item)}</ul>
        </details>
      )}
    </fieldset>
  )
}

function DatasetCard({
  dataset,
  organisationName,
  words,
}: {
  dataset: Dataset
  organisationName: string | undefined
  words: DataWords
}) {
  const { t, text } = words
  const formatsOf = [...new Set(dataset.resources.map((resource) => resource.format).filter(Boolean))]
  const description = text(dataset.description)
  return (
    <li className="dataset-card">
      <h3>
        <Link to={datasetPath.page(dataset.name)}>{text(dataset.title)}</Link>
      </h3>
      <p className="dataset-card__meta">
        <Link to={`/data/organisations/${encodeURIComponent(dataset.organisation.slug)}`}>
          {organisationName ?? text(dataset.organisation.name)}
        </Link>
        <span>
          {t('dataset.modified')}: <DateTime value={dataset.modified} dateOnly />
        </span>
        {dataset.status !== 'published' && <StatusBadge status={dataset.status} />}
        {dataset.accessLevel === 'private' && <span className="badge">{t('access.private')}</span>}
      </p>
      {description && <p className="dataset-card__description">{description}</p>}
      {formatsOf.length > 0 && (
        <ul className="formats" aria-label={t('dataset.formats')}>
          {formatsOf.map((format) => (
            <li key={format} className="format">
              {format}
            </li>
          ))}
        </ul>
      )}
    </li>
  )
}
