import { type FormEvent, useCallback, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PLATFORM_ROLE_NAMES } from '../../../../src/modules/identity/roles.ts'
import { DateTime } from '../../components/date-time.tsx'
import { Done } from '../../components/done.tsx'
import { Working } from '../../components/working.tsx'
import { useSession } from '../../session.tsx'
import { useAction } from '../../use-action.ts'
import { useResource } from '../../use-resource.ts'
import { Pending, ProblemAlert, StaffPage } from './parts.tsx'
import { mayManageOrganisation, type StaffAccess } from './staff-access.ts'
import { getPerson, type Level as LevelCode, type Person } from './staff-api.ts'
import { DocumentTypeName, Level, LevelName, MembershipRoleName, RoleName } from './words.tsx'

const DOCUMENT_TYPES = ['identity_card', 'passport', 'residence_permit', 'driving_licence'] as const

export function PersonPage({ access }: { access: StaffAccess }) {
  const { t } = useTranslation('staff')
  const { id = '' } = useParams()
  const load = useCallback((signal?: AbortSignal) => getPerson(id, signal), [id])
  const [person, reload] = useResource(load, 'reload')
  const { state } = useSession()
  const self = state.status === 'signed-in' && state.account.id === id
  const back = { to: '/staff/people', label: t('person.back') }

  if (person.status !== 'ready') {
    return (
      <StaffPage title={t('person.title')} back={back}>
        <Pending resource={person} />
      </StaffPage>
    )
  }
  const data = person.data
  return (
    <StaffPage title={data.displayName} back={back}>
      <PersonSummary person={data} self={self} />
      {access.verifyPeople && <IdentityCheckForm person={data} self={self} onRecorded={reload} />}
      <IdentityChecks person={data} />
      {access.grantRoles && <PlatformRoles person={data} self={self} onChanged={reload} />}
      <Memberships person={data} access={access} />
    </StaffPage>
  )
}

function PersonSummary({ person, self }: { person: Person; self: boolean }) {
  const { t } = useTranslation('staff')
  return (
    <dl className="facts">
      <div>
        <dt>{t('person.email')}</dt>
        <dd>
          {person.email}{' '}
          <span className="muted">
            ({person.emailVerified ? t('person.emailVerified') : t('person.emailNotVerified')})
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('person.level')}</dt>
        <dd>
          <Level level={person.assurance.level} />
        </dd>
      </div>
      {self && (
        <div>
          <dt>{t('person.note')}</dt>
          <dd>{t('person.self')}</dd>
        </div>
      )}
    </dl>
  )
}

