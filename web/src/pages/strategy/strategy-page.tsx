import { type FormEvent, useCallback, useId, useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { SectionPage } from '../../components/section-page.tsx'
import { useResource } from '../../use-resource.ts'
import { AddDirectionForm } from './add-direction-form.tsx'
import { Pending } from './pending.tsx'
import { RecentChanges } from './recent-changes.tsx'
import { useStrategyAccess } from './strategy-access.ts'
import { getStrategy } from './strategy-api.ts'
import { StrategyDocument } from './strategy-document.tsx'
import { useStrategyWords } from './strategy-words.ts'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Today in the reader's calendar, as YYYY-MM-DD. */
function today(): string {
  const now = new Date()
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The end of a day in the reader's time zone: the strategy as it stood once that day was over. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999`).toISOString()

/** /strategy — the living strategy as a document, now or as it stood on a past day. */
export function StrategyPage() {
  const { t, day } = useStrategyWords()
  const id = useId()
  const access = useStrategyAccess()
  const [search, setSearch] = useSearchParams()
  const asked = search.get('asOf') ?? ''
  const asOf = DAY.test(asked) && !Number.isNaN(new Date(`${asked}T00:00:00`).getTime()) ? asked : undefined
  const load = useCallback((signal: AbortSignal) => getStrategy(asOf && endOfDay(asOf), signal), [asOf])
  const [strategy, reload] = useResource(load, 'reload')
  const elements = strategy.status === 'ready' ? strategy.data.elements : []
  const byKey = useMemo(() => new Map(elements.map((element) => [element.key, element])), [elements])

  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const chosen = String(new FormData(event.currentTarget).get('asOf') ?? '')
    setSearch(chosen ? { asOf: chosen } : {})
  }

  return (
    <SectionPage section="strategy" title={t('page.title')} lead={t('page.lead')}>
      <form className="as-of-form" onSubmit={choose} aria-labelledby={`${id}-as-of`}>
        <label id={`${id}-as-of`} htmlFor={`${id}-day`}>
          {t('asOf.label')}
        </label>
        <div className="as-of-form__row">
          <input
            id={`${id}-day`}
            type="date"
            name="asOf"
            max={today()}
            defaultValue={asOf ?? ''}
            key={asOf}
          />
          <button type="submit">{t('asOf.show')}</button>
          {asOf && (
            <Link className="button-link button--secondary" to="/strategy">
              {t('asOf.now')}
            </Link>
          )}
        </div>
      </form>
      {asOf && (
        <p className="as-of-banner" role="status">
          <strong>{t('asOf.banner', { day: day(asOf) })}</strong> {t('asOf.bannerHint')}
        </p>
      )}
      {asked && !asOf && (
        <p className="problem" role="alert">
          {t('asOf.invalid', { value: asked })}
        </p>
      )}
      <Pending resource={strategy} onRetry={() => void reload()} />
      {strategy.status === 'ready' &&
        (elements.length === 0 ? (
          <p className="notice">{asOf ? t('asOf.nothing') : t('document.empty')}</p>
        ) : (
          <StrategyDocument elements={elements} />
        ))}
      {access.edit && !asOf && strategy.status === 'ready' && (
        <AddDirectionForm
          groups={elements.filter((element) => element.kind === 'direction_group')}
          onAdded={() => void reload()}
        />
      )}
      <RecentChanges elements={byKey} />
    </SectionPage>
  )
}
