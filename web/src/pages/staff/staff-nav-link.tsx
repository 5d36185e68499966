import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useSession } from '../../session.tsx'
import { hasStaffTools } from './staff-access.ts'

/** The header's link to the back office, for people with a platform role or an organisation they own. */
export function StaffNavLink() {
  const { t } = useTranslation('staff')
  const { state } = useSession()
  if (state.status !== 'signed-in' || !hasStaffTools(state.account)) return null
  return (
    <li>
      <NavLink to="/staff">{t('nav.link')}</NavLink>
    </li>
  )
}
