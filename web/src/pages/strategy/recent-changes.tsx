import { useCallback, useState } from 'react'
import { Link } from 'react-router'
import { DateTime } from '../../components/date-time.tsx'
import { ProblemAlert } from '../../components/problem-alert.tsx'
import { Working } from '../../components/working.tsx'
import { useResource } from '../../use-resource.ts'
import { FieldChanges } from './field-changes.tsx'
import { LocalText } from './local-text.tsx'
import { type Element, elementPath, getChanges, type Localized } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

const DAYS = 30
/** Enough to read at a glance; the rest on request. */
const FIRST = 10

/** What changed in the strategy in the last 30 days, newest first, each with what it changed. */
export function RecentChanges({ elements }: { elements: Map<string, Element> }) {
  const { t, word } = useStrategyWords()
  const load = useCallback(
    (signal: AbortSignal) => getChanges(new Date(Date.now() - DAYS * 86_400_000).toISOString(), signal),
    [],
  )
  const [changes, reload] = useResource(load)
  const [all, setAll] = useState(false)

  return (
    <section className="recent-changes" aria-labelledby="recent-changes">
      <h2 id="recent-changes">{t('changes.title')}</h2>
      <p className="hint">{t('changes.lead', { days: DAYS })}</p>
      {changes.status === 'loading' && <Working>{t('common.loading')}</Working>}
      {changes.status === 'error' && (
        <ProblemAlert error={changes.error} lead={t('changes.failed')} onRetry={() => void reload()} />
      )}
      {changes.status === 'ready' &&
        (changes.data.changes.length === 0 ? (
          <p>{t('changes.none', { days: DAYS })}</p>
        ) : (
          <>
            <ol className="change-list">
              {[...changes.data.changes]
                .reverse()
                .slice(0, all ? undefined : FIRST)
                .map((change) => {
                  const element = elements.get(change.key)
                  // The title as this change left it, where it changed; else the element's.
                  const titled = change.changes.find((field) => field.field === 'title')?.to as
                    | Localized
                    | undefined
                  const title = titled ?? element?.title
                  return (
                    <li key={`${change.key}-${change.version}`} className="change">
                      <p className="change__what">
                        <Link to={elementPath(change.key)}>
                          {title ? <LocalText value={title} /> : change.key}
                        </Link>{' '}
                        <span className="muted">
                          ({word('kinds', change.kind)}
                          {element?.code ? ` ${element.code}` : ''})
                        </span>
                      </p>
                      <p className="change__when">
                        {change.version === 1
                          ? t('changes.added')
                          : t('changes.version', { version: change.version })}
                        {' · '}
                        <DateTime value={change.changedAt} />
                        {change.changedBy && <> · {t('history.by', { name: change.changedBy })}</>}
                      </p>
                      {change.note && (
                        <p className="change__note">{t('history.note', { note: change.note })}</p>
                      )}
                      {change.version > 1 && (
                        <FieldChanges
                          changes={change.changes}
                          caption={t('changes.caption', { version: change.version })}
                        />
                      )}
                    </li>
                  )
                })}
            </ol>
            {!all && changes.data.changes.length > FIRST && (
              <button type="button" className="button--secondary" onClick={() => setAll(true)}>
                {t('changes.showAll', { total: changes.data.changes.length })}
              </button>
            )}
          </>
        ))}
    </section>
  )
}
