import { useCallback, useId } from 'react'
import { DateTime } from '../../components/date-time.tsx'
import { useResource } from '../../use-resource.ts'
import { FieldChanges } from './field-changes.tsx'
import { LocalText } from './local-text.tsx'
import { Pending } from './pending.tsx'
import { type FieldChange, getDiff, getVersions } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

/** Every version and, for each after the first, what changed from the one before. */
async function loadHistory(key: string, signal: AbortSignal) {
  const { items } = await getVersions(key, signal)
  const diffs = await Promise.all(
    items.map((item) =>
      item.version > 1
        ? getDiff(key, item.version - 1, item.version, signal).then((diff) => diff.changes)
        : Promise.resolve<FieldChange[]>([]),
    ),
  )
  return items.map((item, index) => ({ ...item, changes: diffs[index] ?? [] })).reverse()
}

/** An element's versions, newest first: when, who (for editors), why, and the difference. */
export function ElementHistory({
  elementKey,
  version,
  refresh,
}: {
  elementKey: string
  /** The current version: the history is read again when it changes. */
  version: number
  refresh: number
}) {
  const { t } = useStrategyWords()
  const id = useId()
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version or a save reads the history again
  const load = useCallback(
    (signal: AbortSignal) => loadHistory(elementKey, signal),
    [elementKey, version, refresh],
  )
  const [history, reload] = useResource(load, 'always')

  return (
    <section className="element-history" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('history.title')}</h2>
      <Pending resource={history} onRetry={() => void reload()} />
      {history.status === 'ready' && (
        <ol className="version-list">
          {history.data.map((entry) => (
            <li key={entry.version} className="version">
              <h3 className="version__title">
                {t('history.version', { version: entry.version })}
                {' · '}
                <DateTime value={entry.changedAt} />
              </h3>
              {entry.changedBy && <p className="version__by">{t('history.by', { name: entry.changedBy })}</p>}
              {entry.note && <p className="version__note">{t('history.note', { note: entry.note })}</p>}
              {entry.version === 1 ? (
                <p className="muted">
                  {t('history.first')} <LocalText value={entry.title} />
                </p>
              ) : (
                <FieldChanges
                  changes={entry.changes}
                  caption={t('history.caption', { from: entry.version - 1, to: entry.version })}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
