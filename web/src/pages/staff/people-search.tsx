import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Working } from '../../components/working.tsx'
import { useAction } from '../../use-action.ts'
import { ProblemAlert } from './parts.tsx'
import { type PersonSummary, searchPeople } from './staff-api.ts'

/**
 * Finds people by name or email (GET /api/people, at least 2 characters). Every search is
 * written in the audit log, which the form says. `renderResult` draws each person found.
 */
export function PeopleSearch({
  initial = '',
  onSearched,
  renderResult,
  headingLevel = 2,
}: {
  headingLevel?: 2 | 3 | 4
  initial?: string
  onSearched?: (q: string) => void
  renderResult: (person: PersonSummary) => ReactNode
}) {
  const { t } = useTranslation('staff')
  const id = useId()
  const [q, setQ] = useState(initial)
  const [results, setResults] = useState<PersonSummary[] | null>(null)
  const search = useAction()
  const [searchedFor, setSearchedFor] = useState(initial)

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    const text = q.trim()
    if (text.length < 2) {
      search.setError(null)
      setResults(null)
      return
    }
    await search.run(async () => {
      setResults((await searchPeople(text)).items)
      setSearchedFor(text)
      onSearched?.(text)
    })
  }

  // Coming back to the page repeats the search it shows (and the audit log records it again).
  const repeated = useRef(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first render's query
  useEffect(() => {
    if (repeated.current || initial.trim().length < 2) return
    repeated.current = true
    void submit()
  }, [])

  const Heading = `h${headingLevel}` as const
  const tooShort = q.trim().length > 0 && q.trim().length < 2

  return (
    <div className="people-search">
      <form className="search-form" onSubmit={submit} aria-describedby={`${id}-audited`}>
        <label htmlFor={`${id}-q`}>{t('people.searchLabel')}</label>
        <div className="search-form__row">
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            minLength={2}
            maxLength={200}
            required
            autoComplete="off"
            aria-describedby={`${id}-hint`}
            onChange={(event) => setQ(event.target.value)}
          />
          <button type="submit" disabled={search.busy}>
            {t('people.search')}
          </button>
        </div>
        <p className="hint" id={`${id}-hint`}>
          {tooShort ? t('people.tooShort') : t('people.searchHint')}
        </p>
        <p className="audited" id={`${id}-audited`}>
          {t('people.audited')}
        </p>
      </form>
      {search.busy && <Working>{t('people.searching')}</Working>}
      <ProblemAlert error={search.error} />
      {results && !search.busy && (
        <section aria-labelledby={`${id}-results`}>
          <Heading id={`${id}-results`}>{t('people.results')}</Heading>
          <p role="status">
            {results.length === 0
              ? t('people.noneFound', { q: searchedFor })
              : t('people.found', { count: results.length, q: searchedFor })}
          </p>
          {results.length > 0 && (
            <ul className="people-list">
              {results.map((person) => (
                <li key={person.id}>{renderResult(person)}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  )
}
