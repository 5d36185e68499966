import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormField, SubmitButton } from '../../components/form-field.tsx'
import { chooseLanguage, type Language, languages } from '../../i18n/i18n.ts'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useDocumentTitle } from '../../use-document-title.ts'
import { AssuranceExplained } from './assurance.tsx'
import { FormProblem } from './problem.tsx'
import { useAccount, useOrganisationNames } from './use-account.ts'

const knownPlatformRoles = ['administrator', 'innovation_office', 'data_steward', 'clerk'] as const
const knownMembershipRoles = ['owner', 'editor', 'member'] as const

export function AccountPage() {
  const { t } = useTranslation('account')
  const account = useAccount()
  useDocumentTitle(t('overview.title'))

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <ProfileSection />

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">{t('overview.emailHeading')}</h2>
        <EmailStatus />
      </section>

      <section aria-labelledby="assurance-heading">
        <h2 id="assurance-heading">{t('assurance.heading')}</h2>
        <AssuranceExplained level={account.assurance.level} />
      </section>

      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('overview.rolesHeading')}</h2>
        <Roles />
      </section>
    </>
  )
}

function ProfileSection() {
  const { t } = useTranslation('account')
  const account = useAccount()
  const { send, refresh } = useSession()
  const [displayName, setDisplayName] = useState(account.displayName)
  const [language, setLanguage] = useState<Language>(account.preferredLanguage)
  const [saved, setSaved] = useState(false)
  const { run, busy, error } = useAction()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    void run(async () => {
      await send('/api/account', 'PATCH', { displayName: displayName.trim(), preferredLanguage: language })
      chooseLanguage(language)
      await refresh()
      setSaved(true)
    })
  }

  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('overview.profileHeading')}</h2>
      <form className="form" onSubmit={submit}>
        <FormField
          label={t('fields.name')}
          name="name"
          autoComplete="name"
          required
          maxLength={120}
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value)
            setSaved(false)
          }}
        />
        <div className="form-field">
          <label htmlFor="profile-language">{t('fields.language')}</label>
          <p className="form-field__hint" id="profile-language-hint">
            {t('overview.languageHint')}
          </p>
          <select
            id="profile-language"
            aria-describedby="profile-language-hint"
            value={language}
            onChange={(event) => {
              setLanguage(event.target.value as Language)
              setSaved(false)
            }}
          >
            {languages.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <FormProblem error={error} />
        <div className="form__actions">
          <SubmitButton busy={busy} label={t('common.save')} />
          <span role="status" className="form__status">
            {saved ? t('common.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  )
}

function EmailStatus() {
  const { t } = useTranslation('account')
  const account = useAccount()
  const { send } = useSession()
  const [sent, setSent] = useState(false)
  const { run, busy, error } = useAction()

  const resend = () =>
    void run(async () => {
      await send('/api/account/verify-email/resend', 'POST')
      setSent(true)
    })

  return (
    <>
      <p>
        <span className="email">{account.email}</span>{' '}
        <strong className={account.emailVerified ? 'badge badge--ok' : 'badge badge--warning'}>
          {account.emailVerified ? t('overview.verified') : t('overview.notVerified')}
        </strong>
      </p>
      {!account.emailVerified && (
        <>
          <p>{t('overview.verifyHint')}</p>
          <FormProblem error={error} />
          <p role="status">{sent ? t('overview.resent') : ''}</p>
          <button type="button" disabled={busy} onClick={resend}>
            {busy ? `${t('overview.resend')}…` : t('overview.resend')}
          </button>
        </>
      )}
    </>
  )
}

function Roles() {
  const { t } = useTranslation('account')
  const account = useAccount()
  const organisationName = useOrganisationNames()
  const platformRole = (role: string) =>
    knownPlatformRoles.includes(role as (typeof knownPlatformRoles)[number])
      ? t(`roles.platform.${role as (typeof knownPlatformRoles)[number]}`)
      : role
  const membershipRole = (role: string) =>
    knownMembershipRoles.includes(role as (typeof knownMembershipRoles)[number])
      ? t(`roles.membership.${role as (typeof knownMembershipRoles)[number]}`)
      : role

  if (account.platformRoles.length === 0 && account.memberships.length === 0)
    return <p>{t('overview.noRoles')}</p>
  return (
    <>
      {account.platformRoles.length > 0 && (
        <>
          <h3>{t('overview.platformRoles')}</h3>
          <ul>
            {account.platformRoles.map((role) => (
              <li key={role}>{platformRole(role)}</li>
            ))}
          </ul>
        </>
      )}
      {account.memberships.length > 0 && (
        <>
          <h3>{t('overview.memberships')}</h3>
          <ul>
            {account.memberships.map((membership) => (
              <li key={`${membership.organisation}-${membership.role}`}>
                {t('overview.membership', {
                  organisation: organisationName(membership.organisation),
                  role: membershipRole(membership.role),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
