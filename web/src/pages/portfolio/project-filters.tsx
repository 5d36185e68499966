import { useId } from 'react'
import { KINDS, type ProjectFilter, STATUSES, type StrategyElement } from './portfolio-api.ts'
import { usePortfolioWords } from './portfolio-words.ts'

/** The objective, kind and status shown; each change goes straight into the address, so a link keeps it. */
export function ProjectFilters({
  filter,
  objectives,
  onChange,
}: {
  filter: ProjectFilter
  objectives: StrategyElement[]
  onChange: (filter: ProjectFilter) => void
}) {
  const { t, text, word } = usePortfolioWords()
  const id = useId()
  return (
    <form
      className="project-filters"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 id={`${id}-heading`} className="project-filters__heading">
        {t('filters.heading')}
      </h2>
      <div className="project-filters__fields">
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
                {text(objective.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('filters.kind')}</label>
          <select
            id={`${id}-kind`}
            value={filter.kind ?? ''}
            onChange={(event) =>
              onChange({ ...filter, kind: KINDS.find((kind) => kind === event.target.value) })
            }
          >
            <option value="">{t('filters.allKinds')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {word('kinds', kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('filters.status')}</label>
          <select
            id={`${id}-status`}
            value={filter.status ?? ''}
            onChange={(event) =>
              onChange({ ...filter, status: STATUSES.find((status) => status === event.target.value) })
            }
          >
            <option value="">{t('filters.allStatuses')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {word('statuses', status)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {(filter.objective || filter.kind || filter.status) && (
        <p>
          <button type="button" className="button--secondary" onClick={() => onChange({})}>
            {t('filters.clear')}
          </button>
        </p>
      )}
    </form>
  )
}
