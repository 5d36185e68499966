import { useId } from 'react'
import type { DashboardFilter, ObjectiveScore } from './dashboard-api.ts'
import { useDashboardWords } from './words.ts'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The objective and the period shown; each change goes straight into the address, so a link keeps it. */
export function DashboardFilters({
  filter,
  objectives,
  onChange,
}: {
  filter: DashboardFilter
  objectives: ObjectiveScore[]
  onChange: (filter: DashboardFilter) => void
}) {
  const { t, localized } = useDashboardWords()
  const id = useId()
  // A date field reports '' while it holds half a date; only whole dates, or none, change the view.
  const setDay = (key: 'from' | 'to', value: string) => {
    if (value === '' || DAY.test(value)) onChange({ ...filter, [key]: value || undefined })
  }
  return (
    <form
      className="dashboard-filters"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 id={`${id}-heading`} className="dashboard-filters__heading">
        {t('filters.heading')}
      </h2>
      <div className="dashboard-filters__fields">
        <div className="field">
          <label htmlFor={`${id}-objective`}>{t('filters.objective')}</label>
          <select
            id={`${id}-objective`}
            value={filter.objective ?? ''}
            onChange={(event) => onChange({ ...filter, objective: event.target.value || undefined })}
          >
            <option value="">{t('filters.allObjectives')}</option>
            {objectives.map((objective) => (
              <option key={objective.key} value={objective.key}>
                {objective.code ? `${objective.code}. ` : ''}
                {localized(objective.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filter.from ?? ''}
            max={filter.to}
            aria-describedby={`${id}-from-hint`}
            onChange={(event) => setDay('from', event.target.value)}
          />
          <p className="hint" id={`${id}-from-hint`}>
            {t('filters.fromHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filter.to ?? ''}
            min={filter.from}
            aria-describedby={`${id}-to-hint`}
            onChange={(event) => setDay('to', event.target.value)}
          />
          <p className="hint" id={`${id}-to-hint`}>
            {t('filters.toHint')}
          </p>
        </div>
      </div>
      {(filter.objective || filter.from || filter.to) && (
        <p>
          <button type="button" className="button--secondary" onClick={() => onChange({})}>
            {t('filters.clear')}
          </button>
        </p>
      )}
    </form>
  )
}
