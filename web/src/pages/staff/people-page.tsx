import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { StaffPage } from './parts.tsx'
import { PeopleSearch } from './people-search.tsx'
import { Level } from './words.tsx'

/** The clerk's counter: find the person in front of you, then open their account. */
export function PeoplePage() {
  const { t } = useTranslation('staff')
  const [params, setParams] = useSearchParams()
  return (
    <StaffPage
      title={t('people.title')}
      lead={t('people.lead')}
      back={{ to: '/staff', label: t('common.backToIndex') }}
    >
      <PeopleSearch
        initial={params.get('q') ?? ''}
        onSearched={(q) => setParams({ q }, { replace: true })}
        renderResult={(person) => (
          <div className="person-card">
            <Link to={`/staff/people/${person.id}`} className="person-card__name">
              {person.displayName}
            </Link>
            <span className="person-card__email">{person.email}</span>
            <span>
              {t('people.levelLabel')} <Level level={person.assuranceLevel} />
            </span>
          </div>
        )}
      />
    </StaffPage>
  )
}
