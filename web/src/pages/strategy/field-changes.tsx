import type { ParseKeys } from 'i18next'
import type { ReactNode } from 'react'
import type { FieldChange, Localized } from './strategy-api.ts'
import { useStrategyWords } from './strategy-words.ts'

const LANGUAGES = ['ro', 'en', 'hu'] as const
const TEXT_FIELDS = new Set(['title', 'summary'])

const isLocalized = (value: unknown): value is Partial<Localized> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** One row of the comparison: what it is, before and after. */
type Row = { key: string; field: string; before: ReactNode; after: ReactNode }

/**
 * What changed between two versions of an element, field by field; titles and summaries language
 * by language, so a change of one translation shows as just that.
 */
export function FieldChanges({ changes, caption }: { changes: FieldChange[]; caption: string }) {
  const { t, word } = useStrategyWords()
  const none = <span className="muted">{t('history.empty')}</span>

  const plain = (value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return none
    if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no')
    if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : none
    return String(value)
  }

  const rows: Row[] = changes.flatMap((change): Row[] => {
    const field = word('fields', change.field)
    if (TEXT_FIELDS.has(change.field)) {
      const before = isLocalized(change.from) ? change.from : {}
      const after = isLocalized(change.to) ? change.to : {}
      return LANGUAGES.filter((language) => before[language] !== after[language]).map((language) => ({
        key: `${change.field}.${language}`,
        field: `${field} (${t(`languages.${language}` as ParseKeys<'strategy'>)})`,
        before: before[language] ? <span lang={language}>{before[language]}</span> : none,
        after: after[language] ? <span lang={language}>{after[language]}</span> : none,
      }))
    }
    return [{ key: change.field, field, before: plain(change.from), after: plain(change.to) }]
  })

  if (rows.length === 0) return <p className="muted">{t('history.noDifference')}</p>
  return (
    <table className="diff-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.field')}</th>
          <th scope="col">{t('history.before')}</th>
          <th scope="col">{t('history.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.field}</th>
            <td data-label={t('history.before')} className="diff-table__before">
              {row.before}
            </td>
            <td data-label={t('history.after')} className="diff-table__after">
              {row.after}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
