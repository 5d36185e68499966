import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../../session.tsx'
import { StaffPage } from './parts.tsx'
import { PortfolioTool } from './portfolio-tool.tsx'
import type { StaffAccess } from './staff-access.ts'
import { StrategyTool } from './strategy-tool.tsx'
import { RoleName } from './words.tsx'

type Tool = { to: string; name: 'people' | 'organisations' | 'signOnClients' | 'audit' | 'outbox' }

/** The staff tools the signed-in person may use, by their roles. */
export function StaffIndexPage({ access }: { access: StaffAccess }) {
  const { t } = useTranslation('staff')
  const { state } = useSession()
  const account = state.status === 'signed-in' ? state.account : undefined

  const tools: Tool[] = []
  if (access.readPeople) tools.push({ to: '/staff/people', name: 'people' })
  if (access.manageAllOrganisations || access.ownedOrganisations.length > 0)
    tools.push({ to: '/staff/organisations', name: 'organisations' })
  if (access.manageSignOnClients) tools.push({ to: '/staff/sign-on-clients', name: 'signOnClients' })
  if (access.readAudit) tools.push({ to: '/staff/audit', name: 'audit' })
  if (access.readOutbox) tools.push({ to: '/staff/outbox', name: 'outbox' })

  return (
    <StaffPage title={t('index.title')} lead={t('index.lead')}>
      {account && (
        <p>
          {t('index.signedInAs', { name: account.displayName })}{' '}
          {account.platformRoles.length > 0 && (
            <>
              {t('index.yourRoles')}{' '}
              {account.platformRoles.map((role, index) => (
                <span key={role}>
                  {index > 0 && ', '}
                  <RoleName role={role} />
                </span>
              ))}
              .
            </>
          )}
        </p>
      )}
      {tools.length === 0 ? (
        <p className="notice">{t('index.none')}</p>
      ) : (
        <ul className="tool-list">
          {tools.map((tool) => (
            <li key={tool.name}>
              <h2>
                <Link to={tool.to}>{t(`index.tools.${tool.name}.name`)}</Link>
              </h2>
              <p>{t(`index.tools.${tool.name}.text`)}</p>
            </li>
          ))}
          <StrategyTool />
          <PortfolioTool />
        </ul>
      )}
    </StaffPage>
  )
}