function IdentityCheckForm({
  person,
  self,
  onRecorded,
}: {
  person: Person
  self: boolean
  onRecorded: () => Promise<void>
}) {
  const { t } = useTranslation('staff')
  const { send } = useSession()
  const id = useId()
  const [level, setLevel] = useState<'substantial' | 'high'>(
    person.assurance.level === 'low' ? 'substantial' : 'high',
  )
  const [documentType, setDocumentType] = useState<string>('identity_card')
  const [documentNumber, setDocumentNumber] = useState('')
  const [notes, setNotes] = useState('')
  const [recorded, setRecorded] = useState<LevelCode | null>(null)
  const action = useAction()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setRecorded(null)
    await action.run(async () => {
      const result = await send<{ level: LevelCode }>(
        `/api/people/${encodeURIComponent(person.id)}/identity-checks`,
        'POST',
        { level, documentType, documentNumber: documentNumber.trim(), ...(notes.trim() ? { notes } : {}) },
      )
      setDocumentNumber('')
      setNotes('')
      await onRecorded()
      setRecorded(result.level)
    })
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{t('check.heading')}</h2>
      {self ? (
        <p className="notice">{t('check.self')}</p>
      ) : (
        <form onSubmit={submit} className="form">
          <p>{t('check.intro', { name: person.displayName })}</p>
          <fieldset>
            <legend>{t('check.level')}</legend>
            {(['substantial', 'high'] as const).map((value) => (
              <div className="choice" key={value}>
                <input
                  type="radio"
                  id={`${id}-level-${value}`}
                  name={`${id}-level`}
                  value={value}
                  checked={level === value}
                  onChange={() => setLevel(value)}
                />
                <label htmlFor={`${id}-level-${value}`}>
                  <LevelName level={value} /> <span className="muted">– {t(`check.levelHint.${value}`)}</span>
                </label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-type`}>{t('check.documentType')}</label>
            <select
              id={`${id}-type`}
              value={documentType}
              onChange={(event) => setDocumentType(event.target.value)}
            >
              {DOCUMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`documentTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-number`}>{t('check.documentNumber')}</label>
            <input
              id={`${id}-number`}
              value={documentNumber}
              required
              minLength={4}
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-number-hint`}
              onChange={(event) => setDocumentNumber(event.target.value)}
            />
            <p className="hint" id={`${id}-number-hint`}>
              {t('check.documentNumberHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-notes`}>{t('check.notes')}</label>
            <textarea
              id={`${id}-notes`}
              value={notes}
              maxLength={500}
              rows={2}
              aria-describedby={`${id}-notes-hint`}
              onChange={(event) => setNotes(event.target.value)}
            />
            <p className="hint" id={`${id}-notes-hint`}>
              {t('check.notesHint')}
            </p>
          </div>
          <div className="actions">
            <button type="submit" disabled={action.busy}>
              {t('check.submit')}
            </button>
          </div>
          {action.busy && <Working>{t('check.working')}</Working>}
          <ProblemAlert error={action.error} />
          {recorded && (
            <Done>
              {t('check.done', { name: person.displayName })} <LevelName level={recorded} />.
            </Done>
          )}
        </form>
      )}
    </section>
  )
}

function IdentityChecks({ person }: { person: Person }) {
  const { t } = useTranslation('staff')
  const id = useId()
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('checks.heading')}</h2>
      {person.identityChecks.length === 0 ? (
        <p>{t('checks.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('checks.date')}</th>
              <th scope="col">{t('checks.level')}</th>
              <th scope="col">{t('checks.document')}</th>
              <th scope="col">{t('checks.clerk')}</th>
            </tr>
          </thead>
          <tbody>
            {person.identityChecks.map((check) => (
              <tr key={`${check.checkedAt}-${check.documentReference}`}>
                <td data-label={t('checks.date')}>
                  <DateTime value={check.checkedAt} />
                </td>
                <td data-label={t('checks.level')}>
                  <LevelName level={check.level} />
                </td>
                <td data-label={t('checks.document')}>
                  <DocumentTypeName type={check.documentType} /> {check.documentReference}
                </td>
                <td data-label={t('checks.clerk')}>{check.clerk}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function PlatformRoles({
  person,
  self,
  onChanged,
}: {
  person: Person
  self: boolean
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation('staff')
  const { send, refresh } = useSession()
  const id = useId()
  const action = useAction()
  const [working, setWorking] = useState<string | null>(null)
  const [done, setDone] = useState<{ role: string; granted: boolean } | null>(null)

  const change = async (role: string, grant: boolean) => {
    setDone(null)
    setWorking(role)
    const ok = await action.run(async () => {
      await send(
        `/api/people/${encodeURIComponent(person.id)}/roles/${encodeURIComponent(role)}`,
        grant ? 'PUT' : 'DELETE',
      )
      await onChanged()
      if (self) await refresh()
    })
    setWorking(null)
    if (ok) setDone({ role, granted: grant })
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{t('roles.heading')}</h2>
      <p>{t('roles.intro')}</p>
      <ul className="role-list">
        {PLATFORM_ROLE_NAMES.map((role) => {
          const held = person.platformRoles.includes(role)
          return (
            <li key={role}>
              <div>
                <strong>
                  <RoleName role={role} />
                </strong>
                <span className={held ? 'held' : 'muted'}>
                  {' '}
                  – {held ? t('roles.held') : t('roles.notHeld')}
                </span>
                <p className="hint">{t(`roleDescriptions.${role}`)}</p>
              </div>
              <button
                type="button"
                className={held ? 'button--secondary' : undefined}
                disabled={action.busy}
                onClick={() => change(role, !held)}
              >
                {held
                  ? t('roles.revoke', { role: t(`roleNames.${role}`) })
                  : t('roles.grant', { role: t(`roleNames.${role}`) })}
              </button>
            </li>
          )
        })}
      </ul>
      {working && <Working>{t('roles.working')}</Working>}
      <ProblemAlert error={action.error} />
      {done && (
        <Done>
          {t(done.granted ? 'roles.granted' : 'roles.revoked', {
            role: t(`roleNames.${done.role}` as 'roleNames.clerk'),
            name: person.displayName,
          })}
        </Done>
      )}
    </section>
  )
}

function Memberships({ person, access }: { person: Person; access: StaffAccess }) {
  const { t } = useTranslation('staff')
  const id = useId()
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('person.memberships')}</h2>
      {person.memberships.length === 0 ? (
        <p>{t('person.noMemberships')}</p>
      ) : (
        <ul>
          {person.memberships.map((membership) => (
            <li key={membership.organisation}>
              {mayManageOrganisation(access, membership.organisation) ? (
                <Link to={`/staff/organisations/${membership.organisation}`}>{membership.organisation}</Link>
              ) : (
                membership.organisation
              )}
              {': '}
              <MembershipRoleName role={membership.role} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
