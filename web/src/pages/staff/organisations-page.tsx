import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useResource } from '../../use-resource.ts'
import { useOrganisationName } from './organisations.ts'
import { Pending, StaffPage } from './parts.tsx'
import type { StaffAccess } from './staff-access.ts'
import { getOrganisations } from './staff-api.ts'
import { OrganisationKindName } from './words.tsx'

/** Organisations whose members and keys the person may manage: all for administrators, else their own. */
export function OrganisationsPage({ access }: { access: StaffAccess }) {
  const { t } = useTranslation('staff')
  const [organisations] = useResource(getOrganisations)
  const nameOf = useOrganisationName()
  const shown =
    organisations.status === 'ready'
      ? organisations.data.items
          .filter((item) => access.manageAllOrganisations || access.ownedOrganisations.includes(item.slug))
          .sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
      : []
  return (
    <StaffPage
      title={t('organisations.title')}
      lead={access.manageAllOrganisations ? t('organisations.leadAll') : t('organisations.leadOwned')}
      back={{ to: '/staff', label: t('common.backToIndex') }}
    >
      <Pending resource={organisations} />
      {organisations.status === 'ready' && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('organisations.name')}</th>
              <th scope="col">{t('organisations.kind')}</th>
              <th scope="col">{t('organisations.parent')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((organisation) => {
              const parent = organisations.data.items.find((item) => item.slug === organisation.parent)
              return (
                <tr key={organisation.slug}>
                  <td data-label={t('organisations.name')}>
                    <Link to={`/staff/organisations/${organisation.slug}`}>{nameOf(organisation)}</Link>
                  </td>
                  <td data-label={t('organisations.kind')}>
                    <OrganisationKindName kind={organisation.kind} />
                  </td>
                  <td data-label={t('organisations.parent')}>{parent ? nameOf(parent) : '–'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </StaffPage>
  )
}
